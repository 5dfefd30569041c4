import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyticsConnectionFromEnv, clusterOf } from './analytics-client.js';
import { CLUSTER_SETTINGS, clusterStatements } from './cluster.js';
import { readMigrations } from './migrate.js';

const statements = readMigrations().flatMap((migration) =>
  migration.statements.map((statement) => statement.replaceAll('{database}', 'leadscore')),
);
const onCluster = statements.flatMap((statement) => clusterStatements(statement, 'prod'));

describe('the archive on a cluster', () => {
  it('makes every table of the migrations a Replicated local table behind a Distributed one of the same name', () => {
    const tables = statements.map(
      (statement) => /CREATE TABLE IF NOT EXISTS leadscore\.(\w+)/.exec(statement)?.[1],
    );
    expect(tables).toEqual([
      'events',
      'score_changes',
      'lifecycle_changes',
      'dead_letters',
      'archive_offsets',
      'erased_contacts',
    ]);
    expect(onCluster).toHaveLength(2 * tables.length);
    for (const [index, table] of tables.entries()) {
      const [local, distributed] = onCluster.slice(2 * index, 2 * index + 2);
      expect(local).toContain(`CREATE TABLE IF NOT EXISTS leadscore.${table}_local ON CLUSTER 'prod' (`);
      expect(local).toContain(
        `ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/leadscore/${table}_local', '{replica}'`,
      );
      expect(local).not.toContain('non_replicated_deduplication_window');
      expect(distributed).toMatch(
        new RegExp(
          `^CREATE TABLE IF NOT EXISTS leadscore\\.${table} ON CLUSTER 'prod' AS leadscore\\.${table}_local\\nENGINE = Distributed\\('prod', 'leadscore', '${table}_local', cityHash64\\(`,
        ),
      );
    }
  });

  it('keeps partitions, sort keys, the version column and the deduplication window', () => {
    const [eventsLocal] = onCluster;
    expect(eventsLocal).toContain('PARTITION BY toYYYYMM(time)');
    expect(eventsLocal).toContain('ORDER BY (workspace, contact, time, source, id)');
    expect(eventsLocal).toContain('SETTINGS replicated_deduplication_window = 1000');
    expect(eventsLocal).toContain('data String CODEC(ZSTD(3)),');
    const offsetsLocal = onCluster.find((statement) => statement.includes('archive_offsets_local ON'));
    expect(offsetsLocal).toContain("'{replica}', next_offset)");
  });

  it('shards by the first two sort-key columns, so every copy of a row and every row of a contact share a shard', () => {
    const shardKeys = onCluster
      .map((statement) => /cityHash64\(([^)]*)\)\)$/.exec(statement)?.[1])
      .filter((key) => key !== undefined);
    expect(shardKeys).toEqual([
      'workspace, contact',
      'workspace, contact',
      'workspace, contact',
      'kafka_topic, kafka_partition',
      'consumer_group, topic',
      'workspace, contact_hash',
    ]);
  });

  it('leaves the named queries as they are: each reads tables that keep their names', () => {
    const dir = fileURLToPath(new URL('../queries/', import.meta.url));
    const distributedTables = new Set(
      onCluster.flatMap(
        (statement) => /ENGINE = Distributed\('prod', 'leadscore', '(\w+)_local'/.exec(statement)?.[1] ?? [],
      ),
    );
    for (const file of readdirSync(dir)) {
      const read = [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/\{database\}\.(\w+)/g)].map(
        (m) => m[1],
      );
      expect({ file, read: read.filter((table) => !distributedTables.has(String(table))) }).toEqual({
        file,
        read: [],
      });
    }
  });

  it('creates the database on the cluster, refuses what it has no form for, and sets inserts to wait for every shard', () => {
    expect(clusterStatements('CREATE DATABASE IF NOT EXISTS leadscore', 'prod')).toEqual([
      "CREATE DATABASE IF NOT EXISTS leadscore ON CLUSTER 'prod'",
    ]);
    expect(() => clusterStatements('ALTER TABLE leadscore.events ADD COLUMN x UInt8', 'prod')).toThrow(
      /no cluster form for this statement/,
    );
    expect(clusterStatements('CREATE DATABASE IF NOT EXISTS x', "it's")[0]).toContain("ON CLUSTER 'it\\'s'");
    expect(CLUSTER_SETTINGS).toEqual({ distributed_foreground_insert: 1, distributed_product_mode: 'local' });
  });

  it('is chosen by CLICKHOUSE_CLUSTER beside CLICKHOUSE_URL, never on the embedded engine', () => {
    const url = 'http://clickhouse-0:8123';
    expect(
      clusterOf(analyticsConnectionFromEnv({ CLICKHOUSE_URL: url, CLICKHOUSE_CLUSTER: 'prod' }, '.x')),
    ).toBe('prod');
    expect(clusterOf(analyticsConnectionFromEnv({ CLICKHOUSE_URL: url }, '.x'))).toBeUndefined();
    expect(clusterOf(analyticsConnectionFromEnv({}, '.x'))).toBeUndefined();
    expect(() => analyticsConnectionFromEnv({ CLICKHOUSE_CLUSTER: 'prod' }, '.x')).toThrow(
      /CLICKHOUSE_CLUSTER=prod needs CLICKHOUSE_URL/,
    );
  });
});
