import type { ClickHouseSettings } from '@clickhouse/client';

/**
 * On a cluster (`CLICKHOUSE_CLUSTER`) each archive table becomes two, so that the queries stay the same:
 *
 * - `<table>_local` on every node (`ON CLUSTER`): the same columns, partitions and key with the
 *   Replicated variant of the engine (`ReplicatedReplacingMergeTree`, Keeper path
 *   `/clickhouse/tables/{shard}/<database>/<table>_local`, replica `{replica}`: the server's macros) and
 *   `replicated_deduplication_window` in place of the non-replicated setting;
 * - `<table>`: a `Distributed` table over them, sharded by `cityHash64` of the first two columns of the
 *   sort key (workspace and contact for events, score and lifecycle changes), so every copy of a row —
 *   and every row of one contact — lands on one shard. Deduplication at read time (`FINAL`,
 *   `LIMIT 1 BY`, `argMax`) and the joins by contact are then complete on each shard.
 *
 * Written by hand: ClickHouse has no statement that derives a Replicated/Distributed pair from a table
 * definition, and the migrations stay one set of files for both layouts.
 */
export function clusterStatements(statement: string, cluster: string): string[] {
  const database = /^CREATE DATABASE IF NOT EXISTS (\S+)$/.exec(statement.trim());
  if (database) return [`CREATE DATABASE IF NOT EXISTS ${database[1]}${onClusterOf(cluster)}`];
  const table =
    /^CREATE TABLE IF NOT EXISTS (\S+)\.(\w+)\s*(\([\s\S]*?\))\s*ENGINE = ReplacingMergeTree(?:\((\w*)\))?([\s\S]*)$/.exec(
      statement.trim(),
    );
  if (!table)
    throw new Error(
      `no cluster form for this statement (only CREATE DATABASE and CREATE TABLE … ENGINE = ReplacingMergeTree have one): ${statement.slice(0, 120)}`,
    );
  const [, db = '', name = '', columns = '', version = '', rest = ''] = table;
  const sortKey = /ORDER BY\s*\(([^)]*)\)|ORDER BY\s+(\w+)/.exec(rest);
  const keyColumns = (sortKey?.[1] ?? sortKey?.[2] ?? '')
    .split(',')
    .map((column) => column.trim())
    .filter(Boolean);
  if (keyColumns.length === 0) throw new Error(`${db}.${name}: no ORDER BY to shard by`);
  const local = storageTableOf(name, cluster);
  const keeperPath = quoted(`/clickhouse/tables/{shard}/${db}/${local}`);
  const engineArguments = [keeperPath, quoted('{replica}'), ...(version ? [version] : [])].join(', ');
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.${local}${onClusterOf(cluster)} ${columns}
ENGINE = ReplicatedReplacingMergeTree(${engineArguments})${rest.replaceAll('non_replicated_deduplication_window', 'replicated_deduplication_window')}`,
    `CREATE TABLE IF NOT EXISTS ${db}.${name}${onClusterOf(cluster)} AS ${db}.${local}
ENGINE = Distributed(${quoted(cluster)}, ${quoted(db)}, ${quoted(local)}, cityHash64(${keyColumns.slice(0, 2).join(', ')}))`,
  ];
}

/**
 * Settings for a cluster, sent with every query: an insert returns once every shard has its rows (so the
 * stored offsets never run ahead of the archive), and a subquery inside a query on a Distributed table
 * reads each shard's local table (right, because the tables are sharded by contact).
 */
export const CLUSTER_SETTINGS: ClickHouseSettings = {
  distributed_foreground_insert: 1,
  distributed_product_mode: 'local',
};

/** The table a statement that writes rows in place (ALTER, DELETE) names: each shard's on a cluster. */
export function storageTableOf(table: string, cluster: string | undefined): string {
  return cluster ? `${table}_local` : table;
}

/** ` ON CLUSTER 'name'` for a statement every node must run; nothing on one node. */
export function onClusterOf(cluster: string | undefined): string {
  return cluster ? ` ON CLUSTER ${quoted(cluster)}` : '';
}

function quoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
