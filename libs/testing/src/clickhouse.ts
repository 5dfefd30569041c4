import {
  analyticsConnectionFromEnv,
  createAnalyticsClient,
  type AnalyticsClient,
} from '@leadscore/analytics';
import { makeTempDir, removeDir } from './temp-dir.js';

export interface TestClickHouse {
  readonly client: AnalyticsClient;
  /** A database created for this test file; write `database.table`. */
  readonly database: string;
  close(): Promise<void>;
}

let embeddedPath: string | undefined;

/**
 * ClickHouse for a test file: the server named by CLICKHOUSE_URL, else the embedded engine with a temp
 * data path shared by every test in this process (chDB allows one path per process).
 */
export async function startTestClickHouse(database: string): Promise<TestClickHouse> {
  embeddedPath ??= makeTempDir('chdb');
  const client = createAnalyticsClient(analyticsConnectionFromEnv(process.env, embeddedPath));
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  return {
    client,
    database,
    async close() {
      await client.command({ query: `DROP DATABASE IF EXISTS ${database}` });
      await client.close();
      if (!process.env['CLICKHOUSE_URL'] && embeddedPath) {
        removeDir(embeddedPath);
        embeddedPath = undefined;
      }
    },
  };
}
