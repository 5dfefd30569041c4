import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookTargetGuard, sendWebhook, type HostResolver } from '../src/index.js';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let port: number;
const received: Received[] = [];
let answer: { status: number; delayMs?: number; body?: string } = { status: 204 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => {
        res.writeHead(answer.status, { 'retry-after': '7' });
        res.end(answer.body ?? `status ${answer.status}`);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const open = { allowPrivateNetworks: true, requireHttps: false };
const strict = { allowPrivateNetworks: false, requireHttps: false };

/** A resolver that answers `answers` in turn (the last one from then on) and counts its calls. */
function scriptedResolver(...answers: string[]): HostResolver & { calls: number } {
  const resolver = Object.assign(
    (_host: string) => {
      const address = answers[Math.min(resolver.calls, answers.length - 1)]!;
      resolver.calls += 1;
      return Promise.resolve([{ address, family: address.includes(':') ? (6 as const) : (4 as const) }]);
    },
    { calls: 0 },
  );
  return resolver;
}

describe('sendWebhook (real HTTP on 127.0.0.1)', () => {
  it('connects to the address the guard checked, not to a second DNS answer (the host exists in no DNS)', async () => {
    received.length = 0;
    answer = { status: 200, body: 'ok' };
    const resolver = scriptedResolver('127.0.0.1');
    const sent = await sendWebhook(
      new WebhookTargetGuard(open, resolver),
      `http://receiver.invalid:${port}/hooks`,
      { 'webhook-id': 'msg_1' },
      '{"a":1}',
      5_000,
    );
    expect(sent).toEqual({
      result: { kind: 'response', status: 200, retryAfter: '7' },
      statusCode: 200,
      responseExcerpt: 'ok',
      error: null,
      address: '127.0.0.1',
    });
    expect(resolver.calls).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers).toMatchObject({
      host: `receiver.invalid:${port}`,
      'webhook-id': 'msg_1',
      'content-type': 'application/json',
      'user-agent': 'leadscore-webhooks/1',
    });
    expect(received[0]!.body).toBe('{"a":1}');
  });

  it('never connects to a host whose DNS answer turned from public to loopback (rebinding): refused, final', async () => {
    received.length = 0;
    const resolver = scriptedResolver('93.184.215.14', '127.0.0.1');
    const guard = new WebhookTargetGuard(strict, resolver);
    const url = `http://rebind.example.com:${port}/hooks`;
    expect(await guard.check(url)).toMatchObject({ ok: true, address: { address: '93.184.215.14' } });
    const sent = await sendWebhook(guard, url, {}, '{}', 5_000);
    expect(sent.result).toEqual({
      kind: 'refused',
      reason: expect.stringContaining('rebind.example.com resolves to 127.0.0.1, a loopback address'),
    });
    expect(sent.error).toContain('WEBHOOK_ALLOW_PRIVATE_NETWORKS=true');
    expect(sent.address).toBeNull();
    expect(received).toHaveLength(0);
  });

  it('refuses an odd spelling of 127.0.0.1 without connecting', async () => {
    received.length = 0;
    const sent = await sendWebhook(
      new WebhookTargetGuard(strict),
      `http://2130706433:${port}/`,
      {},
      '{}',
      5_000,
    );
    expect(sent.result).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('127.0.0.1 is a loopback address'),
    });
    expect(received).toHaveLength(0);
  });

  it('reports a timeout, a refused connection and an unresolvable host as retriable results', async () => {
    answer = { status: 200, delayMs: 2_000 };
    const guard = new WebhookTargetGuard(open, scriptedResolver('127.0.0.1'));
    const slow = await sendWebhook(guard, `http://slow.invalid:${port}/`, {}, '{}', 200);
    expect(slow).toMatchObject({ result: { kind: 'timeout' }, error: 'no response within 200 ms' });
    const closed = await sendWebhook(new WebhookTargetGuard(open), 'http://127.0.0.1:9/', {}, '{}', 2_000);
    expect(closed).toMatchObject({
      result: { kind: 'network-error' },
      error: expect.stringContaining('ECONNREFUSED'),
    });
    const nowhere: HostResolver = () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' }));
    const missing = await sendWebhook(
      new WebhookTargetGuard(strict, nowhere),
      'https://gone.example.com/',
      {},
      '{}',
      2_000,
    );
    expect(missing).toMatchObject({
      result: { kind: 'network-error' },
      error: expect.stringContaining('does not resolve'),
    });
  });

  it('keeps 500 characters of a long answer', async () => {
    answer = { status: 503, body: 'x'.repeat(20_000) };
    const sent = await sendWebhook(
      new WebhookTargetGuard(open),
      `http://127.0.0.1:${port}/`,
      {},
      '{}',
      5_000,
    );
    expect(sent.statusCode).toBe(503);
    expect(sent.responseExcerpt).toBe('x'.repeat(500));
  });
});
