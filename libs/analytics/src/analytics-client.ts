import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { CLUSTER_SETTINGS } from './cluster.js';

export type AnalyticsClient = ClickHouseClient;
type ClientOptions = NonNullable<Parameters<typeof createClient>[0]>;

export type AnalyticsConnection =
  /** A ClickHouse server over HTTP (compose, production), or a node of `cluster` (CLICKHOUSE_CLUSTER). */
  | { kind: 'server'; url: string; cluster?: string | undefined }
  /** The embedded engine (chDB) in this process, with its data at `path`. One path per process. */
  | { kind: 'embedded'; path: string };

/**
 * Settings a ClickHouse server applies by default but chDB does not (or keeps from an earlier query on the
 * shared session). Sent with every query so both engines behave alike.
 */
export const ANALYTICS_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 1,
  date_time_input_format: 'basic',
  mutations_sync: '0',
  // chDB keeps a request's settings on its session: without this reset, an insert's deduplication token
  // would make every later insert on the connection look like a repeat of it (and be dropped).
  insert_deduplication_token: '',
};

/**
 * Opens ClickHouse: the server named by `CLICKHOUSE_URL`, else the embedded engine. Callers always write
 * `database.table`, because chDB ignores the client's `database` option.
 */
export function createAnalyticsClient(connection: AnalyticsConnection): AnalyticsClient {
  const clickhouseSettings = {
    ...ANALYTICS_SETTINGS,
    ...(connection.kind === 'server' && connection.cluster ? CLUSTER_SETTINGS : {}),
  };
  if (connection.kind === 'server') {
    return createClient({ url: connection.url, clickhouse_settings: clickhouseSettings });
  }
  // chdb ships its own copy of @clickhouse/client-common's Connection type; the shapes are the same.
  const embedded = createChdbConnection({ path: connection.path }) as unknown as ClientOptions['connection'];
  return createClient({ connection: embedded, clickhouse_settings: clickhouseSettings });
}

/** `CLICKHOUSE_URL` (and `CLICKHOUSE_CLUSTER`) when set, else the embedded engine at `embeddedPath`. */
export function analyticsConnectionFromEnv(
  env: Record<string, string | undefined>,
  embeddedPath: string,
): AnalyticsConnection {
  const url = env['CLICKHOUSE_URL'];
  const cluster = env['CLICKHOUSE_CLUSTER'] || undefined;
  if (cluster && !url)
    throw new Error(
      `CLICKHOUSE_CLUSTER=${cluster} needs CLICKHOUSE_URL (a node of the cluster): the embedded engine is one node`,
    );
  return url ? { kind: 'server', url, cluster } : { kind: 'embedded', path: embeddedPath };
}

/** The cluster the archive is laid out on, if any (for migrateAnalytics). */
export function clusterOf(connection: AnalyticsConnection): string | undefined {
  return connection.kind === 'server' ? connection.cluster : undefined;
}
