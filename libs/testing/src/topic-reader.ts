import {
  createBatchConsumer,
  highWatermarks,
  type ConsumedMessage,
  type KafkaClient,
} from '@leadscore/kafka';
import { uniqueName } from './test-environment.js';

/** A record read back from a topic, with the partition it was on. */
export interface TopicRecord extends ConsumedMessage {
  readonly partition: number;
}

export interface ReadTopicOptions {
  /**
   * Stop once this holds for the (accepted) records read so far. Default: every partition read up to
   * the high watermark it had when the read began.
   */
  readonly until?: (records: readonly TopicRecord[]) => boolean;
  /** Only records this accepts are kept (other tests may share the topic). */
  readonly accept?: (record: TopicRecord) => boolean;
  /** Default 60 s. */
  readonly timeoutMs?: number;
  /** When the timeout passes first: throw saying what was awaited (default), or return what was read. */
  readonly onTimeout?: 'throw' | 'return';
  /** Keep reading this long after `until` holds, so that a duplicate arriving late is seen. Default 0. */
  readonly graceMs?: number;
  /** Named in the timeout error, e.g. `3 score changes of workspace w1`. */
  readonly waitingFor?: string;
}

/**
 * The one way tests read a topic back: from the beginning, with a throwaway consumer group, records
 * kept by (partition, offset) — a batch the reader's own group redelivers after a rebalance replaces
 * its first read instead of looking like a duplicate on the topic — and returned in partition and
 * offset order.
 */
export async function readTopic(
  kafka: KafkaClient,
  topic: string,
  options: ReadTopicOptions = {},
): Promise<TopicRecord[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const records = new Map<string, TopicRecord>();
  const inOrder = (): TopicRecord[] =>
    [...records.values()].sort(
      (a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
    );
  let until = options.until;
  let waitingFor = options.waitingFor;
  if (!until) {
    const targets = await highWatermarks(kafka, topic);
    const total = [...targets.values()].reduce((n, high) => n + Number(high), 0);
    until = (read) => read.length >= total;
    waitingFor ??= `the ${total} records on ${topic}`;
  }
  const done = until;
  let satisfied = false;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const consumer = createBatchConsumer(kafka, {
    groupId: uniqueName('reader'),
    topics: [topic],
    fromBeginning: true,
    commitOffsets: false,
    maxWaitTimeMs: 100,
    handler: (batch) => {
      for (const message of batch.messages) {
        const record: TopicRecord = { ...message, partition: batch.partition };
        if (options.accept && !options.accept(record)) continue;
        records.set(`${batch.partition}:${message.offset}`, record);
      }
      if (!satisfied && done(inOrder())) {
        satisfied = true;
        finish();
      }
      return Promise.resolve();
    },
  });
  await consumer.start();
  const timer = setTimeout(finish, timeoutMs);
  try {
    await finished;
    if (satisfied && options.graceMs) await new Promise((resolve) => setTimeout(resolve, options.graceMs));
  } finally {
    clearTimeout(timer);
    await consumer.stop();
  }
  if (!satisfied && (options.onTimeout ?? 'throw') === 'throw') {
    throw new Error(
      `read ${records.size} records from ${topic} in ${timeoutMs} ms, waiting for ${waitingFor ?? 'a condition'}`,
    );
  }
  return inOrder();
}

/** The stored offsets a consumer of ours commits with its state (table consumer_offsets). */
interface OffsetQuery {
  query<T>(sql: string, parameters: unknown[]): Promise<T>;
}

/**
 * The one wait-until-consumed: resolves once the offsets a service stored in PostgreSQL reached every
 * partition's high watermark as it was when the wait began; throws after `timeoutMs` with what was stored.
 */
export async function waitUntilConsumed(
  kafka: KafkaClient,
  database: OffsetQuery,
  group: string,
  topic: string,
  timeoutMs = 180_000,
): Promise<void> {
  const targets = await highWatermarks(kafka, topic);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await database.query<{ partition: number; next_offset: string }[]>(
      'SELECT partition, next_offset::text AS next_offset FROM consumer_offsets WHERE consumer_group = $1 AND topic = $2',
      [group, topic],
    );
    const stored = new Map(rows.map((r) => [r.partition, BigInt(r.next_offset)]));
    if ([...targets].every(([p, high]) => (stored.get(p) ?? 0n) >= BigInt(high))) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${group} did not consume ${topic} in ${timeoutMs} ms: stored ${JSON.stringify([...stored].map(([p, o]) => [p, String(o)]))}, high watermarks ${JSON.stringify([...targets])}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
