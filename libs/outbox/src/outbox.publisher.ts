import { Headers } from '@leadscore/contracts';
import { collectHeaderValuesSince, type BatchingProducer, type KafkaClient } from '@leadscore/kafka';
import {
  outboxRepository,
  withAdvisoryLock,
  type DataSource,
  type PendingOutboxMessage,
} from '@leadscore/persistence';

/** How far before the oldest unmarked message recovery starts reading (producer and broker clocks differ). */
const RECOVERY_CLOCK_SKEW_MS = 60_000;
const PAGE = 2_000;

function toRecord(message: PendingOutboxMessage) {
  return {
    key: message.key,
    value: message.payload,
    headers: { ...message.headers, [Headers.eventId]: message.eventId },
  };
}

/**
 * Publishes an outbox source's committed messages in order and marks them published. One publisher per
 * source at a time (the owner of that events partition), so order per key holds.
 */
export class OutboxPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: BatchingProducer,
    private readonly kafka: KafkaClient,
  ) {}

  /**
   * Publishes what the source has pending. Under a lock per source: a member that lost its partition in a
   * rebalance may still be publishing its last batch; the new owner waits, so per-key order holds.
   */
  publishPending(source: string): Promise<number> {
    return withAdvisoryLock(this.dataSource, `leadscore-outbox:${source}`, () =>
      this.publishPendingLocked(source),
    );
  }

  private async publishPendingLocked(source: string): Promise<number> {
    let published = 0;
    for (;;) {
      const pending = await outboxRepository.pending(this.dataSource.manager, source, PAGE);
      if (pending.length === 0) return published;
      const byTopic = new Map<string, PendingOutboxMessage[]>();
      for (const message of pending) {
        const messages = byTopic.get(message.topic);
        if (messages) messages.push(message);
        else byTopic.set(message.topic, [message]);
      }
      await Promise.all(
        [...byTopic].map(([topic, messages]) => this.producer.send(topic, messages.map(toRecord))),
      );
      await outboxRepository.markPublished(
        this.dataSource.manager,
        pending.map((m) => m.id),
        new Date(),
      );
      published += pending.length;
    }
  }

  /**
   * After a crash, messages Kafka acknowledged may still be unmarked. Before publishing them again, read
   * what the topics got since the oldest of them and mark those, so no score change is published twice.
   */
  recover(source: string): Promise<{ alreadyPublished: number; published: number }> {
    return withAdvisoryLock(this.dataSource, `leadscore-outbox:${source}`, () => this.recoverLocked(source));
  }

  private async recoverLocked(source: string): Promise<{ alreadyPublished: number; published: number }> {
    const pending = await outboxRepository.pending(this.dataSource.manager, source, Number.MAX_SAFE_INTEGER);
    if (pending.length === 0) return { alreadyPublished: 0, published: 0 };
    // A loop, not Math.min(...spread): a crash can leave more rows pending than a call may take arguments.
    let oldest = Number.POSITIVE_INFINITY;
    for (const message of pending) oldest = Math.min(oldest, message.createdAt.getTime());
    const since = oldest - RECOVERY_CLOCK_SKEW_MS;
    const found = new Set<string>();
    for (const topic of new Set(pending.map((m) => m.topic))) {
      for (const id of await collectHeaderValuesSince(this.kafka, topic, {
        sinceMs: since,
        header: Headers.eventId,
      })) {
        found.add(id);
      }
    }
    const delivered = pending.filter((m) => found.has(m.eventId));
    await outboxRepository.markPublished(
      this.dataSource.manager,
      delivered.map((m) => m.id),
      new Date(),
    );
    return { alreadyPublished: delivered.length, published: await this.publishPendingLocked(source) };
  }

  backlog(): Promise<number> {
    return outboxRepository.backlog(this.dataSource.manager);
  }
}
