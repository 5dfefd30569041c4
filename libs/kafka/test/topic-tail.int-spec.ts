import { describe, expect, it } from '@jest/globals';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import {
  collectHeaderValuesSince,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
} from '../src/index.js';

describe('collectHeaderValuesSince', () => {
  it('returns the header values of exactly the records written since a time', async () => {
    const client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('tail'),
      logger: silentLogger,
    });
    const topic = uniqueName('tail');
    await ensureTopics(client, [{ name: topic, partitions: 3, config: {} }]);
    const producer = createBatchingProducer(client);
    await producer.connect();
    const send = (ids: string[], timestamp: number) =>
      producer.send(
        topic,
        ids.map((id) => ({ key: id, value: 'x', headers: { ce_id: id }, timestamp: String(timestamp) })),
      );
    const old = Date.now() - 60_000;
    await send(['old-1', 'old-2', 'old-3'], old);
    const recent = Array.from({ length: 50 }, (_, i) => `new-${i}`);
    await send(recent, Date.now());
    await producer.disconnect();

    const seen = await collectHeaderValuesSince(client, topic, { sinceMs: old + 30_000, header: 'ce_id' });
    expect([...seen].sort()).toEqual([...recent].sort());

    const none = await collectHeaderValuesSince(client, topic, {
      sinceMs: Date.now() + 60_000,
      header: 'ce_id',
    });
    expect(none.size).toBe(0);
  });
});
