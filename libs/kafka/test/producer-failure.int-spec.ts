import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  freePort,
  makeTempDir,
  removeDir,
  startKafkaServer,
  uniqueName,
  type KafkaServer,
} from '@leadscore/testing';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  KafkaClosedError,
  KafkaProduceError,
  silentLogger,
  waitForKafkaReady,
  type KafkaInstrumentationEvents,
} from '../src/index.js';

describe('batching producer when the broker goes away', () => {
  const dataDir = makeTempDir('kafka-failure');
  let broker: KafkaServer;
  let ports: { port: number; controllerPort: number };

  beforeAll(async () => {
    // A throwaway broker of our own: stopping the shared one would break every other suite. Fixed
    // ports, so that it can come back where the clients expect it.
    ports = { port: await freePort(), controllerPort: await freePort() };
    broker = await startKafkaServer({ dataDir, heap: '384m', ...ports });
  });
  afterAll(async () => {
    await broker.stop();
    removeDir(dataDir);
  });

  it('rejects every waiting caller with a retriable KafkaProduceError, delivers again once the broker is back, and refuses sends after disconnect', async () => {
    const client = createKafkaClient({
      brokers: broker.brokers,
      clientId: uniqueName('failure'),
      logger: silentLogger,
      // Short retry timings: the test is about the error, not about patience.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 },
      connectionTimeoutMs: 500,
      requestTimeoutMs: 3_000,
    });
    await waitForKafkaReady(client);
    const topic = uniqueName('failure');
    await ensureTopics(client, [{ name: topic, partitions: 2, config: {} }]);
    const failures: KafkaInstrumentationEvents['produceFailed'][] = [];
    client.instrumentation.subscribe({ onProduceFailed: (event) => failures.push(event) });

    const producer = createBatchingProducer(client, {
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 },
    });
    await producer.connect();
    await producer.send(topic, [{ key: 'k', value: 'before the outage' }]);

    await broker.stop();
    const started = Date.now();
    const outcomes = await Promise.allSettled([
      producer.send(topic, [{ key: 'a', value: 'lost 1' }]),
      producer.send(topic, [{ key: 'b', value: 'lost 2' }]),
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason as KafkaProduceError;
      expect(error).toBeInstanceOf(KafkaProduceError);
      expect(error.retriable).toBe(true);
      expect(error.operation).toBe('produce');
      expect(error.reason).toMatch(/^KafkaJS(Connection|ConnectionClosed|RequestTimeout)Error$/);
    }
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]?.error.retriable).toBe(true);

    // Retriable means it: once the broker is back, the same producer delivers again.
    broker = await startKafkaServer({ dataDir, heap: '384m', ...ports });
    await waitForKafkaReady(client);
    await producer.send(topic, [{ key: 'k', value: 'after the outage' }]);
    const values: string[] = [];
    const consumer = createBatchConsumer(client, {
      groupId: uniqueName('failure-check'),
      topics: [topic],
      handler: async (batch) => {
        values.push(...batch.messages.map((m) => m.value?.toString() ?? ''));
        await Promise.resolve();
      },
    });
    await consumer.start();
    while (!values.includes('after the outage')) await new Promise((resolve) => setTimeout(resolve, 50));
    await consumer.stop();
    expect(values).toEqual(expect.arrayContaining(['before the outage', 'after the outage']));

    await producer.disconnect();
    const afterClose = await producer.send(topic, [{ value: 'too late' }]).catch((e: unknown) => e);
    expect(afterClose).toBeInstanceOf(KafkaClosedError);
    expect((afterClose as KafkaClosedError).retriable).toBe(false);
  });
});
