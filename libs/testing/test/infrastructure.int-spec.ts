import { describe, expect, it, afterAll } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, startTestClickHouse, testKafkaBrokers, uniqueName } from '../src/index.js';
import { connect } from 'node:net';

describe('shared test infrastructure', () => {
  it('serves a real PostgreSQL 18 with a fresh database per test file', async () => {
    const database = await createTestDatabase('infra');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version_num: string; db: string }>(
        "SELECT current_setting('server_version_num') AS server_version_num, current_database() AS db",
      );
      expect(Number(rows[0]?.server_version_num)).toBeGreaterThanOrEqual(180000);
      expect(rows[0]?.db).toBe(database.name);
    } finally {
      await client.end();
      await database.drop();
    }
  });

  it('serves a Kafka broker that accepts connections', async () => {
    const [host, port] = (testKafkaBrokers()[0] ?? '').split(':');
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port: Number(port) }, () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
  });
});

describe('ClickHouse (embedded chDB, or CLICKHOUSE_URL)', () => {
  const database = uniqueName('smoke');
  let clickhouse: Awaited<ReturnType<typeof startTestClickHouse>> | undefined;
  afterAll(async () => clickhouse?.close());

  it('creates a MergeTree table, inserts 100k rows and queries them with typed parameters', async () => {
    clickhouse = await startTestClickHouse(database);
    const { client } = clickhouse;
    await client.command({
      query: `CREATE TABLE ${database}.events (
        workspace LowCardinality(String), contact String, type LowCardinality(String),
        points Int32, at DateTime64(3, 'UTC')
      ) ENGINE = MergeTree ORDER BY (workspace, contact, at)`,
    });
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      workspace: i % 2 === 0 ? 'ws_a' : 'ws_b',
      contact: `c${i % 1000}`,
      type: i % 10 === 0 ? 'web.page_viewed' : 'email.opened',
      points: i % 7,
      at: new Date(base + i * 1000).toISOString().replace('T', ' ').replace('Z', ''),
    }));
    await client.insert({ table: `${database}.events`, values: rows, format: 'JSONEachRow' });

    const result = await client.query({
      query: `WITH filtered AS (
          SELECT * FROM ${database}.events
          WHERE workspace = {workspace:String} AND at >= {from:DateTime64(3)}
        )
        SELECT count() AS n, sum(points) AS points, max(at) AS last FROM filtered`,
      query_params: { workspace: 'ws_a', from: '2026-01-01 00:00:00.000' },
      format: 'JSONEachRow',
    });
    const [summary] = await result.json<{ n: string; points: string; last: string }>();
    const expected = rows.filter((r) => r.workspace === 'ws_a');
    expect(Number(summary?.n)).toBe(expected.length);
    expect(Number(summary?.points)).toBe(expected.reduce((sum, r) => sum + r.points, 0));
    expect(summary?.last).toBe(expected[expected.length - 1]?.at);
  });
});
