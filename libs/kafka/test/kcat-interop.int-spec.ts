import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
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
} from '../src/index.js';

const KCAT = '/usr/bin/kcat';
const MESSAGES = 2_000;
const PARTITIONS = 6;
const run = promisify(execFile);

interface KeyValue {
  readonly key: string;
  readonly value: string;
}

interface KcatRecord extends KeyValue {
  readonly partition: number;
}

const sorted = (list: readonly KeyValue[]): KeyValue[] =>
  list
    .map(({ key, value }) => ({ key, value }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.value.localeCompare(b.value));
const valuesOf = (list: readonly KeyValue[], key: string): string[] =>
  list.filter((r) => r.key === key).map((r) => r.value);

/** Everything in the topic, as kcat (librdkafka) reads it. */
async function kcatConsume(broker: string, topic: string): Promise<KcatRecord[]> {
  const { stdout } = await run(KCAT, ['-b', broker, '-C', '-t', topic, '-e', '-q', '-f', '%k\t%s\t%p\n'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [key = '', value = '', partition = ''] = line.split('\t');
      return { key, value, partition: Number(partition) };
    });
}

/** Produces `key\tvalue` lines with the Java client's murmur2 partitioner, waiting for all acks. */
async function kcatProduce(broker: string, topic: string, records: readonly KeyValue[]): Promise<void> {
  const child = spawn(
    KCAT,
    ['-b', broker, '-P', '-t', topic, '-K', '\t', '-X', 'partitioner=murmur2_random', '-X', 'acks=all'],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdin.end(records.map(({ key, value }) => `${key}\t${value}\n`).join(''));
  const code = await exited;
  if (code !== 0) throw new Error(`kcat exited with ${String(code)}: ${stderr}`);
}

describe('interoperability with kcat (librdkafka)', () => {
  let client: KafkaClient;
  let broker: string;

  beforeAll(async () => {
    if (!existsSync(KCAT))
      throw new Error(`${KCAT} is missing: apt-get install -y kcat (the setup script installs it)`);
    broker = testKafkaBrokers()[0] ?? '';
    client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('kcat'),
      logger: silentLogger,
    });
    await waitForKafkaReady(client);
  });

  it('kcat reads back exactly what the batching producer wrote, on the partitions the Java client would pick', async () => {
    const topic = uniqueName('kcat-read');
    const reference = uniqueName('kcat-reference');
    await ensureTopics(client, [
      { name: topic, partitions: PARTITIONS, config: {} },
      { name: reference, partitions: PARTITIONS, config: {} },
    ]);
    const records = Array.from({ length: MESSAGES }, (_, i) => ({
      key: contactKey('ws', `c${i % 300}`),
      value: `value-${i}`,
    }));
    const producer = createBatchingProducer(client);
    await producer.connect();
    await Promise.all(records.map((record) => producer.send(topic, [record])));
    await producer.disconnect();

    const read = await kcatConsume(broker, topic);
    expect(sorted(read)).toEqual(sorted(records));
    // Per-key order as written.
    expect(valuesOf(read, contactKey('ws', 'c7'))).toEqual(valuesOf(records, contactKey('ws', 'c7')));

    // The same keys produced by librdkafka's Java-compatible partitioner land on the same partitions.
    await kcatProduce(broker, reference, records.slice(0, 300));
    const partitionOfKey = new Map(read.map((r) => [r.key, r.partition]));
    const referenceRead = await kcatConsume(broker, reference);
    expect(referenceRead).toHaveLength(300);
    for (const r of referenceRead)
      expect({ key: r.key, partition: partitionOfKey.get(r.key) }).toEqual({
        key: r.key,
        partition: r.partition,
      });
  });

  it('the batch consumer reads exactly what kcat wrote', async () => {
    const topic = uniqueName('kcat-write');
    await ensureTopics(client, [{ name: topic, partitions: PARTITIONS, config: {} }]);
    const records = Array.from({ length: MESSAGES }, (_, i) => ({
      key: contactKey('ws', `c${i % 300}`),
      value: `from-kcat-${i}`,
    }));
    await kcatProduce(broker, topic, records);

    const received: KeyValue[] = [];
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    const consumer = createBatchConsumer(client, {
      groupId: uniqueName('kcat-group'),
      topics: [topic],
      handler: async (batch) => {
        for (const m of batch.messages)
          received.push({ key: m.key?.toString() ?? '', value: m.value?.toString() ?? '' });
        if (received.length >= MESSAGES) done();
        await Promise.resolve();
      },
    });
    await consumer.start();
    await all;
    await consumer.stop();

    expect(sorted(received)).toEqual(sorted(records));
    expect(valuesOf(received, contactKey('ws', 'c42'))).toEqual(valuesOf(records, contactKey('ws', 'c42')));
  });
});
