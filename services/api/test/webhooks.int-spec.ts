import { openWebhookSecret } from '@leadscore/access';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuditPage,
  KeyCreated,
  WebhookCreated,
  WebhookDeliveryPage,
  WebhookList,
  WebhookPingResult,
  WebhookReplayResult,
  WebhookSecretRotated,
  WebhookSubscription,
} from '@leadscore/contracts';
import { webhookIdOf } from '@leadscore/lifecycle';
import { webhookDeliveryRepository } from '@leadscore/persistence';
import { WebhookReceiver, freePort } from '@leadscore/testing';
import { systemResolver, type HostResolver } from '@leadscore/webhooks';
import { Webhook } from 'standardwebhooks';
import {
  OPERATOR,
  bearer,
  createWorkspace as createWorkspaceIn,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

/** The api whose guard refuses private networks (the default), and one that allows them (the override). */
let strict: TestApi;
let open: TestApi;
/** What the strict api's resolver answers for *.rebind.example (the system resolver for anything else). */
let rebindAnswer = '93.184.215.14';

const rebindingResolver: HostResolver = (host) =>
  host.endsWith('.rebind.example')
    ? Promise.resolve([{ address: rebindAnswer, family: 4 }])
    : systemResolver(host);

beforeAll(async () => {
  strict = await startTestApi('api_webhooks', OPERATOR, { resolver: rebindingResolver });
  open = await startTestApi('api_webhooks_open', OPERATOR, {
    webhookPolicy: { allowPrivateNetworks: true, requireHttps: false },
  });
  // Signatures carry the api's clock; a receiver refuses timestamps 5 minutes away from its own.
  for (const api of [strict, open]) api.advance((Date.now() - Date.parse('2026-04-01T09:00:00Z')) / 1000);
});

afterAll(async () => {
  await strict?.close();
  await open?.close();
});

const createWorkspace = async (api: TestApi, id: string) => (await createWorkspaceIn(api, id)).adminKey.key;

const call = (
  api: TestApi,
  key: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
) =>
  api.http.inject({
    method,
    url,
    headers: { ...bearer(key), ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload } : {}),
  });

async function subscribe(api: TestApi, key: string, body: Record<string, unknown>): Promise<WebhookCreated> {
  const response = await call(api, key, 'POST', '/v1/webhooks', body);
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 201 });
  return json(response) as unknown as WebhookCreated;
}

const audit = async (api: TestApi, key: string) =>
  (json(await call(api, key, 'GET', '/v1/audit')) as unknown as AuditPage).entries;

describe('webhook subscriptions: create, list, get, update, delete', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await createWorkspace(strict, 'hooks-crud');
  });

  it('creates a subscription and shows its whsec_ secret in that answer only', async () => {
    const created = await subscribe(strict, admin, {
      url: 'https://crm.rebind.example/hooks?token=abc',
      events: ['stage', 'tier'],
      stages: ['mql', 'sql'],
      description: 'CRM sync',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.subscription).toMatchObject({
      id: expect.stringMatching(/^wh_[0-9a-f]{16}$/),
      url: 'https://crm.rebind.example/hooks?token=abc',
      events: ['stage', 'tier'],
      tiers: null,
      stages: ['mql', 'sql'],
      description: 'CRM sync',
      enabled: true,
      previousSecretExpiresAt: null,
    });
    const id = created.subscription.id;
    const got = await call(strict, admin, 'GET', `/v1/webhooks/${id}`);
    expect(json(got)).toEqual(created.subscription);
    const listed = json(await call(strict, admin, 'GET', '/v1/webhooks')) as unknown as WebhookList;
    expect(listed.subscriptions).toEqual([created.subscription]);
    expect(got.body + JSON.stringify(listed)).not.toContain('whsec_');
    // Stored sealed with SETTINGS_ENCRYPTION_KEY for this subscription: threshold opens it to sign.
    const [row] = await strict.dataSource.query<{ secrets: string[] }[]>(
      'SELECT secrets FROM webhook_subscriptions WHERE id = $1',
      [id],
    );
    expect(row!.secrets).toHaveLength(1);
    expect(row!.secrets[0]).toMatch(/^sealed:v1:/);
    expect(row!.secrets[0]).not.toContain(created.secret.slice('whsec_'.length, 20));
    const owner = { workspaceId: 'hooks-crud', subscriptionId: id };
    expect(openWebhookSecret(strict.settingsCipher, row!.secrets[0]!, owner)).toBe(created.secret);
    const entries = await audit(strict, admin);
    expect(entries[0]).toMatchObject({
      action: 'webhook.created',
      target: id,
      details: {
        url: 'https://crm.rebind.example/hooks?…',
        events: ['stage', 'tier'],
        stages: ['mql', 'sql'],
      },
    });
    expect(JSON.stringify(entries)).not.toContain('whsec_');
    expect(JSON.stringify(entries)).not.toContain('token=abc');
  });

  it('updates the URL, filter, description and enabled flag, and audits what changed', async () => {
    const { subscription } = await subscribe(strict, admin, {
      url: 'https://a.rebind.example/',
      events: ['stage'],
    });
    strict.advance(5);
    const response = await call(strict, admin, 'PATCH', `/v1/webhooks/${subscription.id}`, {
      url: 'https://b.rebind.example/new',
      events: ['tier'],
      tiers: ['hot', 'sales-ready'],
      description: null,
      enabled: false,
    });
    expect(response.statusCode).toBe(200);
    const updated = json(response) as unknown as WebhookSubscription;
    expect(updated).toMatchObject({
      url: 'https://b.rebind.example/new',
      events: ['tier'],
      tiers: ['hot', 'sales-ready'],
      stages: null,
      enabled: false,
    });
    expect(Date.parse(updated.updatedAt) - Date.parse(subscription.updatedAt)).toBe(5_000);
    expect((await audit(strict, admin))[0]).toMatchObject({
      action: 'webhook.updated',
      target: subscription.id,
      details: {
        url: 'https://b.rebind.example/new',
        events: ['tier'],
        tiers: ['hot', 'sales-ready'],
        enabled: false,
      },
    });
    expectProblem(
      await call(strict, admin, 'PATCH', `/v1/webhooks/${subscription.id}`, {}),
      400,
      /must NOT have fewer than 1 properties|\(body\)/,
    );
    expectProblem(
      await call(strict, admin, 'PATCH', `/v1/webhooks/${subscription.id}`, { stages: ['mql'] }),
      400,
      /^stages: .*add "stage" or "account-stage" to events/,
    );
  });

  it('deletes a subscription (204), after which it is 404, and audits it', async () => {
    const { subscription } = await subscribe(strict, admin, {
      url: 'https://c.rebind.example/',
      events: ['score'],
    });
    const deleted = await call(strict, admin, 'DELETE', `/v1/webhooks/${subscription.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(
      await call(strict, admin, 'GET', `/v1/webhooks/${subscription.id}`),
      404,
      /No webhook subscription/,
    );
    expectProblem(
      await call(strict, admin, 'DELETE', `/v1/webhooks/${subscription.id}`),
      404,
      /No webhook subscription/,
    );
    expect((await audit(strict, admin))[0]).toMatchObject({
      action: 'webhook.deleted',
      target: subscription.id,
      details: { url: 'https://c.rebind.example/' },
    });
  });

  it('subscribes to accounts: marketing-qualified accounts and account score changes', async () => {
    const created = await subscribe(strict, admin, {
      url: 'https://crm.rebind.example/accounts',
      events: ['account-stage', 'account-score'],
      stages: ['mqa'],
    });
    expect(created.subscription).toMatchObject({
      events: ['account-stage', 'account-score'],
      tiers: null,
      stages: ['mqa'],
    });
  });

  it('validates the body and names the field', async () => {
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', { url: 'https://x.rebind.example/' }),
      400,
      /^events: expected a value/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://x.rebind.example/',
        events: ['clicks'],
      }),
      400,
      /^events\[0\]: expected one of "tier", "stage", "score"/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://x.rebind.example/',
        events: ['stage'],
        tiers: ['hot'],
      }),
      400,
      /^tiers: .*add "tier" or "account-tier" to events/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://x.rebind.example/',
        events: ['account-score'],
        stages: ['mqa'],
      }),
      400,
      /^stages: .*add "stage" or "account-stage" to events/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://x.rebind.example/',
        events: ['tier'],
        tiers: ['Sales Ready'],
      }),
      400,
      /^tiers\[0\]: expected text matching/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://x.rebind.example/',
        events: ['stage'],
        secret: 'mine',
      }),
      400,
      /secret: expected no such field/,
    );
  });
});

describe('the SSRF guard when subscribing', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await createWorkspace(strict, 'hooks-ssrf');
  });

  it.each([
    [
      'a host name that resolves to 127.0.0.1',
      'http://localhost:8080/hooks',
      /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    ],
    ['127.0.0.1 spelled as one decimal number', 'http://2130706433/', /127\.0\.0\.1 is a loopback address/],
    ['127.0.0.1 in octal and short forms', 'http://0177.1/', /127\.0\.0\.1 is a loopback address/],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/', /127\.0\.0\.1 is a loopback address/],
    [
      'the cloud metadata address',
      'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is a link-local/,
    ],
    ['a private network', 'https://10.1.2.3/hooks', /10\.1\.2\.3 is a private \(RFC 1918\) address/],
    ['IPv6 loopback', 'http://[::1]/', /::1 is a loopback address/],
  ])('refuses %s (400, field url, how to allow it)', async (_what, url, reason) => {
    const response = await call(strict, admin, 'POST', '/v1/webhooks', { url, events: ['stage'] });
    const body = expectProblem(response, 400, reason);
    expect(String(body['detail'])).toMatch(/^url: .*WEBHOOK_ALLOW_PRIVATE_NETWORKS=true/);
    expect(body['errors']).toEqual([{ field: 'url', expected: expect.stringMatching(reason) }]);
  });

  it('refuses schemes other than http(s) and credentials in the URL; a private URL on update too', async () => {
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', { url: 'file:///etc/passwd', events: ['stage'] }),
      400,
      /scheme is file/,
    );
    expectProblem(
      await call(strict, admin, 'POST', '/v1/webhooks', {
        url: 'https://u:p@crm.rebind.example/',
        events: ['stage'],
      }),
      400,
      /user name or password/,
    );
    const { subscription } = await subscribe(strict, admin, {
      url: 'https://ok.rebind.example/',
      events: ['stage'],
    });
    expectProblem(
      await call(strict, admin, 'PATCH', `/v1/webhooks/${subscription.id}`, { url: 'http://192.168.1.10/' }),
      400,
      /192\.168\.1\.10 is a private/,
    );
    expect(json(await call(strict, admin, 'GET', `/v1/webhooks/${subscription.id}`))).toMatchObject({
      url: 'https://ok.rebind.example/',
    });
    expect(
      await strict.dataSource.query('SELECT 1 FROM webhook_subscriptions WHERE url LIKE $1', ['%192.168%']),
    ).toEqual([]);
  });

  it('requires https in production', async () => {
    const production = await startTestApi('api_webhooks_production', OPERATOR, {
      webhookPolicy: { allowPrivateNetworks: false, requireHttps: true },
      resolver: () => Promise.resolve([{ address: '93.184.215.14', family: 4 }]),
    });
    try {
      const key = await createWorkspace(production, 'hooks-prod');
      expectProblem(
        await call(production, key, 'POST', '/v1/webhooks', {
          url: 'http://crm.example.com/',
          events: ['stage'],
        }),
        400,
        /^url: webhook URLs must use https in production/,
      );
      await subscribe(production, key, { url: 'https://crm.example.com/', events: ['stage'] });
    } finally {
      await production.close();
    }
  });
});

describe('ping', () => {
  it('sends a signed webhook.ping to a real receiver (private networks allowed) and answers its status and latency', async () => {
    const admin = await createWorkspace(open, 'hooks-ping');
    const port = await freePort();
    const created = await subscribe(open, admin, {
      url: `http://127.0.0.1:${port}/hooks`,
      events: ['stage'],
    });
    const receiver = new WebhookReceiver(created.secret);
    await receiver.start(port);
    try {
      receiver.respond = () => ({ status: 202 });
      const response = await call(open, admin, 'POST', `/v1/webhooks/${created.subscription.id}/ping`);
      expect(response.statusCode).toBe(200);
      const ping = json(response) as unknown as WebhookPingResult;
      expect(ping).toEqual({
        outcome: 'delivered',
        webhookId: expect.stringMatching(/^msg_ping_[0-9a-f]{24}$/),
        statusCode: 202,
        latencyMs: expect.any(Number),
        responseExcerpt: 'status 202',
        error: null,
      });
      expect(receiver.calls).toMatchObject([{ verified: true, webhookId: ping.webhookId }]);
      const request = receiver.requests[0]!;
      expect(new Webhook(created.secret).verify(request.body, request.headers)).toMatchObject({
        type: 'webhook.ping',
        source: 'leadscore/api',
        workspace: 'hooks-ping',
        data: { subscriptionId: created.subscription.id },
      });
      // A receiver that fails: the ping says so, with the status and what it answered.
      receiver.respond = () => ({ status: 500 });
      expect(
        json(await call(open, admin, 'POST', `/v1/webhooks/${created.subscription.id}/ping`)),
      ).toMatchObject({
        outcome: 'failed',
        statusCode: 500,
        responseExcerpt: 'status 500',
      });
    } finally {
      await receiver.stop();
    }
  });

  it('is refused without the override: the same loopback receiver is never connected', async () => {
    const admin = await createWorkspace(strict, 'hooks-ping-loopback');
    const receiver = new WebhookReceiver('whsec_unused');
    await receiver.start();
    try {
      // Subscribed while its host still resolved to a public address (or allowed by the operator then).
      rebindAnswer = '93.184.215.14';
      const created = await subscribe(strict, admin, {
        url: `http://loopback.rebind.example:${new URL(receiver.url).port}/hooks`,
        events: ['stage'],
      });
      await strict.dataSource.query('UPDATE webhook_subscriptions SET url = $2 WHERE id = $1', [
        created.subscription.id,
        receiver.url,
      ]);
      const ping = json(await call(strict, admin, 'POST', `/v1/webhooks/${created.subscription.id}/ping`));
      expect(ping).toMatchObject({
        outcome: 'refused',
        error: expect.stringMatching(
          /^127\.0\.0\.1 is a loopback address: .*WEBHOOK_ALLOW_PRIVATE_NETWORKS=true/,
        ),
      });
      expect(receiver.requests).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  it('is refused, never connected, when the host turned from public to 127.0.0.1 since subscribing (rebinding)', async () => {
    const admin = await createWorkspace(strict, 'hooks-ping-refused');
    const receiver = new WebhookReceiver('whsec_unused');
    await receiver.start();
    const port = new URL(receiver.url).port;
    try {
      rebindAnswer = '93.184.215.14';
      const created = await subscribe(strict, admin, {
        url: `http://crm.rebind.example:${port}/hooks`,
        events: ['stage'],
      });
      rebindAnswer = '127.0.0.1';
      const response = await call(strict, admin, 'POST', `/v1/webhooks/${created.subscription.id}/ping`);
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({
        outcome: 'refused',
        webhookId: expect.stringMatching(/^msg_ping_/),
        statusCode: null,
        latencyMs: null,
        responseExcerpt: null,
        error: expect.stringMatching(
          /^crm\.rebind\.example resolves to 127\.0\.0\.1, a loopback address: .*WEBHOOK_ALLOW_PRIVATE_NETWORKS=true/,
        ),
      });
      expect(receiver.requests).toEqual([]);
    } finally {
      rebindAnswer = '93.184.215.14';
      await receiver.stop();
    }
  });
});

describe('secret rotation', () => {
  it('signs with the new and the previous secret until the overlap ends, then with the new one alone', async () => {
    const admin = await createWorkspace(open, 'hooks-rotate');
    const port = await freePort();
    const created = await subscribe(open, admin, {
      url: `http://127.0.0.1:${port}/hooks`,
      events: ['stage'],
    });
    const receiver = new WebhookReceiver(created.secret);
    await receiver.start(port);
    try {
      const response = await call(
        open,
        admin,
        'POST',
        `/v1/webhooks/${created.subscription.id}/rotate-secret`,
        {
          overlapSeconds: 60,
        },
      );
      expect(response.statusCode).toBe(200);
      const rotated = json(response) as unknown as WebhookSecretRotated;
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(created.secret);
      const ping = () => call(open, admin, 'POST', `/v1/webhooks/${created.subscription.id}/ping`);
      const verifies = (secret: string, index: number) => {
        const request = receiver.requests[index]!;
        try {
          new Webhook(secret).verify(request.body, request.headers);
          return true;
        } catch {
          return false;
        }
      };
      expect(rotated.subscription.previousSecretExpiresAt).toBe(
        new Date(Date.parse(rotated.subscription.updatedAt) + 60_000).toISOString(),
      );
      expect((json(await ping()) as unknown as WebhookPingResult).outcome).toBe('delivered');
      expect([verifies(created.secret, 0), verifies(rotated.secret, 0)]).toEqual([true, true]);
      expect(receiver.requests[0]!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
      open.advance(60);
      // The receiver still holds only the old secret: it refuses the ping now (401).
      expect(json(await ping())).toMatchObject({ outcome: 'failed', statusCode: 401 });
      expect([verifies(created.secret, 1), verifies(rotated.secret, 1)]).toEqual([false, true]);
      expect(receiver.requests[1]!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
      const entries = await audit(open, admin);
      expect(entries[0]).toMatchObject({
        action: 'webhook.secret-rotated',
        target: created.subscription.id,
        details: {
          overlapSeconds: 60,
          previousSecretExpiresAt: rotated.subscription.previousSecretExpiresAt,
        },
      });
      expect(JSON.stringify(entries)).not.toContain('whsec_');
      // The answer of GET never shows a secret, only until when the previous one signs.
      const got = await call(open, admin, 'GET', `/v1/webhooks/${created.subscription.id}`);
      expect(got.body).not.toContain('whsec_');
    } finally {
      await receiver.stop();
    }
  });

  it('drops the previous secret at once with an overlap of 0, and takes no body for the default of a day', async () => {
    const admin = await createWorkspace(strict, 'hooks-rotate-now');
    const { subscription } = await subscribe(strict, admin, {
      url: 'https://r.rebind.example/',
      events: ['stage'],
    });
    const now = json(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscription.id}/rotate-secret`, {
        overlapSeconds: 0,
      }),
    ) as unknown as WebhookSecretRotated;
    expect(now.subscription.previousSecretExpiresAt).toBeNull();
    const [row] = await strict.dataSource.query<{ secrets: string[] }[]>(
      'SELECT secrets FROM webhook_subscriptions WHERE id = $1',
      [subscription.id],
    );
    const owner = { workspaceId: 'hooks-rotate-now', subscriptionId: subscription.id };
    expect(row!.secrets.map((stored) => openWebhookSecret(strict.settingsCipher, stored, owner))).toEqual([
      now.secret,
    ]);
    const day = json(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscription.id}/rotate-secret`),
    ) as unknown as WebhookSecretRotated;
    expect(
      Date.parse(day.subscription.previousSecretExpiresAt!) - Date.parse(day.subscription.updatedAt),
    ).toBe(86_400_000);
    expectProblem(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscription.id}/rotate-secret`, {
        overlapSeconds: 10_000_000,
      }),
      400,
      /overlapSeconds/,
    );
  });
});

describe('delivery log and replay', () => {
  let admin: string;
  let subscriptionId: string;
  const deliveryIds: string[] = [];

  beforeAll(async () => {
    admin = await createWorkspace(strict, 'hooks-log');
    subscriptionId = (
      await subscribe(strict, admin, { url: 'https://log.rebind.example/', events: ['stage'] })
    ).subscription.id;
    // What threshold writes: three deliveries; the first dead after two attempts, the second delivered.
    const sql = strict.dataSource.manager;
    const at = new Date('2026-11-01T10:00:00Z');
    await webhookDeliveryRepository.enqueue(
      sql,
      ['e1', 'e2', 'e3'].map((eventId) => ({
        webhookId: webhookIdOf(subscriptionId, eventId),
        subscriptionId,
        workspaceId: 'hooks-log',
        eventId,
        eventType: 'leadscore.lifecycle.changed',
        payload: { id: eventId },
      })),
      at,
    );
    const rows = await strict.dataSource.query<{ id: string }[]>(
      'SELECT id::text FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY id',
      [subscriptionId],
    );
    deliveryIds.push(...rows.map((r) => r.id));
    const attempt = (
      deliveryId: string,
      n: number,
      outcome: 'delivered' | 'retrying' | 'dead_lettered',
      statusCode: number | null,
      error: string | null,
    ) => ({
      deliveryId,
      attempt: n,
      startedAt: new Date(at.getTime() + n * 1000),
      latencyMs: 12.5,
      statusCode,
      outcome,
      responseExcerpt: statusCode === null ? null : `status ${statusCode}`,
      error,
    });
    await webhookDeliveryRepository.settle(sql, attempt(deliveryIds[0]!, 1, 'retrying', 503, null), {
      status: 'retry',
      nextAttemptAt: at,
      error: 'HTTP 503',
    });
    await webhookDeliveryRepository.settle(sql, attempt(deliveryIds[0]!, 2, 'dead_lettered', 410, null), {
      status: 'dead',
      error: 'HTTP 410 is not retried',
    });
    await webhookDeliveryRepository.settle(sql, attempt(deliveryIds[1]!, 1, 'delivered', 200, null), {
      status: 'delivered',
    });
  });

  const log = async (key: string, query = '') =>
    json(
      await call(strict, key, 'GET', `/v1/webhooks/${subscriptionId}/deliveries${query}`),
    ) as unknown as WebhookDeliveryPage;

  it('lists deliveries newest first with every attempt, by status, a page at a time', async () => {
    const all = await log(admin);
    expect(all.deliveries.map((d) => [d.id, d.status])).toEqual([
      [deliveryIds[2], 'pending'],
      [deliveryIds[1], 'delivered'],
      [deliveryIds[0], 'dead'],
    ]);
    expect(all.nextCursor).toBeNull();
    const dead = await log(admin, '?status=dead');
    expect(dead.deliveries).toEqual([
      {
        id: deliveryIds[0],
        webhookId: webhookIdOf(subscriptionId, 'e1'),
        eventId: 'e1',
        eventType: 'leadscore.lifecycle.changed',
        status: 'dead',
        attempts: [
          {
            attempt: 1,
            startedAt: '2026-11-01T10:00:01.000Z',
            latencyMs: 12.5,
            statusCode: 503,
            outcome: 'retrying',
            responseExcerpt: 'status 503',
            error: null,
          },
          {
            attempt: 2,
            startedAt: '2026-11-01T10:00:02.000Z',
            latencyMs: 12.5,
            statusCode: 410,
            outcome: 'dead_lettered',
            responseExcerpt: 'status 410',
            error: null,
          },
        ],
        nextAttemptAt: null,
        lastError: 'HTTP 410 is not retried',
        createdAt: '2026-11-01T10:00:00.000Z',
        deliveredAt: null,
        deadLetteredAt: '2026-11-01T10:00:02.012Z',
      },
    ]);
    const first = await log(admin, '?limit=2');
    expect(first.deliveries.map((d) => d.id)).toEqual([deliveryIds[2], deliveryIds[1]]);
    expect(first.nextCursor).toBe(deliveryIds[1]);
    const second = await log(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.deliveries.map((d) => d.id)).toEqual([deliveryIds[0]]);
    expect(second.nextCursor).toBeNull();
    expectProblem(
      await call(strict, admin, 'GET', `/v1/webhooks/${subscriptionId}/deliveries?status=lost`),
      400,
      /\?status must be one of pending, delivered, dead/,
    );
    expectProblem(
      await call(strict, admin, 'GET', `/v1/webhooks/${subscriptionId}/deliveries?limit=0`),
      400,
      /\?limit/,
    );
  });

  it('replays a dead delivery (same webhook id, due now, attempts afresh); a delivered or pending one is 409', async () => {
    expectProblem(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscriptionId}/deliveries/${deliveryIds[1]}/replay`),
      409,
      /is delivered; only dead-lettered/,
    );
    expectProblem(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscriptionId}/deliveries/${deliveryIds[2]}/replay`),
      409,
      /is pending/,
    );
    expectProblem(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscriptionId}/deliveries/99999999/replay`),
      404,
      /No delivery "99999999"/,
    );
    const response = await call(
      strict,
      admin,
      'POST',
      `/v1/webhooks/${subscriptionId}/deliveries/${deliveryIds[0]}/replay`,
    );
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ replayed: 1, deliveryIds: [deliveryIds[0]] });
    const [row] = await strict.dataSource.query<
      { status: string; attempts: number; webhook_id: string; next_attempt_at: Date }[]
    >('SELECT status, attempts, webhook_id, next_attempt_at FROM webhook_deliveries WHERE id = $1', [
      deliveryIds[0],
    ]);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 0,
      webhook_id: webhookIdOf(subscriptionId, 'e1'),
    });
    expect(row!.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await audit(strict, admin))[0]).toMatchObject({
      action: 'webhook.replayed',
      target: subscriptionId,
      details: { deliveryIds: [deliveryIds[0]] },
    });
    // Nothing dead any more: replaying all replays none and audits nothing.
    const before = (await audit(strict, admin)).length;
    expect(json(await call(strict, admin, 'POST', `/v1/webhooks/${subscriptionId}/replay`))).toEqual({
      replayed: 0,
      deliveryIds: [],
    });
    expect((await audit(strict, admin)).length).toBe(before);
  });

  it('replays every dead delivery of a subscription at once', async () => {
    await strict.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'dead', dead_lettered_at = now() WHERE subscription_id = $1 AND id <> $2`,
      [subscriptionId, deliveryIds[1]],
    );
    const replayed = json(
      await call(strict, admin, 'POST', `/v1/webhooks/${subscriptionId}/replay`),
    ) as unknown as WebhookReplayResult;
    expect(replayed).toEqual({ replayed: 2, deliveryIds: [deliveryIds[0], deliveryIds[2]] });
    expect((await log(admin, '?status=pending')).deliveries.map((d) => d.id)).toEqual([
      deliveryIds[2],
      deliveryIds[0],
    ]);
  });
});

describe('scopes and tenant isolation', () => {
  it('a read key lists, reads and sees the log but may not change, ping or replay (403)', async () => {
    const admin = await createWorkspace(strict, 'hooks-scopes');
    const reader = (
      json(
        await call(strict, admin, 'POST', '/v1/keys', { kind: 'secret', scopes: ['read'] }),
      ) as unknown as KeyCreated
    ).key;
    const { subscription } = await subscribe(strict, admin, {
      url: 'https://s.rebind.example/',
      events: ['stage'],
    });
    const base = `/v1/webhooks/${subscription.id}`;
    for (const url of ['/v1/webhooks', base, `${base}/deliveries`])
      expect((await call(strict, reader, 'GET', url)).statusCode).toBe(200);
    expectProblem(
      await call(strict, reader, 'POST', '/v1/webhooks', {
        url: 'https://s.rebind.example/',
        events: ['stage'],
      }),
      403,
      /"admin"/,
    );
    expectProblem(await call(strict, reader, 'PATCH', base, { enabled: false }), 403, /"admin"/);
    expectProblem(await call(strict, reader, 'DELETE', base), 403, /"admin"/);
    for (const action of ['rotate-secret', 'ping', 'replay'])
      expectProblem(await call(strict, reader, 'POST', `${base}/${action}`), 403, /"admin"/);
  });

  it('another workspace’s subscription and deliveries are 404 on every route, and stay unchanged', async () => {
    const a = await createWorkspace(strict, 'hooks-tenant-a');
    const b = await createWorkspace(strict, 'hooks-tenant-b');
    const { subscription } = await subscribe(strict, b, {
      url: 'https://b.rebind.example/',
      events: ['stage'],
    });
    await webhookDeliveryRepository.enqueue(
      strict.dataSource.manager,
      [
        {
          webhookId: 'msg_b',
          subscriptionId: subscription.id,
          workspaceId: 'hooks-tenant-b',
          eventId: 'eb',
          eventType: 't',
          payload: {},
        },
      ],
      new Date(),
    );
    await strict.dataSource.query(`UPDATE webhook_deliveries SET status = 'dead' WHERE webhook_id = 'msg_b'`);
    const [delivery] = await strict.dataSource.query<{ id: string }[]>(
      `SELECT id::text FROM webhook_deliveries WHERE webhook_id = 'msg_b'`,
    );
    const base = `/v1/webhooks/${subscription.id}`;
    const attempts = [
      call(strict, a, 'GET', base),
      call(strict, a, 'PATCH', base, { url: 'https://a.rebind.example/' }),
      call(strict, a, 'DELETE', base),
      call(strict, a, 'POST', `${base}/rotate-secret`),
      call(strict, a, 'POST', `${base}/ping`),
      call(strict, a, 'GET', `${base}/deliveries`),
      call(strict, a, 'POST', `${base}/replay`),
      call(strict, a, 'POST', `${base}/deliveries/${delivery!.id}/replay`),
    ];
    for (const response of await Promise.all(attempts))
      expectProblem(response, 404, /No webhook subscription/);
    expect(
      (json(await call(strict, a, 'GET', '/v1/webhooks')) as unknown as WebhookList).subscriptions,
    ).toEqual([]);
    expect(json(await call(strict, b, 'GET', base))).toEqual(subscription);
    const [row] = await strict.dataSource.query<{ status: string }[]>(
      `SELECT status FROM webhook_deliveries WHERE webhook_id = 'msg_b'`,
    );
    expect(row!.status).toBe('dead');
    expect((await audit(strict, a)).filter((e) => e.action.startsWith('webhook.'))).toEqual([]);
    // An id that is no id at all is answered the same way.
    expectProblem(await call(strict, a, 'GET', '/v1/webhooks/..%2F..%2Fetc'), 404, /No webhook subscription/);
  });
});
