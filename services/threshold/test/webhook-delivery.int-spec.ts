import { randomBytes } from 'node:crypto';
import { SettingsCipher, sealWebhookSecret } from '@leadscore/access';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { backoffDelayMs, webhookIdOf, type RetryPolicy } from '@leadscore/lifecycle';
import {
  ThresholdMetrics,
  createLogger,
  createMetricsRegistry,
  registerMetrics,
} from '@leadscore/observability';
import {
  openDatabase,
  webhookDeliveryRepository,
  webhookSubscriptionRepository,
  type DataSource,
} from '@leadscore/persistence';
import { createTestDatabase, freePort, pollUntil, uniqueName, type TestDatabase } from '@leadscore/testing';
import { WebhookTargetGuard, type HostResolver } from '@leadscore/webhooks';
import { WebhookDeliveryWorker, type WebhookWorkerOptions } from '../src/webhooks/webhook-delivery.worker.js';
import { WebhookReceiver, localReceiversGuard, testSettingsCipher, testSecret } from './threshold-harness.js';

jest.setTimeout(120_000);

let database: TestDatabase;
let dataSource: DataSource;
const logger = createLogger({ service: 'threshold', level: 'error' });
const secret = testSecret(5);
const retry: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

beforeAll(async () => {
  database = await createTestDatabase('webhooks');
  dataSource = await openDatabase({ url: database.url });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function worker(overrides: Partial<WebhookWorkerOptions> = {}): WebhookDeliveryWorker {
  return new WebhookDeliveryWorker(dataSource, {
    retry,
    circuit: { failureThreshold: 100, openMs: 60_000 },
    timeoutMs: 5_000,
    guard: localReceiversGuard,
    settingsCipher: testSettingsCipher,
    leaseMs: 30_000,
    pollMs: 20,
    endpointConcurrency: 4,
    concurrency: 8,
    logger,
    random: () => 0.5,
    ...overrides,
  });
}

async function subscribe(
  workspace: string,
  url: string,
  secrets: string[] = [secret],
  previousSecretExpiresAt: Date | null = null,
  id: string = uniqueName('sub'),
): Promise<string> {
  await webhookSubscriptionRepository.create(
    dataSource.manager,
    {
      id,
      workspaceId: workspace,
      url,
      secrets,
      previousSecretExpiresAt,
      events: ['stage'],
      tiers: null,
      stages: null,
      enabled: true,
    },
    new Date(),
  );
  return id;
}

async function enqueue(workspace: string, subscription: string, count: number, at: Date): Promise<string[]> {
  const deliveries = Array.from({ length: count }, (_, i) => {
    const eventId = `${subscription}-event-${i}`;
    return {
      webhookId: webhookIdOf(subscription, eventId),
      subscriptionId: subscription,
      workspaceId: workspace,
      eventId,
      eventType: 'stage.changed',
      payload: { id: eventId, n: i },
    };
  });
  await webhookDeliveryRepository.enqueue(dataSource.manager, deliveries, at);
  return deliveries.map((d) => d.webhookId);
}

const deliveryRows = (workspace: string) =>
  dataSource.query<
    { id: string; webhook_id: string; status: string; attempts: number; next_attempt_at: Date }[]
  >(
    `SELECT id::text, webhook_id, status, attempts, next_attempt_at FROM webhook_deliveries WHERE workspace_id = $1 ORDER BY id`,
    [workspace],
  );

describe('webhook delivery worker (real PostgreSQL and HTTP)', () => {
  it('dead-letters after the whole retry schedule of a receiver that is down (time injected), and replay delivers it', async () => {
    const workspace = uniqueName('ws');
    const port = await freePort();
    const subscription = await subscribe(workspace, `http://127.0.0.1:${port}/hooks`);
    let now = Date.now();
    const [webhookId] = await enqueue(workspace, subscription, 1, new Date(now));
    const scheduled = worker({ clock: () => now });
    for (let step = 0; step < 20; step++) {
      await scheduled.deliverDue();
      const [row] = await deliveryRows(workspace);
      if (row!.status !== 'pending') break;
      now = row!.next_attempt_at.getTime(); // jump straight to the next attempt
    }
    const [dead] = await deliveryRows(workspace);
    expect(dead).toMatchObject({ status: 'dead', attempts: 5, webhook_id: webhookId });
    const attempts = await webhookDeliveryRepository.attempts(dataSource.manager, dead!.id);
    expect(attempts.map((a) => a.outcome)).toEqual([
      'retrying',
      'retrying',
      'retrying',
      'retrying',
      'dead_lettered',
    ]);
    expect(attempts.every((a) => a.statusCode === null && a.error !== null)).toBe(true);
    // The gaps between attempts are the backoff schedule (equal jitter with random 0.5).
    const gaps = attempts.slice(1).map((a, i) => a.startedAt.getTime() - attempts[i]!.startedAt.getTime());
    expect(gaps).toEqual([1, 2, 3, 4].map((n) => backoffDelayMs(retry, n, () => 0.5)));

    const receiver = new WebhookReceiver(secret);
    await receiver.start(port);
    try {
      expect(await webhookDeliveryRepository.replayDead(dataSource.manager, workspace, new Date())).toBe(1);
      await worker().deliverDue();
    } finally {
      await receiver.stop();
    }
    expect(receiver.calls).toEqual([
      { webhookId, verified: true, body: { id: `${subscription}-event-0`, n: 0 } },
    ]);
    expect(await deliveryRows(workspace)).toMatchObject([{ status: 'delivered', attempts: 1 }]);
  });

  it('sends what was just enqueued when told, not at its next poll', async () => {
    const workspace = uniqueName('ws');
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    // A poll far longer than the test: only the notifications can start these attempts.
    const running = worker({ pollMs: 600_000 });
    const received = (n: number) =>
      pollUntil(
        () => Promise.resolve(receiver.calls.length),
        (calls) => calls >= n,
        { withinMs: 10_000, waitingFor: `${n} webhooks at the receiver` },
      );
    try {
      const subscription = await subscribe(workspace, receiver.url);
      running.start();
      // Enqueued while the loop waits.
      await enqueue(workspace, subscription, 2, new Date());
      running.notifyEnqueued();
      await received(2);
      // Enqueued again, told twice in a row (the second while the loop is busy with the first).
      await webhookDeliveryRepository.enqueue(
        dataSource.manager,
        [
          {
            webhookId: webhookIdOf(subscription, 'third'),
            subscriptionId: subscription,
            workspaceId: workspace,
            eventId: 'third',
            eventType: 'stage.changed',
            payload: { id: 'third' },
          },
        ],
        new Date(),
      );
      running.notifyEnqueued();
      running.notifyEnqueued();
      await received(3);
    } finally {
      await running.stop();
      await receiver.stop();
    }
    expect((await deliveryRows(workspace)).map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('does not retry a 4xx other than 429', async () => {
    const workspace = uniqueName('ws');
    const receiver = new WebhookReceiver(secret);
    receiver.respond = () => ({ status: 422 });
    await receiver.start();
    try {
      await enqueue(workspace, await subscribe(workspace, receiver.url), 1, new Date());
      await worker().deliverDue();
    } finally {
      await receiver.stop();
    }
    expect(receiver.calls).toHaveLength(1);
    expect(await deliveryRows(workspace)).toMatchObject([{ status: 'dead', attempts: 1 }]);
  });

  it('claims at most the per-endpoint limit of one subscription, and never a delivery another claim holds', async () => {
    const workspace = uniqueName('ws');
    const busy = await subscribe(workspace, 'http://127.0.0.1:9/busy');
    const quiet = await subscribe(workspace, 'http://127.0.0.1:9/quiet');
    const now = new Date();
    await enqueue(workspace, busy, 5, now);
    await enqueue(workspace, quiet, 1, now);
    const claim = () =>
      webhookDeliveryRepository.claimDue(dataSource.manager, {
        now,
        leaseUntil: new Date(now.getTime() + 60_000),
        limit: 10,
        perEndpoint: 2,
        excludedSubscriptions: [],
      });
    const first = await claim();
    expect(first.filter((d) => d.subscriptionId === busy)).toHaveLength(2);
    expect(first.filter((d) => d.subscriptionId === quiet)).toHaveLength(1);
    expect(await claim()).toEqual([]); // two of busy's are in flight (leased): its limit is reached
  });

  it('opens the circuit of an endpoint that keeps failing, while other endpoints are still delivered', async () => {
    const workspace = uniqueName('ws');
    const down = await subscribe(workspace, `http://127.0.0.1:${await freePort()}/down`);
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    const up = await subscribe(workspace, receiver.url);
    const now = Date.now();
    await enqueue(workspace, down, 6, new Date(now));
    await enqueue(workspace, up, 6, new Date(now));
    const metrics = registerMetrics(createMetricsRegistry({ service: 'threshold' }), ThresholdMetrics);
    const breaker = worker({
      clock: () => now,
      endpointConcurrency: 2,
      concurrency: 4,
      circuit: { failureThreshold: 2, openMs: 60_000 },
      metrics,
    });
    try {
      await breaker.deliverDue();
    } finally {
      await receiver.stop();
    }
    const rows = await dataSource.query<{ subscription_id: string; status: string; attempts: number }[]>(
      `SELECT subscription_id, status, attempts FROM webhook_deliveries WHERE workspace_id = $1`,
      [workspace],
    );
    const ofDown = rows.filter((r) => r.subscription_id === down);
    expect(ofDown.reduce((n, r) => n + r.attempts, 0)).toBe(2); // then the circuit opened
    expect(rows.filter((r) => r.subscription_id === up).every((r) => r.status === 'delivered')).toBe(true);
    expect(receiver.uniqueIds.size).toBe(6);
    expect(breaker.openCircuits).toBe(1);
    expect((await metrics.openCircuits.get()).values[0]?.value).toBe(1);
  });

  it('checks the address again at every attempt: a host that turned from public to 127.0.0.1 (rebinding) is refused, never connected, dead-lettered with the reason', async () => {
    const workspace = uniqueName('ws');
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    let answer = '93.184.215.14';
    let lookups = 0;
    const rebinding: HostResolver = () => {
      lookups += 1;
      return Promise.resolve([{ address: answer, family: 4 }]);
    };
    const guard = new WebhookTargetGuard({ allowPrivateNetworks: false, requireHttps: false }, rebinding);
    const url = `http://crm.rebind.example:${new URL(receiver.url).port}/hooks`;
    try {
      // When subscribing (the api checks with the same guard) the host is public...
      expect(await guard.check(url)).toMatchObject({ ok: true, address: { address: '93.184.215.14' } });
      const subscription = await subscribe(workspace, url);
      await enqueue(workspace, subscription, 1, new Date());
      // ...and by the time of the delivery it answers 127.0.0.1.
      answer = '127.0.0.1';
      await worker({ guard }).deliverDue();
    } finally {
      await receiver.stop();
    }
    expect(lookups).toBe(2);
    expect(receiver.calls).toEqual([]);
    const [row] = await deliveryRows(workspace);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    const [attempt] = await webhookDeliveryRepository.attempts(dataSource.manager, row!.id);
    expect(attempt).toMatchObject({ outcome: 'dead_lettered', statusCode: null });
    expect(attempt!.error).toContain('crm.rebind.example resolves to 127.0.0.1, a loopback address');
    expect(attempt!.error).toContain('WEBHOOK_ALLOW_PRIVATE_NETWORKS=true');
    const [stored] = await dataSource.query<{ last_error: string }[]>(
      'SELECT last_error FROM webhook_deliveries WHERE id = $1',
      [row!.id],
    );
    expect(stored!.last_error).toMatch(/^refused: crm\.rebind\.example resolves to 127\.0\.0\.1/);
  });

  it('signs with the secret the api sealed (SETTINGS_ENCRYPTION_KEY); one it cannot open is dead-lettered unsent, saying why', async () => {
    const workspace = uniqueName('ws');
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    const sealedFor = (cipher: SettingsCipher, id: string) => [
      sealWebhookSecret(cipher, secret, { workspaceId: workspace, subscriptionId: id }),
    ];
    const opened = uniqueName('sub');
    const foreign = uniqueName('sub');
    try {
      await subscribe(workspace, receiver.url, sealedFor(testSettingsCipher, opened), null, opened);
      // Sealed under a key this worker was not given (another SETTINGS_ENCRYPTION_KEY).
      await subscribe(
        workspace,
        receiver.url,
        sealedFor(new SettingsCipher(randomBytes(32)), foreign),
        null,
        foreign,
      );
      await enqueue(workspace, opened, 1, new Date());
      await enqueue(workspace, foreign, 1, new Date());
      await worker().deliverDue();
    } finally {
      await receiver.stop();
    }
    expect(receiver.calls).toHaveLength(1);
    expect(receiver.calls[0]).toMatchObject({ verified: true });
    const rows = await dataSource.query<
      { subscription_id: string; status: string; last_error: string | null }[]
    >('SELECT subscription_id, status, last_error FROM webhook_deliveries WHERE workspace_id = $1', [
      workspace,
    ]);
    expect(rows.find((row) => row.subscription_id === opened)).toMatchObject({ status: 'delivered' });
    const unopened = rows.find((row) => row.subscription_id === foreign);
    expect(unopened).toMatchObject({ status: 'dead' });
    expect(unopened!.last_error).toMatch(/not sent: .*SETTINGS_ENCRYPTION_KEY is the key/);
  });

  it('refuses loopback by default: without the operator allowing private networks nothing reaches 127.0.0.1', async () => {
    const workspace = uniqueName('ws');
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    try {
      await enqueue(workspace, await subscribe(workspace, receiver.url), 1, new Date());
      await worker({
        guard: new WebhookTargetGuard({ allowPrivateNetworks: false, requireHttps: false }),
      }).deliverDue();
    } finally {
      await receiver.stop();
    }
    expect(receiver.calls).toEqual([]);
    expect(await deliveryRows(workspace)).toMatchObject([{ status: 'dead', attempts: 1 }]);
  });

  it('signs with both secrets while a rotation overlaps, and with the new one alone once the previous one expired', async () => {
    const workspace = uniqueName('ws');
    const previous = testSecret(21);
    const current = testSecret(22);
    // Near now: the receiver's signature check refuses timestamps more than 5 minutes off.
    const expires = Date.now() + 60_000;
    const old = new WebhookReceiver(previous);
    const fresh = new WebhookReceiver(current);
    await old.start();
    await fresh.start();
    try {
      const toOld = await subscribe(workspace, old.url, [current, previous], new Date(expires));
      const toFresh = await subscribe(workspace, fresh.url, [current, previous], new Date(expires));
      const at = new Date(expires - 60_000);
      await enqueue(workspace, toOld, 1, at);
      await enqueue(workspace, toFresh, 1, at);
      await worker({ clock: () => expires - 1_000 }).deliverDue();
      await webhookDeliveryRepository.enqueue(
        dataSource.manager,
        [toOld, toFresh].map((subscriptionId) => ({
          webhookId: webhookIdOf(subscriptionId, 'after-expiry'),
          subscriptionId,
          workspaceId: workspace,
          eventId: 'after-expiry',
          eventType: 'stage.changed',
          payload: { after: true },
        })),
        at,
      );
      await worker({ clock: () => expires }).deliverDue();
    } finally {
      await old.stop();
      await fresh.stop();
    }
    expect(old.calls.map((c) => c.verified)).toEqual([true, false]);
    expect(fresh.calls.map((c) => c.verified)).toEqual([true, true]);
  });
});
