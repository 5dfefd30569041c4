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
 * Publishes an outbox source's committed messages in order and moves its published watermark. One
 * publisher per source at a time (the owner of that events partition), so order per key holds.
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

  /**
   * Publishes the messages a transaction of `source` just committed (as `outboxRepository.enqueue`
   * returned them, in id order) without reading them back, unless older messages of the source are
   * still pending: then everything pending goes out from the table, in order. Messages the watermark
   * already covers are skipped: after a rebalance the new owner's recovery may have published them
   * before this call got the lock. With no messages, publishes what is pending.
   */
  publishCommitted(source: string, committed: readonly PendingOutboxMessage[]): Promise<number> {
    const first = committed[0];
    const last = committed.at(-1);
    if (first === undefined || last === undefined) return this.publishPending(source);
    return withAdvisoryLock(this.dataSource, `leadscore-outbox:${source}`, async () => {
      const { publishedThrough, pendingBefore } = await outboxRepository.progress(
        this.dataSource.manager,
        source,
        first.id,
      );
      if (pendingBefore) return this.publishPendingLocked(source);
      const unpublished = committed.filter((m) => BigInt(m.id) > BigInt(publishedThrough));
      if (unpublished.length === 0) return 0;
      await this.send(unpublished);
      await outboxRepository.markPublishedThrough(this.dataSource.manager, source, last.id, new Date());
      return unpublished.length;
    });
  }

  private async publishPendingLocked(source: string): Promise<number> {
    let published = 0;
    for (;;) {
      const pending = await outboxRepository.pending(this.dataSource.manager, source, PAGE);
      const last = pending.at(-1);
      if (last === undefined) return published;
      await this.send(pending);
      await outboxRepository.markPublishedThrough(this.dataSource.manager, source, last.id, new Date());
      published += pending.length;
    }
  }

  /** Produces messages in id order (per topic; each topic's records keep that order). */
  private async send(messages: readonly PendingOutboxMessage[]): Promise<void> {
    const byTopic = new Map<string, PendingOutboxMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic);
      if (list) list.push(message);
      else byTopic.set(message.topic, [message]);
    }
    await Promise.all([...byTopic].map(([topic, list]) => this.producer.send(topic, list.map(toRecord))));
  }

  /**
   * After a crash, messages Kafka acknowledged may still be pending. Before publishing them again, read
   * what the topics got since the oldest of them and skip those, so no score change is published twice.
   */
  recover(source: string): Promise<{ alreadyPublished: number; published: number }> {
    return withAdvisoryLock(this.dataSource, `leadscore-outbox:${source}`, () => this.recoverLocked(source));
  }

  private async recoverLocked(source: string): Promise<{ alreadyPublished: number; published: number }> {
    const pending = await outboxRepository.pending(this.dataSource.manager, source, Number.MAX_SAFE_INTEGER);
    const last = pending.at(-1);
    if (last === undefined) return { alreadyPublished: 0, published: 0 };
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
    const undelivered = pending.filter((m) => !found.has(m.eventId));
    for (let i = 0; i < undelivered.length; i += PAGE) await this.send(undelivered.slice(i, i + PAGE));
    await outboxRepository.markPublishedThrough(this.dataSource.manager, source, last.id, new Date());
    return {
      alreadyPublished: pending.length - undelivered.length,
      published: undelivered.length + (await this.publishPendingLocked(source)),
    };
  }

  backlog(): Promise<number> {
    return outboxRepository.backlog(this.dataSource.manager);
  }
}
