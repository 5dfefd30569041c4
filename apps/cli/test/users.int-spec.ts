import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ConsoleSession, ConsoleUserList, InvitationCreated } from '@leadscore/contracts';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `user` as the built CLI, against the built api.
jest.setTimeout(120_000);

let api: CliTestApi;
const run = (args: string[], key: string) => leadscore([...args, '--url', api.url, '--key', key]);

beforeAll(async () => {
  api = await startCliTestApi('cli_users');
});

afterAll(async () => {
  await api?.stop();
});

/** Accepts an invitation link as the console would, and returns the new user's id. */
async function accept(link: string): Promise<string> {
  const token = new URL(link).hash.replace(/^#token=/, '');
  const response = await fetch(`${api.url}/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: 'Grace Hopper', password: 'a long enough passphrase' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as ConsoleSession).user.id;
}

describe('leadscore user', () => {
  it('invites with an admin key (the link shown once), lists, changes a role and removes', async () => {
    const invited = await run(['user', 'invite', 'grace@example.com', '--role', 'admin'], api.adminKey);
    expect(invited.status).toBe(0);
    const link = invited.stdout.split('\n')[1] ?? '';
    expect(link).toMatch(new RegExp(`^${api.url}/console/accept#token=inv_`));
    expect(invited.stderr).toContain('not shown again');

    const pending = JSON.parse(
      (await run(['user', 'list', '--json'], api.adminKey)).stdout,
    ) as ConsoleUserList;
    expect(pending.invitations.map((i) => [i.email, i.role])).toEqual([['grace@example.com', 'admin']]);
    expect(JSON.stringify(pending)).not.toContain(link.split('#token=')[1]);

    const userId = await accept(link);
    const listed = await run(['user', 'list'], api.adminKey);
    expect(listed.stdout).toMatch(/grace@example\.com\W+Grace Hopper\W+admin/);

    // The last admin user stays one (exit 7, a conflict) until there is another.
    expect((await run(['user', 'role', userId, 'viewer'], api.adminKey)).status).toBe(7);
    const second = JSON.parse(
      (await run(['user', 'invite', 'ada@example.com', '--role', 'admin', '--json'], api.adminKey)).stdout,
    ) as InvitationCreated;
    await accept(`${api.url}${second.acceptPath}`);
    const demoted = await run(['user', 'role', userId, 'viewer'], api.adminKey);
    expect(demoted).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('grace@example.com is viewer now'),
    });

    expect((await run(['user', 'remove', userId], api.adminKey)).status).toBe(0);
    expect((await run(['user', 'remove', userId], api.adminKey)).status).toBe(6);
  });

  it('exits 5 for a key without admin and 2 for an unknown role', async () => {
    expect((await run(['user', 'list'], api.readKey)).status).toBe(5);
    expect((await run(['user', 'invite', 'x@example.com', '--role', 'owner'], api.adminKey)).status).toBe(2);
  });
});
