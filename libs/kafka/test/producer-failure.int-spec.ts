import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTempDir, removeDir, startKafkaServer, uniqueName, type KafkaServer } from '@leadscore/testing';
import {
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

  beforeAll(async () => {
    // A throwaway broker of our own: stopping the shared one would break every other suite.
    broker = await startKafkaServer({ dataDir, heap: '384m' });
  });
  afterAll(async () => {
    await broker.stop();
    removeDir(dataDir);
  });

  it('rejects every waiting caller with a retriable KafkaProduceError, and refuses sends after disconnect', async () => {
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

    const producer = createBatchingProducer(client, { retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 } });
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

    await producer.disconnect();
    const afterClose = await producer.send(topic, [{ value: 'too late' }]).catch((e: unknown) => e);
    expect(afterClose).toBeInstanceOf(KafkaClosedError);
    expect((afterClose as KafkaClosedError).retriable).toBe(false);
  });
});
