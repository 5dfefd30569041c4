import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashApiKey, verifyPassword, workspaceId } from '@leadscore/access';
import {
  apiKeyRepository,
  consoleUserRepository,
  openDatabase,
  workspaceRepository,
  type DataSource,
} from '@leadscore/persistence';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import { LOCAL_CONSOLE_ADMIN, seedLocalWorkspace } from '../src/local-workspace.js';

const PASSWORD = 'local console password';
let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase('stack_local_workspace');
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('the local workspace seed of npm start', () => {
  it('puts workspace "local" and pk_local_dev / sk_local_dev into a fresh database, and nothing on the next start', async () => {
    const first = await seedLocalWorkspace(database.url, PASSWORD, new Date('2026-05-01T00:00:00Z'));
    expect(first).toEqual({
      workspace: 'local',
      insertedKeys: ['local-dev-publishable', 'local-dev-secret'],
      insertedConsoleAdmin: true,
    });
    expect(await seedLocalWorkspace(database.url, PASSWORD)).toEqual({
      workspace: 'local',
      insertedKeys: [],
      insertedConsoleAdmin: false,
    });

    dataSource = await openDatabase({ url: database.url });
    const sql = dataSource.manager;
    expect(await workspaceRepository.find(sql, workspaceId(first.workspace))).toMatchObject({ id: 'local' });
    expect(await apiKeyRepository.findByHash(sql, hashApiKey('pk_local_dev'))).toMatchObject({
      workspaceId: 'local',
      kind: 'publishable',
      scopes: ['events:write'],
      revokedAt: null,
    });
    expect(await apiKeyRepository.findByHash(sql, hashApiKey('sk_local_dev'))).toMatchObject({
      workspaceId: 'local',
      kind: 'secret',
      scopes: ['events:write', 'read', 'admin'],
      createdBy: 'local-stack',
    });
    const admin = await consoleUserRepository.userByEmail(sql, workspaceId('local'), LOCAL_CONSOLE_ADMIN);
    expect(admin).toMatchObject({ role: 'admin', createdBy: 'local-stack' });
    await expect(verifyPassword(PASSWORD, admin?.passwordHash ?? '')).resolves.toBe(true);
  });

  it('leaves a development key revoked through the api revoked', async () => {
    const sql = dataSource.manager;
    const [local] = await sql.query<{ id: string }[]>(`SELECT id FROM workspaces WHERE id = 'local'`);
    expect(local).toBeDefined();
    await sql.query(`UPDATE api_keys SET revoked_at = now() WHERE id = 'local-dev-publishable'`);
    await seedLocalWorkspace(database.url, PASSWORD);
    expect((await apiKeyRepository.findByHash(sql, hashApiKey('pk_local_dev')))?.revokedAt).not.toBeNull();
  });
});
