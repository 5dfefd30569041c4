import { beforeAll, describe, expect, it } from '@jest/globals';
import { contactKey } from '@leadscore/contracts';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
  type KafkaClient,
  type KafkaInstrumentationEvents,
} from '../src/index.js';

const KEYS = 1_000;
const MESSAGES_PER_KEY = 100;
const SENDERS = 200; // concurrent callers, each owning KEYS / SENDERS keys

describe('batching producer + batch consumer conformance (100k keyed messages)', () => {
  const topic = uniqueName('conformance');
  let client: KafkaClient;

  beforeAll(async () => {
    client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('conformance'),
      logger: silentLogger,
    });
    await waitForKafkaReady(client);
    await ensureTopics(client, [{ name: topic, partitions: 6, config: {} }]);
  });

  it('loses nothing, keeps per-key order, and coalesces concurrent sends into fewer requests', async () => {
    const produced: KafkaInstrumentationEvents['batchProduced'][] = [];
    const unsubscribe = client.instrumentation.subscribe({
      onBatchProduced: (event) => produced.push(event),
    });
    const producer = createBatchingProducer(client, { lingerMs: 2 });
    await producer.connect();

    const keysPerSender = KEYS / SENDERS;
    let sends = 0;
    await Promise.all(
      Array.from({ length: SENDERS }, async (_, sender) => {
        for (let seq = 0; seq < MESSAGES_PER_KEY; seq += 1) {
          const messages = Array.from({ length: keysPerSender }, (_, k) => ({
            key: contactKey('ws1', `c${sender * keysPerSender + k}`),
            value: String(seq),
            headers: { 'content-type': 'text/plain' },
          }));
          sends += 1;
          await producer.send(topic, messages); // resolves after Kafka acked: the next seq follows it
        }
      }),
    );
    await producer.disconnect();
    unsubscribe();

    const totalMessages = KEYS * MESSAGES_PER_KEY;
    expect(produced.reduce((sum, e) => sum + e.messages, 0)).toBe(totalMessages);
    expect(produced.reduce((sum, e) => sum + e.sends, 0)).toBe(sends);
    expect(produced.length).toBeLessThan(sends / 10);
    expect(Math.max(...produced.map((e) => e.bytes))).toBeLessThan(1024 * 1024);

    const seen = new Map<string, number[]>();
    let received = 0;
    let resolveAll: () => void = () => undefined;
    const allReceived = new Promise<void>((resolve) => (resolveAll = resolve));
    const consumer = createBatchConsumer(client, {
      groupId: uniqueName('conformance-group'),
      topics: [topic],
      handler: async (batch) => {
        for (const message of batch.messages) {
          const key = message.key?.toString() ?? '';
          const list = seen.get(key) ?? [];
          list.push(Number(message.value?.toString()));
          seen.set(key, list);
          expect(message.headers['content-type']).toBe('text/plain');
        }
        received += batch.messages.length;
        if (received >= totalMessages) resolveAll();
        await Promise.resolve();
      },
    });
    await consumer.start();
    await allReceived;
    await consumer.stop();

    expect(received).toBe(totalMessages);
    expect(seen.size).toBe(KEYS);
    const inOrder = Array.from({ length: MESSAGES_PER_KEY }, (_, seq) => seq);
    for (const [, values] of seen) expect(values).toEqual(inOrder);
  });
});
