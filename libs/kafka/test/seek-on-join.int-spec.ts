import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
  type BatchConsumer,
  type BatchingProducer,
  type ConsumedBatch,
  type KafkaClient,
  type KafkaInstrumentationEvents,
} from '../src/index.js';

const PARTITIONS = 4;
const PER_PARTITION = 100;

/** Waits until `condition` holds, polling; fails the test with `what` after `timeoutMs`. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The handler's "database": offsets stored with the results, the only source of truth for where a
 * partition resumes. Kafka never sees a commit in this test.
 */
class OffsetStore {
  readonly offsets = new Map<number, bigint>();
  readonly processed = new Map<string, string>(); // `${partition}@${offset}` -> consumer name
  readonly duplicates: string[] = [];
  readonly gaps: string[] = [];

  handlerFor(consumerName: string) {
    return async (batch: ConsumedBatch): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // a transaction takes a moment
      for (const message of batch.messages) {
        const id = `${batch.partition}@${message.offset}`;
        const expected = this.offsets.get(batch.partition) ?? 0n;
        if (BigInt(message.offset) !== expected)
          this.gaps.push(`${consumerName} got ${id}, store expected ${expected}`);
        if (this.processed.has(id))
          this.duplicates.push(`${id} by ${this.processed.get(id)} and ${consumerName}`);
        this.processed.set(id, consumerName);
        this.offsets.set(batch.partition, BigInt(message.offset) + 1n);
      }
    };
  }

  /** Slow on purpose: batches must wait for it, not race it. */
  reached(offset: number): boolean {
    return Array.from({ length: PARTITIONS }, (_, p) => this.offsets.get(p) === BigInt(offset)).every(
      Boolean,
    );
  }

  lookup = async ({ partitions }: { partitions: readonly number[] }): Promise<Map<number, bigint>> => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return new Map(partitions.filter((p) => this.offsets.has(p)).map((p) => [p, this.offsets.get(p) ?? 0n]));
  };
}

describe('batch consumer seek-on-join (offsets stored outside Kafka)', () => {
  const topic = uniqueName('seek');
  const groupId = uniqueName('seek-group');
  let client: KafkaClient;
  let producer: BatchingProducer;
  const consumers: BatchConsumer[] = [];

  async function produceRound(round: number): Promise<void> {
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
      const messages = Array.from({ length: PER_PARTITION }, (_, i) => ({
        key: `k${partition}`,
        value: `${round}-${i}`,
        partition,
      }));
      await producer.send(topic, messages);
    }
  }

  beforeAll(async () => {
    client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('seek'),
      logger: silentLogger,
    });
    await waitForKafkaReady(client);
    await ensureTopics(client, [{ name: topic, partitions: PARTITIONS, config: {} }]);
    producer = createBatchingProducer(client);
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await producer.disconnect();
  });

  it('starts every partition exactly at its stored offset, then shares the group without processing anything twice', async () => {
    await produceRound(1);
    const store = new OffsetStore();
    // As if an earlier run had stored these with its results (partition 2 never handled anything).
    store.offsets.set(0, 10n);
    store.offsets.set(1, 25n);
    store.offsets.set(3, 99n);
    const startOffsets = new Map(store.offsets);

    const firstSeen = new Map<number, string>();
    const sought: KafkaInstrumentationEvents['partitionSought'][] = [];
    const joins: KafkaInstrumentationEvents['groupJoined'][] = [];
    client.instrumentation.subscribe({
      onBatchConsumed: (event) => {
        if (!firstSeen.has(event.partition)) firstSeen.set(event.partition, event.firstOffset);
      },
      onPartitionSought: (event) => sought.push(event),
      onGroupJoined: (event) => joins.push(event),
    });

    const consumerOptions = {
      groupId,
      topics: [topic],
      onPartitionsAssigned: store.lookup,
      heartbeatIntervalMs: 300,
      sessionTimeoutMs: 10_000,
      maxWaitTimeMs: 200,
    };
    const first = createBatchConsumer(client, { ...consumerOptions, handler: store.handlerFor('first') });
    consumers.push(first);
    await first.start();

    const expectedRound1 = PARTITIONS * PER_PARTITION - (10 + 25 + 99);
    await eventually(() => store.reached(PER_PARTITION), 'round 1 to be consumed');
    expect(store.gaps).toEqual([]);
    expect(store.processed.size).toBe(expectedRound1);
    expect(firstSeen).toEqual(
      new Map([
        [0, '10'],
        [1, '25'],
        [2, '0'],
        [3, '99'],
      ]),
    );
    expect(sought.map((s) => [s.partition, s.offset]).sort()).toEqual(
      [...startOffsets].map(([p, o]) => [p, o.toString()]).sort(),
    );

    // A second member joins: the group rebalances, both seek to the store and share the partitions.
    const second = createBatchConsumer(client, { ...consumerOptions, handler: store.handlerFor('second') });
    consumers.push(second);
    await second.start();
    await produceRound(2);
    await eventually(() => store.reached(2 * PER_PARTITION), 'round 2 to be consumed');
    await produceRound(3);
    await eventually(() => store.reached(3 * PER_PARTITION), 'round 3 to be consumed');
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything processed twice would show up now

    expect(store.duplicates).toEqual([]);
    expect(store.gaps).toEqual([]);
    const byConsumer = new Set(store.processed.values());
    expect(byConsumer).toEqual(new Set(['first', 'second']));
    expect(joins.length).toBeGreaterThanOrEqual(3); // first, then both members after the rebalance
    expect(store.processed.size).toBe(expectedRound1 + 2 * PARTITIONS * PER_PARTITION);
  });
});
