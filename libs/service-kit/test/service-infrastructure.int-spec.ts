import { afterAll, describe, expect, it } from '@jest/globals';
import { ensureTopics, highWatermarks } from '@leadscore/kafka';
import { createTestDatabase, testKafkaBrokers, uniqueName, type TestDatabase } from '@leadscore/testing';
import {
  connectServiceInfrastructure,
  consumerReadiness,
  postgresReadiness,
  type ServiceInfrastructure,
} from '../src/index.js';

let database: TestDatabase | undefined;
let infrastructure: ServiceInfrastructure | undefined;

afterAll(async () => {
  await infrastructure?.dataSource.destroy();
  await database?.drop();
});

describe('connectServiceInfrastructure (real Kafka and PostgreSQL)', () => {
  it('gives a migrated database, a Kafka client that answers, and a registry with the client metrics', async () => {
    database = await createTestDatabase('service-kit');
    infrastructure = await connectServiceInfrastructure({
      service: 'scorer',
      logLevel: 'silent',
      kafkaBrokers: testKafkaBrokers(),
      databaseUrl: database.url,
      poolSize: 3,
    });
    const { dataSource, kafka, registry } = infrastructure;
    const tables = await dataSource.query<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = 'contact_scores'`,
    );
    expect(tables).toHaveLength(1);
    const topic = uniqueName('service-kit');
    await ensureTopics(kafka, [{ name: topic, partitions: 2, config: {} }]);
    expect([...(await highWatermarks(kafka, topic)).keys()].sort()).toEqual([0, 1]);
    expect(await registry.metrics()).toContain('leadscore_kafka_');

    const signal = new AbortController().signal;
    await expect(postgresReadiness(dataSource).check(signal)).resolves.toEqual({ ok: true });
    await expect(consumerReadiness(() => false).check(signal)).resolves.toEqual({
      ok: false,
      reason: 'not consuming',
    });
    await expect(consumerReadiness(() => true).check(signal)).resolves.toEqual({ ok: true });
  });
});
