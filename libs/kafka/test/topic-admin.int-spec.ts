import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import kafkajs from 'kafkajs';
import { TOPIC_DECLARATIONS } from '@leadscore/contracts';
import { freePort, testKafkaBrokers, uniqueName } from '@leadscore/testing';
import {
  createKafkaClient,
  ensureTopics,
  KafkaNotReadyError,
  silentLogger,
  waitForKafkaReady,
  type KafkaClient,
} from '../src/index.js';

const { Kafka, ConfigResourceTypes } = kafkajs;

describe('topic admin', () => {
  const prefix = uniqueName('admin');
  // The platform's declarations under names of our own, so parallel suites never collide.
  const declarations = TOPIC_DECLARATIONS.map((topic) => ({ ...topic, name: `${prefix}.${topic.name}` }));
  let client: KafkaClient;
  // An independent view of the broker: plain kafkajs admin, not the code under test.
  const inspector = new Kafka({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('inspector'),
    logLevel: kafkajs.logLevel.NOTHING,
  }).admin();

  beforeAll(async () => {
    client = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('admin'),
      logger: silentLogger,
    });
    await inspector.connect();
  });
  afterAll(async () => {
    await inspector.disconnect();
  });

  it('waits until the group coordinator answers', async () => {
    await expect(waitForKafkaReady(client, { timeoutMs: 30_000 })).resolves.toBeUndefined();
  });

  it('gives up with a retriable KafkaNotReadyError when nothing listens', async () => {
    const nobody = createKafkaClient({
      brokers: [`127.0.0.1:${await freePort()}`],
      clientId: uniqueName('nobody'),
      logger: silentLogger,
      retry: { retries: 0 },
      connectionTimeoutMs: 200,
    });
    const error = await waitForKafkaReady(nobody, { timeoutMs: 1_000, intervalMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KafkaNotReadyError);
    expect((error as KafkaNotReadyError).retriable).toBe(true);
  });

  it('creates the declared topics once with their partitions and configuration, and is idempotent', async () => {
    const first = await ensureTopics(client, declarations);
    expect([...first.created].sort()).toEqual(declarations.map((t) => t.name).sort());
    expect(first.existing).toEqual([]);

    const again = await ensureTopics(client, declarations);
    expect(again.created).toEqual([]);
    expect([...again.existing].sort()).toEqual(declarations.map((t) => t.name).sort());

    const { topics } = await inspector.fetchTopicMetadata({ topics: declarations.map((t) => t.name) });
    for (const declaration of declarations) {
      expect(topics.find((t) => t.name === declaration.name)?.partitions).toHaveLength(
        declaration.partitions,
      );
    }

    const { resources } = await inspector.describeConfigs({
      includeSynonyms: false,
      resources: declarations.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.name })),
    });
    for (const declaration of declarations) {
      const entries = resources.find((r) => r.resourceName === declaration.name)?.configEntries ?? [];
      const actual = Object.fromEntries(entries.map((e) => [e.configName, e.configValue]));
      for (const [name, value] of Object.entries(declaration.config))
        expect({ name, value: actual[name] }).toEqual({ name, value });
    }
    const models = declarations.find((t) => t.config['cleanup.policy'] === 'compact');
    expect(models?.name).toBe(`${prefix}.leads.models.v1`);
  });

  it('tolerates concurrent creators of the same topics: each topic is created exactly once', async () => {
    const racing = Array.from({ length: 3 }, (_, i) => ({
      name: uniqueName(`race${i}`),
      partitions: 3,
      config: { 'cleanup.policy': 'compact' },
    }));
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureTopics(client, racing)));
    for (const { name } of racing) {
      expect(results.filter((r) => r.created.includes(name))).toHaveLength(1);
      expect(results.filter((r) => r.existing.includes(name))).toHaveLength(4);
    }
  });
});
