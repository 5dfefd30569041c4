import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLUSTER_SETTINGS, clusterStatements, readMigrations } from '@leadscore/analytics';
import { startTestClickHouse, uniqueDatabaseName, type TestClickHouse } from '@leadscore/testing';

// The cluster layout's statements against the real engine. The embedded engine has no cluster (no
// remote_servers, no Keeper), so it cannot run them; it parses them (EXPLAIN AST, which refuses a syntax
// error) and knows the settings a cluster connection sends. Running them needs a cluster:
// CLICKHOUSE_URL and CLICKHOUSE_CLUSTER point the service at one.
let clickhouse: TestClickHouse;

beforeAll(async () => {
  clickhouse = await startTestClickHouse(uniqueDatabaseName('cluster_ddl'));
});

afterAll(async () => {
  await clickhouse?.close();
});

describe('the cluster layout on the real engine', () => {
  it('parses every statement it makes from the migrations', async () => {
    const statements = readMigrations()
      .flatMap((migration) => migration.statements)
      .flatMap((statement) => clusterStatements(statement.replaceAll('{database}', 'leadscore'), 'prod'));
    expect(statements.length).toBe(12);
    for (const statement of statements) {
      const ast = await clickhouse.client.query({
        query: `EXPLAIN AST ${statement}`,
        format: 'TabSeparatedRaw',
      });
      expect(await ast.text()).toContain('CreateQuery');
    }
    await expect(
      clickhouse.client.query({
        query: 'EXPLAIN AST CREATE TABLE x (a UInt8) ENGINE = Distributed(',
        format: 'TabSeparatedRaw',
      }),
    ).rejects.toThrow(/Syntax error/);
  });

  it('knows the settings a cluster connection sends', async () => {
    const known = await clickhouse.client.query({
      query: 'SELECT name FROM system.settings WHERE name IN {names:Array(String)} ORDER BY name',
      query_params: { names: Object.keys(CLUSTER_SETTINGS) },
      format: 'JSONEachRow',
    });
    expect((await known.json<{ name: string }>()).map((row) => row.name)).toEqual(
      Object.keys(CLUSTER_SETTINGS).sort(),
    );
  });
});
