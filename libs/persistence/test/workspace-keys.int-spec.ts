import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateApiKey, workspaceId, type WorkspaceId } from '@leadscore/access';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import {
  apiKeyRepository,
  auditLogRepository,
  openDatabase,
  workspaceRepository,
  type DataSource,
  type NewApiKeyRow,
} from '../src/index.js';

let database: TestDatabase;
let dataSource: DataSource;
const acme = workspaceId('acme');
const globex = workspaceId('globex');
const t0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  database = await createTestDatabase('workspace_keys');
  dataSource = await openDatabase({ url: database.url });
  for (const id of [acme, globex])
    await workspaceRepository.create(dataSource.manager, { id, name: id.toUpperCase(), createdAt: t0 });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function newKey(
  workspace: WorkspaceId,
  kind: 'publishable' | 'secret' = 'secret',
): NewApiKeyRow & { key: string } {
  const generated = generateApiKey(kind);
  return {
    id: generated.id,
    key: generated.key,
    workspaceId: workspace,
    kind,
    name: null,
    scopes: kind === 'secret' ? ['read', 'admin'] : ['events:write'],
    keyHash: generated.hash,
    prefix: generated.prefix,
    createdAt: t0,
    createdBy: 'operator',
  };
}

describe('workspaces', () => {
  it('are created once; a second create of the same id changes nothing', async () => {
    expect(
      await workspaceRepository.create(dataSource.manager, { id: acme, name: 'other', createdAt: later(5) }),
    ).toBe(false);
    expect(await workspaceRepository.find(dataSource.manager, acme)).toEqual({
      id: 'acme',
      name: 'ACME',
      createdAt: t0,
    });
  });

  it('refuse ids outside the workspace id pattern', async () => {
    await expect(
      dataSource.query(`INSERT INTO workspaces (id, name, created_at) VALUES ('Bad Id', 'x', now())`),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('api keys', () => {
  it('are found by the hash of the whole key, with their workspace, kind and scopes', async () => {
    const key = newKey(acme);
    await apiKeyRepository.insert(dataSource.manager, key);
    expect(await apiKeyRepository.findByHash(dataSource.manager, key.keyHash)).toMatchObject({
      id: key.id,
      workspaceId: 'acme',
      kind: 'secret',
      scopes: ['read', 'admin'],
      prefix: key.prefix,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(
      await apiKeyRepository.findByHash(dataSource.manager, generateApiKey('secret').hash),
    ).toBeUndefined();
  });

  it('are listed per workspace only', async () => {
    const globexKey = newKey(globex, 'publishable');
    await apiKeyRepository.insert(dataSource.manager, globexKey);
    const acmeIds = (await apiKeyRepository.list(dataSource.manager, acme)).map((k) => k.workspaceId);
    expect(new Set(acmeIds)).toEqual(new Set(['acme']));
    expect((await apiKeyRepository.list(dataSource.manager, globex)).map((k) => k.id)).toEqual([
      globexKey.id,
    ]);
  });

  it('cannot give a publishable key more than events:write, or store a hash twice', async () => {
    const key = newKey(acme, 'publishable');
    await expect(apiKeyRepository.insert(dataSource.manager, { ...key, scopes: ['read'] })).rejects.toThrow(
      /api_keys_publishable_write_only/,
    );
    const stored = newKey(acme);
    await apiKeyRepository.insert(dataSource.manager, stored);
    await expect(
      apiKeyRepository.insert(dataSource.manager, { ...newKey(acme), keyHash: stored.keyHash }),
    ).rejects.toThrow(/duplicate key/);
  });

  it('are revoked only in their own workspace: another workspace gets not-found', async () => {
    const key = newKey(acme);
    await apiKeyRepository.insert(dataSource.manager, key);
    expect(await apiKeyRepository.revoke(dataSource.manager, globex, key.id, later(10))).toEqual({
      outcome: 'not-found',
    });
    expect(await apiKeyRepository.revoke(dataSource.manager, acme, key.id, later(10))).toMatchObject({
      outcome: 'revoked',
      key: { id: key.id, revokedAt: later(10) },
    });
    expect(await apiKeyRepository.revoke(dataSource.manager, acme, key.id, later(20))).toMatchObject({
      outcome: 'already-revoked',
      key: { revokedAt: later(10) },
    });
    expect((await apiKeyRepository.findByHash(dataSource.manager, key.keyHash))?.revokedAt).toEqual(
      later(10),
    );
  });

  it('record their last use at most once per interval', async () => {
    const key = newKey(acme);
    await apiKeyRepository.insert(dataSource.manager, key);
    const record = (at: Date) => apiKeyRepository.recordUse(dataSource.manager, [{ id: key.id, at }], 60);
    expect(await record(later(0))).toEqual([key.id]);
    expect(await record(later(30))).toEqual([]);
    expect(await record(later(61))).toEqual([key.id]);
    expect((await apiKeyRepository.findByHash(dataSource.manager, key.keyHash))?.lastUsedAt).toEqual(
      later(61),
    );
  });

  it('are listed for an authentication directory with their workspace, scopes and revocation', async () => {
    const active = newKey(globex);
    await apiKeyRepository.insert(dataSource.manager, active);
    const entries = await apiKeyRepository.directory(dataSource.manager);
    expect(entries.find((e) => e.keyHash.equals(active.keyHash))).toEqual({
      keyHash: active.keyHash,
      workspaceId: 'globex',
      kind: 'secret',
      scopes: ['read', 'admin'],
      revoked: false,
    });
    expect(entries.some((e) => e.revoked)).toBe(true);
  });

  it('are seeded idempotently: keys whose id or hash exists are skipped', async () => {
    const seeds = [newKey(globex), newKey(globex, 'publishable')];
    expect((await apiKeyRepository.insertMissing(dataSource.manager, seeds)).sort()).toEqual(
      seeds.map((k) => k.id).sort(),
    );
    expect(await apiKeyRepository.insertMissing(dataSource.manager, seeds)).toEqual([]);
  });
});

describe('audit log', () => {
  it('pages a workspace’s rows newest first with a cursor, never another workspace’s', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      workspaceId: acme,
      actor: 'operator',
      action: 'key.created',
      target: `k${i}`,
      details: { i },
      at: later(i),
    }));
    await auditLogRepository.append(dataSource.manager, entries);
    await auditLogRepository.append(dataSource.manager, [
      { workspaceId: globex, actor: 'operator', action: 'key.created', target: 'g', details: {}, at: t0 },
    ]);
    const first = await auditLogRepository.page(dataSource.manager, acme, { limit: 3 });
    expect(first.rows.map((r) => r.target)).toEqual(['k4', 'k3', 'k2']);
    expect(first.rows[0]).toMatchObject({
      actor: 'operator',
      action: 'key.created',
      details: { i: 4 },
      at: later(4),
    });
    const second = await auditLogRepository.page(dataSource.manager, acme, {
      limit: 3,
      before: first.nextBefore ?? undefined,
    });
    expect(second.rows.map((r) => r.target)).toEqual(['k1', 'k0']);
    expect(second.nextBefore).toBeNull();
    const other = await auditLogRepository.page(dataSource.manager, globex, { limit: 10 });
    expect(other.rows.map((r) => r.target)).toEqual(['g']);
  });

  it('orders by the row id as a number, also across a digit boundary (9, 10, ...)', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      workspaceId: globex,
      actor: 'operator',
      action: 'key.created',
      target: `n${i}`,
      details: {},
      at: t0,
    }));
    for (const entry of entries) await auditLogRepository.append(dataSource.manager, [entry]);
    const page = await auditLogRepository.page(dataSource.manager, globex, { limit: 13 });
    const ids = page.rows.map((r) => BigInt(r.id));
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(ids.some((id) => id >= 10n) && ids.some((id) => id < 10n)).toBe(true);
    expect(page.rows.slice(0, 12).map((r) => r.target)).toEqual(entries.map((e) => e.target).reverse());
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
  });
});
