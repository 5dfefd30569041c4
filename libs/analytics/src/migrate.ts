import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyticsClient } from './analytics-client.js';
import { clusterStatements, onClusterOf, storageTableOf } from './cluster.js';

/** libs/analytics/migrations/, from src/ (tests) and dist/ (services) alike. */
const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements, with `{database}` still in them. */
  readonly statements: readonly string[];
}

/** `NNNN_name.sql` files in version order; statements end with `;` at the end of a line. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -'.sql'.length),
        statements: sql
          .split(/;\s*$/m)
          .map((statement) => statement.trim())
          .filter(Boolean),
      };
    });
}

/** A database name is written into SQL, never passed as data: only plain identifiers pass. */
export function checkedDatabase(database: string): string {
  if (!/^[a-z_][a-z0-9_]{0,63}$/.test(database))
    throw new Error(`analytics database "${database}": use a-z, 0-9 and _ (not starting with a digit)`);
  return database;
}

export interface MigrateOptions {
  /** Defaults to libs/analytics/migrations. */
  readonly migrations?: readonly Migration[];
  /** A cluster of the server's `remote_servers`: every table is created as in `clusterStatements`. */
  readonly cluster?: string | undefined;
}

/**
 * Brings `database` to the newest schema: creates it and `schema_migrations` when missing, then applies
 * each migration not applied yet, in order, recording it. Every statement is idempotent (`IF NOT
 * EXISTS`), so a crash between a statement and its record only repeats harmless work.
 */
export async function migrateAnalytics(
  client: AnalyticsClient,
  database: string,
  { migrations = readMigrations(), cluster }: MigrateOptions = {},
): Promise<{ applied: number[] }> {
  const db = checkedDatabase(database);
  const run = async (statement: string) => {
    for (const query of cluster ? clusterStatements(statement, cluster) : [statement])
      await client.command({ query });
  };
  await run(`CREATE DATABASE IF NOT EXISTS ${db}`);
  await run(`CREATE TABLE IF NOT EXISTS ${db}.schema_migrations
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = ReplacingMergeTree ORDER BY version`);
  const done = await client.query({
    query: `SELECT version FROM ${db}.schema_migrations FINAL`,
    format: 'JSONEachRow',
  });
  const appliedBefore = new Set((await done.json<{ version: number }>()).map((row) => Number(row.version)));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (appliedBefore.has(migration.version)) continue;
    for (const statement of migration.statements) await run(statement.replaceAll('{database}', db));
    await client.insert({
      table: `${db}.schema_migrations`,
      values: [{ version: migration.version, name: migration.name }],
      format: 'JSONEachRow',
    });
    applied.push(migration.version);
  }
  return { applied };
}

/**
 * Sets how long raw events stay (`days`; 0 removes the TTL), only when it differs from the table's: a
 * changed TTL makes ClickHouse rewrite the events' parts, so a restart must not do it again.
 */
export async function applyEventsTtl(
  client: AnalyticsClient,
  database: string,
  days: number,
  { cluster }: { readonly cluster?: string | undefined } = {},
): Promise<{ changed: boolean }> {
  const db = checkedDatabase(database);
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`events TTL: expected whole days ≥ 0, got ${days}`);
  const table = storageTableOf('events', cluster);
  const found = await client.query({
    query: `SELECT engine_full FROM system.tables WHERE database = {db:String} AND name = {table:String}`,
    query_params: { db, table },
    format: 'JSONEachRow',
  });
  const [row] = await found.json<{ engine_full: string }>();
  if (row === undefined) throw new Error(`events TTL: no table ${db}.${table} (migrate first)`);
  const current = /\bTTL (.+?)(?: SETTINGS |$)/.exec(row.engine_full)?.[1]?.trim();
  const wanted = days > 0 ? `toDateTime(time) + toIntervalDay(${days})` : undefined;
  if (current === wanted) return { changed: false };
  await client.command({
    query: `ALTER TABLE ${db}.${table}${onClusterOf(cluster)} ${wanted ? `MODIFY TTL ${wanted}` : 'REMOVE TTL'}`,
  });
  return { changed: true };
}
