import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import kafkajs from 'kafkajs';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
  type BatchingProducer,
  type KafkaClient,
} from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('batch consumer lifecycle', () => {
  let client: KafkaClient;
  let producer: BatchingProducer;
  const inspector = new kafkajs.Kafka({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('inspector'),
    logLevel: kafkajs.logLevel.NOTHING,
  }).admin();

  beforeAll(async () => {
    client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('lifecycle'),
      logger: silentLogger,
    });
    await waitForKafkaReady(client);
    producer = createBatchingProducer(client);
    await producer.connect();
    await inspector.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await inspector.disconnect();
  });

  it('keeps its group membership through a batch that outlasts the session timeout, and commits when asked to', async () => {
    const topic = uniqueName('long-batch');
    const groupId = uniqueName('long-batch-group');
    await ensureTopics(client, [{ name: topic, partitions: 1, config: {} }]);
    await producer.send(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ value: String(i) })),
    );

    let joins = 0;
    const unsubscribe = client.instrumentation.subscribe({
      onGroupJoined: (e) => (e.groupId === groupId ? (joins += 1) : undefined),
    });
    const handled: string[] = [];
    let batches = 0;
    const consumer = createBatchConsumer(client, {
      groupId,
      topics: [topic],
      commitOffsets: true,
      sessionTimeoutMs: 6_000, // the broker's minimum
      heartbeatIntervalMs: 1_000,
      maxWaitTimeMs: 200,
      handler: async (batch) => {
        batches += 1;
        if (batches === 1) await sleep(8_000); // longer than the session timeout
        handled.push(...batch.messages.map((m) => m.value?.toString() ?? ''));
      },
    });
    await consumer.start();
    while (handled.length < 20) await sleep(100);
    await sleep(1_500); // a lost membership would rejoin and redeliver now
    await consumer.stop();
    unsubscribe();

    expect(handled).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(joins).toBe(1);
    const [committed] = await inspector.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '20' })]);
  });

  it('stops gracefully: finishes the batch in hand, commits it, and leaves the group for the next member', async () => {
    const topic = uniqueName('graceful');
    const groupId = uniqueName('graceful-group');
    await ensureTopics(client, [{ name: topic, partitions: 1, config: {} }]);
    await producer.send(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: String(i) })),
    );

    const events: string[] = [];
    let inHandler: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (inHandler = resolve));
    const first = createBatchConsumer(client, {
      groupId,
      topics: [topic],
      commitOffsets: true,
      handler: async (batch) => {
        inHandler();
        await sleep(1_500);
        events.push(`handled ${batch.messages.length} up to ${batch.nextOffset}`);
      },
    });
    await first.start();
    await handlerStarted;
    await first.stop();
    events.push('stopped');
    expect(events).toEqual(['handled 10 up to 10', 'stopped']);

    // The next member starts after the committed batch, without waiting out the old member's session.
    await producer.send(topic, [{ value: 'after' }]);
    const seen: string[] = [];
    const startedAt = Date.now();
    const second = createBatchConsumer(client, {
      groupId,
      topics: [topic],
      commitOffsets: true,
      handler: async (batch) => {
        seen.push(...batch.messages.map((m) => m.value?.toString() ?? ''));
        await Promise.resolve();
      },
    });
    await second.start();
    while (seen.length === 0) await sleep(50);
    await second.stop();
    expect(seen).toEqual(['after']);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});
