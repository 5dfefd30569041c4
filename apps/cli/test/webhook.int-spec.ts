import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { WebhookList } from '@leadscore/contracts';
import { WebhookReceiver, freePort } from '@leadscore/testing';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `webhook …` as the built CLI against the built api, pinging a real receiver on this machine that
// verifies the Standard Webhooks signature.
jest.setTimeout(120_000);

let api: CliTestApi;
let receiver: WebhookReceiver | undefined;
let port: number;
const run = (args: string[], key?: string) =>
  leadscore([...args, '--url', api.url, '--key', key ?? api.adminKey]);

/** The receiver on the same port, now checking signatures with `secret`. */
async function listenWith(secret: string): Promise<WebhookReceiver> {
  await receiver?.stop();
  receiver = new WebhookReceiver(secret);
  await receiver.start(port);
  return receiver;
}

beforeAll(async () => {
  api = await startCliTestApi('cli_webhooks', { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  port = await freePort();
});

afterAll(async () => {
  await receiver?.stop();
  await api?.stop();
});

describe('leadscore webhook', () => {
  it('adds a subscription (secret shown once), lists it, pings it signed, rotates its secret', async () => {
    const url = `http://127.0.0.1:${port}/hooks`;
    const added = await run([
      'webhook',
      'add',
      url,
      '--event',
      'stage',
      '--stage',
      'mql',
      '--stage',
      'sql',
      '--description',
      'CRM',
    ]);
    expect({ status: added.status, stderr: added.stderr }).toEqual({
      status: 0,
      stderr: expect.stringContaining('not shown again'),
    });
    const [summary, secret] = added.stdout.split('\n');
    expect(secret).toMatch(/^whsec_/);
    expect(added.stderr).toContain('not shown again');
    const id = /webhook (\S+) →/.exec(summary ?? '')?.[1] ?? '';

    const list = JSON.parse((await run(['webhook', 'list', '--json'])).stdout) as WebhookList;
    expect(list.subscriptions).toEqual([
      expect.objectContaining({ id, url, events: ['stage'], stages: ['mql', 'sql'] }),
    ]);
    expect((await run(['webhook', 'list'])).stdout).toContain(url);

    const listening = await listenWith(secret ?? '');
    const ping = await run(['webhook', 'test', id]);
    expect(ping).toMatchObject({ status: 0, stdout: expect.stringContaining(`${id}: delivered, 204`) });
    expect(listening.calls.filter((c) => c.verified)).toHaveLength(1);

    listening.respond = () => ({ status: 500 });
    const failing = await run(['webhook', 'test', id]);
    expect(failing).toMatchObject({ status: 8, stderr: expect.stringContaining('failed (500)') });

    const rotated = await run(['webhook', 'rotate-secret', id, '--overlap-seconds', '60']);
    expect(rotated.status).toBe(0);
    const newSecret = rotated.stdout.split('\n')[1] ?? '';
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    expect(rotated.stdout).toContain('the previous one signs too until');
    // Signed with the new secret (and the previous one during the overlap): a receiver knowing only the new one verifies.
    await listenWith(newSecret);
    expect((await run(['webhook', 'test', id])).status).toBe(0);

    const deliveries = await run(['webhook', 'deliveries', id, '--status', 'dead']);
    expect(deliveries).toMatchObject({ status: 0, stdout: 'no deliveries\n' });
    const replayed = await run(['webhook', 'replay', id]);
    expect(replayed).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('0 dead-lettered deliveries'),
    });
  });

  it('exits 5 for a key without admin, 6 for an unknown subscription, 2 for an unknown event', async () => {
    expect(
      (await run(['webhook', 'add', 'http://127.0.0.1:9/x', '--event', 'tier'], api.readKey)).status,
    ).toBe(5);
    expect((await run(['webhook', 'test', 'wh_nothing'])).status).toBe(6);
    expect((await run(['webhook', 'add', 'http://127.0.0.1:9/x', '--event', 'everything'])).status).toBe(2);
  });
});
