import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiKey, AuditPage, KeyList } from '@leadscore/contracts';
import {
  OPERATOR,
  bearer,
  createKey as createKeyIn,
  createWorkspace as createWorkspaceIn,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi('api_keys');
});

afterAll(async () => {
  await api?.close();
});

const createWorkspace = (id: string) => createWorkspaceIn(api, id);
const createKey = (adminKey: string, body: Record<string, unknown>) => createKeyIn(api, adminKey, body);
const listKeys = (key: string) => api.http.inject({ method: 'GET', url: '/v1/keys', headers: bearer(key) });
const revoke = (key: string, id: string) =>
  api.http.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: bearer(key) });
const audit = (key: string, query = '') =>
  api.http.inject({ method: 'GET', url: `/v1/audit${query}`, headers: bearer(key) });

describe('bootstrap: POST /v1/workspaces', () => {
  it('creates a workspace and its first admin key with the operator token, and shows the key once', async () => {
    const created = await createWorkspace('acme');
    expect(created.workspace).toEqual({
      id: 'acme',
      name: 'acme Inc.',
      createdAt: '2026-04-01T09:00:00.000Z',
    });
    expect(created.adminKey.key).toMatch(/^sk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.adminKey.apiKey).toMatchObject({
      kind: 'secret',
      scopes: ['read', 'admin'],
      createdBy: 'operator',
      revokedAt: null,
    });
    const listed = json(await listKeys(created.adminKey.key)) as unknown as KeyList;
    expect(listed.keys).toEqual([{ ...created.adminKey.apiKey, lastUsedAt: '2026-04-01T09:00:00.000Z' }]);
    expect(JSON.stringify(listed)).not.toContain(created.adminKey.key);
    const stored = await api.dataSource.query<{ key_hash: Buffer }[]>('SELECT key_hash FROM api_keys');
    expect(stored.every((row) => row.key_hash.length === 32)).toBe(true);
  });

  it('audits the creation with the actor operator', async () => {
    const created = await createWorkspace('audited');
    const page = json(await audit(created.adminKey.key)) as unknown as AuditPage;
    expect(page.entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['operator', 'key.created', created.adminKey.apiKey.id],
      ['operator', 'workspace.created', 'audited'],
    ]);
  });

  it('refuses a missing or wrong operator token (401), a workspace key, and an existing id (409)', async () => {
    const admin = (await createWorkspace('initech')).adminKey.key;
    const body = { id: 'other', name: 'Other' };
    const post = (headers: Record<string, string>) =>
      api.http.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: body,
      });
    expectProblem(await post({}), 401, /OPERATOR_TOKEN/);
    expectProblem(await post(bearer('not-the-operator-token-at-all')), 401, /OPERATOR_TOKEN/);
    expectProblem(await post(bearer(admin)), 401, /OPERATOR_TOKEN/);
    const again = await api.http.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
      payload: { id: 'initech', name: 'Again' },
    });
    expectProblem(again, 409, /exists already/);
  });

  it('validates the workspace id and says which form it takes', async () => {
    const response = await api.http.inject({
      method: 'POST',
      url: '/v1/workspaces',
      headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
      payload: { id: 'Not An Id', name: 'x' },
    });
    const body = expectProblem(response, 400, /^id: expected text matching/);
    expect(body['errors']).toEqual([{ field: 'id', expected: expect.stringContaining('a-z0-9') }]);
  });

  it('lists every workspace by id to the operator, and to no workspace key', async () => {
    const admin = (await createWorkspace('zeta-listed')).adminKey.key;
    await createWorkspace('alpha-listed');
    const response = await api.http.inject({
      method: 'GET',
      url: '/v1/workspaces',
      headers: bearer(OPERATOR),
    });
    expect(response.statusCode).toBe(200);
    const { workspaces } = json(response) as {
      workspaces: { id: string; name: string; createdAt: string }[];
    };
    const ids = workspaces.map((workspace) => workspace.id);
    expect(ids).toEqual([...ids].sort());
    expect(workspaces).toEqual(
      expect.arrayContaining([
        { id: 'alpha-listed', name: 'alpha-listed Inc.', createdAt: '2026-04-01T09:00:00.000Z' },
        { id: 'zeta-listed', name: 'zeta-listed Inc.', createdAt: '2026-04-01T09:00:00.000Z' },
      ]),
    );
    const asAdmin = await api.http.inject({ method: 'GET', url: '/v1/workspaces', headers: bearer(admin) });
    expectProblem(asAdmin, 401, /OPERATOR_TOKEN/);
  });

  it('is switched off (403) while the api has no OPERATOR_TOKEN', async () => {
    const without = await startTestApi('api_no_operator', null);
    try {
      const response = await without.http.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
        payload: { id: 'acme', name: 'ACME' },
      });
      expectProblem(response, 403, /set OPERATOR_TOKEN/);
      const listed = await without.http.inject({
        method: 'GET',
        url: '/v1/workspaces',
        headers: bearer(OPERATOR),
      });
      expectProblem(listed, 403, /set OPERATOR_TOKEN/);
    } finally {
      await without.close();
    }
  });
});

describe('keys: create, list, revoke', () => {
  let admin: string;

  beforeAll(async () => {
    admin = (await createWorkspace('globex')).adminKey.key;
  });

  it('creates keys of each kind with default or chosen scopes, shown whole only in the answer', async () => {
    const publishable = await createKey(admin, { kind: 'publishable', name: 'website' });
    expect(publishable.key).toMatch(/^pk_/);
    expect(publishable.apiKey).toMatchObject({
      kind: 'publishable',
      scopes: ['events:write'],
      name: 'website',
    });
    const reader = await createKey(admin, { kind: 'secret', scopes: ['read'] });
    expect(reader.apiKey).toMatchObject({ kind: 'secret', scopes: ['read'], name: null });
    const listed = json(await listKeys(reader.key)) as unknown as KeyList;
    expect(listed.keys.map((k) => k.id)).toEqual(
      expect.arrayContaining([publishable.apiKey.id, reader.apiKey.id]),
    );
    for (const key of listed.keys) {
      expect(Object.keys(key).sort()).toEqual(
        [
          'createdAt',
          'createdBy',
          'id',
          'kind',
          'lastUsedAt',
          'name',
          'prefix',
          'revokedAt',
          'scopes',
        ].sort(),
      );
      expect(key.prefix).toMatch(/…$/);
    }
    expect(listed.keys.find((k) => k.id === reader.apiKey.id)?.createdBy).toBe(
      (listed.keys.find((k) => k.scopes.includes('admin')) as ApiKey).id,
    );
  });

  it('refuses scopes a publishable key cannot have, unknown scopes and unknown fields, naming them', async () => {
    const post = (payload: Record<string, unknown>) =>
      api.http.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: { ...bearer(admin), 'content-type': 'application/json' },
        payload,
      });
    expectProblem(
      await post({ kind: 'publishable', scopes: ['read'] }),
      400,
      /publishable key .* "events:write"/,
    );
    const unknownScope = expectProblem(await post({ kind: 'secret', scopes: ['root'] }), 400, /scopes\[0\]/);
    expect(unknownScope['errors']).toEqual([
      { field: 'scopes[0]', expected: 'one of "events:write", "read", "models:write", "admin"' },
    ]);
    expectProblem(await post({ kind: 'secret', owner: 'me' }), 400, /owner: expected no such field/);
    expectProblem(await post({}), 400, /kind: expected a value/);
  });

  it('revokes a key: it gets 401 from the next request on, and the revocation is audited', async () => {
    const victim = await createKey(admin, { kind: 'secret', scopes: ['read'] });
    expect((await listKeys(victim.key)).statusCode).toBe(200);
    api.advance(1);
    const revoked = await revoke(admin, victim.apiKey.id);
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked)).toMatchObject({ id: victim.apiKey.id, revokedAt: expect.any(String) });
    const refused = expectProblem(await listKeys(victim.key), 401, /was revoked at .* new key/);
    expect(refused['detail']).toContain(victim.apiKey.prefix);
    expect((await listKeys(victim.key)).headers['www-authenticate']).toBe('Bearer realm="leadscore"');
    // A second revocation changes nothing and is not audited twice.
    expect(json(await revoke(admin, victim.apiKey.id))).toEqual(json(revoked));
    const page = json(await audit(admin)) as unknown as AuditPage;
    expect(
      page.entries.filter((e) => e.action === 'key.revoked' && e.target === victim.apiKey.id),
    ).toHaveLength(1);
  });

  it('answers 401 with what to send for a missing, malformed or unknown key', async () => {
    expectProblem(
      await api.http.inject({ method: 'GET', url: '/v1/keys' }),
      401,
      /Authorization: Bearer <key>/,
    );
    expectProblem(
      await api.http.inject({ method: 'GET', url: '/v1/keys', headers: { authorization: 'Basic abc' } }),
      401,
      /must be "Bearer <key>"/,
    );
    expectProblem(await listKeys('sk_0000000000000000_unknown'), 401, /belongs to no workspace/);
  });

  it('records the last use of a key at most once a minute', async () => {
    const key = await createKey(admin, { kind: 'secret', scopes: ['read'] });
    const lastUsed = async () => {
      const rows = await api.dataSource.query<{ last_used_at: Date | null }[]>(
        'SELECT last_used_at FROM api_keys WHERE id = $1',
        [key.apiKey.id],
      );
      return rows[0]?.last_used_at?.toISOString() ?? null;
    };
    expect(await lastUsed()).toBeNull();
    await listKeys(key.key);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    api.advance(30);
    await listKeys(key.key);
    expect(await lastUsed()).toBe(first);
    api.advance(31);
    await listKeys(key.key);
    expect(await lastUsed()).not.toBe(first);
  });
});

describe('scopes', () => {
  let admin: string;
  let reader: string;
  let publishable: string;

  beforeAll(async () => {
    admin = (await createWorkspace('scoped')).adminKey.key;
    reader = (await createKey(admin, { kind: 'secret', scopes: ['read'] })).key;
    publishable = (await createKey(admin, { kind: 'publishable' })).key;
  });

  it('a key without the route’s scope gets 403 naming the scope it needs, on every route', async () => {
    const asReader = await api.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...bearer(reader), 'content-type': 'application/json' },
      payload: { kind: 'secret' },
    });
    expectProblem(asReader, 403, /needs a key with the scope "admin"; this key has "read"/);
    expectProblem(await revoke(reader, 'whatever'), 403, /"admin"/);
    expectProblem(await audit(reader), 403, /"admin"/);
    expectProblem(await listKeys(publishable), 403, /"admin" or "read"/);
    expect((await listKeys(reader)).statusCode).toBe(200);
  });
});

describe('tenant isolation', () => {
  it('a key of workspace A gets 404 for a key of workspace B, and sees nothing of B anywhere', async () => {
    const a = (await createWorkspace('tenant-a')).adminKey;
    const b = (await createWorkspace('tenant-b')).adminKey;
    const bKey = await createKey(b.key, { kind: 'secret', scopes: ['read'] });
    expectProblem(await revoke(a.key, bKey.apiKey.id), 404, /No key .* in this workspace/);
    expectProblem(await revoke(a.key, b.apiKey.id), 404, /No key/);
    // Nothing happened to B's key, and nothing of it was audited in A.
    expect((await listKeys(bKey.key)).statusCode).toBe(200);
    const aKeys = json(await listKeys(a.key)) as unknown as KeyList;
    expect(aKeys.keys.map((k) => k.id)).toEqual([a.apiKey.id]);
    const aAudit = json(await audit(a.key)) as unknown as AuditPage;
    expect(aAudit.entries.every((e) => e.target === 'tenant-a' || e.target === a.apiKey.id)).toBe(true);
    // A cursor is only a position: B's newest row as A's cursor shows A's older rows, never B's.
    const bAudit = json(await audit(b.key)) as unknown as AuditPage;
    const cursor = bAudit.entries[0]?.id ?? '1';
    const aFromB = json(await audit(a.key, `?cursor=${cursor}`)) as unknown as AuditPage;
    expect(aFromB.entries.every((e) => e.target === 'tenant-a' || e.target === a.apiKey.id)).toBe(true);
    // An id that is not a key id at all is answered the same way.
    expectProblem(await revoke(a.key, 'NOT%20AN%20ID'), 404, /No key/);
  });
});

describe('audit log', () => {
  it('lists every admin action of the workspace with the key that did it, newest first, by cursor', async () => {
    const created = await createWorkspace('paged');
    const admin = created.adminKey;
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      api.advance(1);
      made.push((await createKey(admin.key, { kind: 'secret', scopes: ['read'], name: `k${i}` })).apiKey.id);
    }
    api.advance(1);
    await revoke(admin.key, made[0] ?? '');
    const first = json(await audit(admin.key, '?limit=3')) as unknown as AuditPage;
    expect(first.entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      [admin.apiKey.id, 'key.revoked', made[0]],
      [admin.apiKey.id, 'key.created', made[3]],
      [admin.apiKey.id, 'key.created', made[2]],
    ]);
    expect(first.entries[1]?.details).toMatchObject({ kind: 'secret', scopes: ['read'], name: 'k3' });
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = json(
      await audit(admin.key, `?limit=3&cursor=${first.nextCursor ?? ''}`),
    ) as unknown as AuditPage;
    expect(rest.entries.map((e) => e.action)).toEqual(['key.created', 'key.created', 'key.created']);
    const last = json(
      await audit(admin.key, `?limit=3&cursor=${rest.nextCursor ?? ''}`),
    ) as unknown as AuditPage;
    expect(last.entries.map((e) => e.action)).toEqual(['workspace.created']);
    expect(last.nextCursor).toBeNull();
  });

  it('says what a bad cursor or limit should be', async () => {
    const admin = (await createWorkspace('badquery')).adminKey.key;
    expectProblem(await audit(admin, '?limit=0'), 400, /\?limit must be a whole number from 1 to 200/);
    expectProblem(await audit(admin, '?limit=abc'), 400, /\?limit/);
    expectProblem(await audit(admin, '?cursor=-1'), 400, /\?cursor must be the nextCursor/);
  });
});
