import { randomBytes } from 'node:crypto';
import { kafkajsOf, type KafkaClient } from './kafka-client.factory.js';
import { toKafkaError } from './kafka-errors.js';
import { retryTransient } from './transient-retry.js';

export interface HeaderScanOptions {
  /** First record time (epoch ms) to look at; earlier records are skipped via the broker's time index. */
  readonly sinceMs: number;
  /** The header whose values are collected (e.g. `ce_id`). */
  readonly header: string;
  /** Give up after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/**
 * Reads every record of `topic` written since `sinceMs`, up to the high watermarks at call time, and
 * returns the values of one header. Used to recover a transactional outbox after a crash: which of its
 * unmarked messages did Kafka already get? Uses a throwaway consumer group that it deletes afterwards.
 */
export async function collectHeaderValuesSince(
  client: KafkaClient,
  topic: string,
  options: HeaderScanOptions,
): Promise<Set<string>> {
  const kafka = kafkajsOf(client);
  const admin = kafka.admin();
  const values = new Set<string>();
  const groupId = `${client.clientId}-tail-${randomBytes(6).toString('hex')}`;
  await admin.connect();
  try {
    const [starts, ends] = await Promise.all([
      admin.fetchTopicOffsetsByTimestamp(topic, options.sinceMs),
      admin.fetchTopicOffsets(topic),
    ]);
    // Partitions with records to read: [start, high watermark).
    const remaining = new Map<number, { start: bigint; end: bigint }>();
    for (const { partition, offset } of starts) {
      const end = BigInt(ends.find((e) => e.partition === partition)?.high ?? '0');
      const start = BigInt(offset);
      if (start >= 0n && start < end) remaining.set(partition, { start, end });
    }
    if (remaining.size === 0) return values;

    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      let finish!: () => void;
      let fail!: (error: unknown) => void;
      const done = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const timer = setTimeout(
        () => fail(new Error(`reading ${topic} since ${options.sinceMs} did not finish in time`)),
        options.timeoutMs ?? 60_000,
      );
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = remaining.get(batch.partition);
          if (!range) return;
          for (const message of batch.messages) {
            const offset = BigInt(message.offset);
            if (offset < range.start || offset >= range.end) continue;
            const raw = message.headers?.[options.header];
            const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
            if (value !== undefined) values.add(value.toString());
          }
          const last = BigInt(batch.lastOffset());
          if (last + 1n >= range.end) remaining.delete(batch.partition);
          if (remaining.size === 0) finish();
          await Promise.resolve();
        },
      });
      for (const [partition, { start }] of remaining)
        consumer.seek({ topic, partition, offset: start.toString() });
      await done.finally(() => clearTimeout(timer));
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return values;
  } catch (error) {
    throw toKafkaError(error, 'consume', `reading the tail of ${topic}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Each partition's high watermark (the offset the next record will get), as decimal strings. A topic
 * just created may answer NOT_LEADER for a moment after its metadata names leaders: retried for 10 s.
 */
export async function highWatermarks(client: KafkaClient, topic: string): Promise<Map<number, string>> {
  const admin = kafkajsOf(client).admin();
  await admin.connect();
  try {
    const offsets = await retryTransient(() => admin.fetchTopicOffsets(topic), Date.now() + 10_000);
    return new Map(offsets.map((o) => [o.partition, o.high]));
  } catch (error) {
    throw toKafkaError(error, 'admin', `fetching the offsets of ${topic}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
