import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SettingsCipher, generateApiKey, workspaceId, type KeyScope } from '@leadscore/access';
import { createLogger } from '@leadscore/observability';
import { apiKeyRepository, openDatabase, workspaceRepository, type DataSource } from '@leadscore/persistence';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, pollUntil, testKafkaBrokers, type TestDatabase } from '@leadscore/testing';
import { DatabaseKeyDirectory } from '../src/auth/database-key-directory.js';
import { InMemoryWorkspaceDirectory } from '../src/auth/workspace-directory.js';
import { hashKey } from '../src/auth/workspace-key.js';
import { EMPTY_SNAPSHOT, loadWorkspaceSnapshot } from '../src/auth/workspace-snapshot.js';
import { SECRET_KEY, bearer, startTestApp, type TestApp } from './ingest-test-app.js';

const REFRESH_MS = 200;
const tenant = workspaceId('acme');
const cipher = new SettingsCipher(randomBytes(32));

let database: TestDatabase;
let dataSource: DataSource;
let directory: DatabaseKeyDirectory;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase('ingest_database_keys');
  dataSource = await openDatabase({ url: database.url });
  await workspaceRepository.create(dataSource.manager, { id: tenant, name: 'ACME', createdAt: new Date() });
  t = await startTestApp({
    brokers: testKafkaBrokers(),
    directory: (bootstrap) => {
      directory = new DatabaseKeyDirectory({
        bootstrap,
        refreshMs: REFRESH_MS,
        logger: createLogger({ service: 'ingest', level: 'silent' }),
        load: () => loadWorkspaceSnapshot(dataSource.manager, cipher),
      });
      return directory;
    },
  });
  await directory.start();
});

afterAll(async () => {
  await directory?.stop();
  await t?.close();
  await dataSource?.destroy();
  await database?.drop();
});

async function storeKey(
  scopes: KeyScope[],
  kind: 'publishable' | 'secret' = 'secret',
): Promise<{ id: string; key: string }> {
  const generated = generateApiKey(kind);
  await apiKeyRepository.insert(dataSource.manager, {
    id: generated.id,
    workspaceId: tenant,
    kind,
    name: null,
    scopes,
    keyHash: generated.hash,
    prefix: generated.prefix,
    createdAt: new Date(),
    createdBy: 'operator',
  });
  return { id: generated.id, key: generated.key };
}

let sequence = 0;
const send = (key: string) =>
  t.http.inject({
    method: 'POST',
    url: '/v1/events',
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload: [
      {
        id: `db-key-${++sequence}`,
        type: 'web.page_viewed',
        subject: 'email:ada@example.com',
        data: { url: 'https://example.com/pricing', path: '/pricing' },
      },
    ],
  });

/** Sends until the answer's status is `status`; how long that took (ms), or throws after `withinMs`. */
async function msUntilStatus(key: string, status: number, withinMs: number): Promise<number> {
  const { ms } = await pollUntil(
    () => send(key),
    (response) => response.statusCode === status,
    {
      withinMs,
      waitingFor: `status ${status}`,
      show: (response) => `${response.statusCode} ${response.body}`,
    },
  );
  return ms;
}

describe('keys from PostgreSQL (the api’s api_keys)', () => {
  it('accepts events with a key created through the api within one reload', async () => {
    const { key } = await storeKey(['events:write', 'read']);
    expect(await msUntilStatus(key, 202, 3_000)).toBeLessThan(3_000);
    expect((await send(key)).statusCode).toBe(202);
  });

  it('refuses a revoked key within seconds of its revocation (401)', async () => {
    const { id, key } = await storeKey(['events:write']);
    await msUntilStatus(key, 202, 3_000);
    await apiKeyRepository.revoke(dataSource.manager, tenant, id, new Date());
    const took = await msUntilStatus(key, 401, 3_000);
    expect(took).toBeLessThanOrEqual(REFRESH_MS * 5);
    expect(JSON.parse((await send(key)).body)).toMatchObject({
      status: 401,
      detail: expect.stringMatching(/revoked/),
    });
  });

  it('refuses a key without events:write with 403 saying which scope it lacks', async () => {
    const { key } = await storeKey(['read', 'admin']);
    await directory.refresh();
    const response = await send(key);
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ detail: expect.stringContaining('"events:write"') });
  });

  it('keeps the configured keys (the bootstrap) working, unless the same key is revoked in PostgreSQL', async () => {
    expect((await send(SECRET_KEY)).statusCode).toBe(202);
    await apiKeyRepository.insert(dataSource.manager, {
      id: 'bootstrap-secret',
      workspaceId: tenant,
      kind: 'secret',
      name: null,
      scopes: ['events:write'],
      keyHash: Buffer.from(hashKey(SECRET_KEY), 'hex'),
      prefix: 'sk_test…',
      createdAt: new Date(),
      createdBy: 'local-stack',
    });
    await apiKeyRepository.revoke(dataSource.manager, tenant, 'bootstrap-secret', new Date());
    expect(await msUntilStatus(SECRET_KEY, 401, 3_000)).toBeLessThanOrEqual(REFRESH_MS * 5);
  });

  it('keeps the last keys loaded while PostgreSQL cannot be read', async () => {
    const { key } = await storeKey(['events:write']);
    let reachable = true;
    const flaky = new DatabaseKeyDirectory({
      bootstrap: new InMemoryWorkspaceDirectory([], []),
      refreshMs: 60_000,
      logger: createLogger({ service: 'ingest', level: 'silent' }),
      load: async () => {
        if (!reachable) throw new Error('connection refused');
        return loadWorkspaceSnapshot(dataSource.manager, cipher);
      },
    });
    await flaky.start();
    reachable = false;
    await flaky.refresh();
    expect(flaky.findKeyByHash(hashKey(key))).toMatchObject({ workspace: 'acme', kind: 'secret' });
    await flaky.stop();
  });

  it('does not hold ingest’s start while the database does not answer', async () => {
    const slow = new DatabaseKeyDirectory({
      bootstrap: new InMemoryWorkspaceDirectory([], []),
      refreshMs: 60_000,
      logger: createLogger({ service: 'ingest', level: 'silent' }),
      load: () => new Promise((resolve) => setTimeout(() => resolve(EMPTY_SNAPSHOT), 1_500)),
    });
    const started = Date.now();
    await slow.start(100);
    expect(Date.now() - started).toBeLessThan(1_000);
    await slow.stop();
  });
});
