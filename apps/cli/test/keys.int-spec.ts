import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { KeyCreated, KeyList, WorkspaceList } from '@leadscore/contracts';
import { OPERATOR, startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `key` and `workspace` as the built CLI, against the built api.
jest.setTimeout(120_000);

let api: CliTestApi;
const run = (args: string[], key: string, env: Record<string, string> = {}) =>
  leadscore([...args, '--url', api.url, '--key', key], env);

beforeAll(async () => {
  api = await startCliTestApi('cli_keys');
});

afterAll(async () => {
  await api?.stop();
});

describe('leadscore workspace create', () => {
  it('bootstraps a workspace with the operator token and shows its admin key once', async () => {
    const missing = await leadscore(['workspace', 'create', 'globex', '--name', 'Globex', '--url', api.url]);
    expect(missing).toMatchObject({ status: 4, stderr: expect.stringContaining('OPERATOR_TOKEN') });
    const wrong = await leadscore([
      'workspace',
      'create',
      'globex',
      '--name',
      'Globex',
      '--url',
      api.url,
      '--operator-token',
      'not-the-operator-token',
    ]);
    expect(wrong.status).toBe(4);

    const created = await leadscore(['workspace', 'create', 'globex', '--name', 'Globex', '--url', api.url], {
      LEADSCORE_OPERATOR_TOKEN: OPERATOR,
    });
    expect(created.status).toBe(0);
    const key = created.stdout.split('\n')[1] ?? '';
    expect(key).toMatch(/^sk_/);
    expect(created.stderr).toContain('not shown again');
    // The new key works: the new workspace has no models yet.
    expect((await run(['model', 'list'], key)).stdout).toContain('no models yet');

    const again = await leadscore([
      'workspace',
      'create',
      'globex',
      '--name',
      'Globex',
      '--url',
      api.url,
      '--operator-token',
      OPERATOR,
      '--json',
    ]);
    expect(again.status).toBe(7);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { exitCode: 7, problem: { status: 409 } } });
  });
});

describe('leadscore workspace list', () => {
  it('lists every workspace with the operator token, as a table and as JSON, and says what it needs', async () => {
    const missing = await leadscore(['workspace', 'list', '--url', api.url]);
    expect(missing).toMatchObject({ status: 4, stderr: expect.stringContaining('OPERATOR_TOKEN') });
    const asAdmin = await leadscore([
      'workspace',
      'list',
      '--url',
      api.url,
      '--operator-token',
      api.adminKey,
    ]);
    expect(asAdmin.status).toBe(4);

    await leadscore(['workspace', 'create', 'listed', '--name', 'Listed Ltd', '--url', api.url], {
      LEADSCORE_OPERATOR_TOKEN: OPERATOR,
    });
    const table = await leadscore(['workspace', 'list', '--url', api.url], {
      LEADSCORE_OPERATOR_TOKEN: OPERATOR,
    });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/│ listed\s+│ Listed Ltd\s+│ \d{4}-\d\d-\d\dT/);
    const listed = await leadscore([
      'workspace',
      'list',
      '--url',
      api.url,
      '--operator-token',
      OPERATOR,
      '--json',
    ]);
    const { workspaces } = JSON.parse(listed.stdout) as WorkspaceList;
    expect(workspaces.map((workspace) => workspace.id)).toEqual(expect.arrayContaining(['listed']));
    expect(workspaces.find((workspace) => workspace.id === 'listed')).toMatchObject({ name: 'Listed Ltd' });
  });
});

describe('leadscore key', () => {
  it('creates a key shown once, lists it by prefix, revokes it, and the api refuses it after', async () => {
    const created = JSON.parse(
      (await run(['key', 'create', '--scope', 'read', '--name', 'CRM sync', '--json'], api.adminKey)).stdout,
    ) as KeyCreated;
    expect(created.apiKey).toMatchObject({ kind: 'secret', scopes: ['read'], name: 'CRM sync' });
    expect((await run(['model', 'list'], created.key)).status).toBe(0);

    const listed = await run(['key', 'list'], api.adminKey);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(created.apiKey.prefix);
    expect(listed.stdout).not.toContain(created.key);
    const keys = JSON.parse((await run(['key', 'list', '--json'], api.adminKey)).stdout) as KeyList;
    expect(keys.keys.map((k) => k.id)).toContain(created.apiKey.id);

    const revoked = await run(['key', 'revoke', created.apiKey.id], api.adminKey);
    expect(revoked).toMatchObject({ status: 0, stdout: expect.stringContaining(`key ${created.apiKey.id}`) });
    expect((await run(['model', 'list'], created.key)).status).toBe(4);
  });

  it('exits 5 for a key without admin, 6 for an unknown key id, 2 for an unknown scope', async () => {
    expect((await run(['key', 'create'], api.readKey)).status).toBe(5);
    expect((await run(['key', 'revoke', 'nothing-here'], api.adminKey)).status).toBe(6);
    expect((await run(['key', 'create', '--scope', 'everything'], api.adminKey)).status).toBe(2);
  });
});
