import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, makeTempDir, removeDir, startKafkaServer, type KafkaServer } from '@leadscore/testing';
import { EventPublisher } from '../src/app/event.publisher.js';
import { clickQuery } from '../src/pixel/click-signature.js';
import { pixelQuery } from '../src/pixel/pixel-signature.js';
import {
  bearer,
  metricValue,
  PIXEL_SECRET,
  readEvents,
  SECRET_KEY,
  startTestApp,
  WORKSPACE,
  type TestApp,
} from './ingest-test-app.js';

const MAX_DETACHED_SENDS = 3;

/**
 * Never a 202 for an event that is not in Kafka: with a broker of our own, requests keep coming while
 * the broker stops and starts again on the same data dir and ports. Every event that got a 202 must
 * be on the topic afterwards; while the broker is down, requests get 503 with Retry-After. Pixels and
 * email click links, answered before the ack, keep getting the GIF and the redirect, and every signed
 * open and click is accounted for: acknowledged (and on the topic) or counted as unacknowledged, never
 * silently gone.
 */
describe('Kafka stopped mid-test', () => {
  const dataDir = makeTempDir('ingest-outage');
  let port: number;
  let controllerPort: number;
  let broker: KafkaServer;
  let t: TestApp;

  beforeAll(async () => {
    port = await freePort();
    controllerPort = await freePort();
    broker = await startKafkaServer({ dataDir, port, controllerPort, heap: '384m' });
    t = await startTestApp({
      brokers: broker.brokers,
      fastFailure: true,
      settings: { produceTimeoutMs: 4_000, maxDetachedSends: MAX_DETACHED_SENDS },
    });
  });
  afterAll(async () => {
    await t?.close();
    await broker?.stop();
    removeDir(dataDir);
  });

  it('answers 503 + Retry-After while Kafka is down, and nothing acknowledged is missing after it returns', async () => {
    const acknowledged: string[] = [];
    const unavailable: { retryAfter: unknown; body: Record<string, unknown> }[] = [];
    const otherStatuses: number[] = [];
    let sequence = 0;
    let sending = true;

    async function sender(lane: number): Promise<void> {
      while (sending) {
        const ids = Array.from({ length: 5 }, () => `outage-${lane}-${sequence++}`);
        const response = await t.http.inject({
          method: 'POST',
          url: '/v1/events',
          headers: { ...bearer(SECRET_KEY), 'content-type': 'application/json' },
          payload: JSON.stringify(
            ids.map((id) => ({
              id,
              type: 'web.page_viewed',
              subject: `user:${lane}`,
              data: { url: 'https://acme.test' },
            })),
          ),
        });
        if (response.statusCode === 202) acknowledged.push(...ids);
        else if (response.statusCode === 503)
          unavailable.push({
            retryAfter: response.headers['retry-after'],
            body: JSON.parse(response.body) as Record<string, unknown>,
          });
        else otherStatuses.push(response.statusCode);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    const pixelStatuses: number[] = [];
    let mostAwaitingAck = 0;
    async function pixels(): Promise<void> {
      const publisher = t.app.get(EventPublisher);
      while (sending) {
        const query = pixelQuery(PIXEL_SECRET, {
          workspace: WORKSPACE,
          subject: 'email:outage@example.com',
          type: 'email.opened',
          messageId: `outage-${pixelStatuses.length}`,
        });
        const response = await t.http.inject({ method: 'GET', url: `/v1/pixel.gif?${query}` });
        pixelStatuses.push(
          response.statusCode === 200 && response.rawPayload.length === 43 ? 200 : response.statusCode,
        );
        mostAwaitingAck = Math.max(mostAwaitingAck, publisher.pendingDetached());
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    // Email clicks: a redirect answered before the ack, like the pixel; the person is never kept waiting.
    const clickStatuses: number[] = [];
    async function clicks(): Promise<void> {
      while (sending) {
        const query = clickQuery(PIXEL_SECRET, {
          workspace: WORKSPACE,
          subject: 'email:outage@example.com',
          messageId: `outage-click-${clickStatuses.length}`,
          target: 'https://acme.test/pricing',
        });
        const response = await t.http.inject({ method: 'GET', url: `/v1/click?${query}` });
        clickStatuses.push(
          response.statusCode === 302 && response.headers['location'] === 'https://acme.test/pricing'
            ? 302
            : response.statusCode,
        );
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    const lanes = [0, 1, 2, 3].map((lane) => sender(lane));
    const pixelLane = pixels();
    const clickLane = clicks();
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeOutage = acknowledged.length;
    await broker.stop();
    await new Promise((r) => setTimeout(r, 8_000));
    const duringOutage = acknowledged.length;
    broker = await startKafkaServer({ dataDir, port, controllerPort, heap: '384m' });
    // Keep sending until requests are acknowledged again.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length <= duringOutage && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1_000));
    sending = false;
    await Promise.all([...lanes, pixelLane, clickLane]);
    await t.app.get(EventPublisher).drain();

    console.info(
      `outage test: ${beforeOutage} acked before, ${duringOutage - beforeOutage} acked while stopping, ${unavailable.length} requests got 503, ${acknowledged.length} acked in total`,
    );
    expect(beforeOutage).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable[0]?.retryAfter).toBe('5');
    expect(unavailable[0]?.body).toMatchObject({
      status: 503,
      title: 'Event log unavailable',
      detail: expect.stringContaining('Retry after 5 s'),
    });
    expect(otherStatuses).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(duringOutage);

    // Pixels: always the GIF; sequential requests, so back-pressure keeps the opens awaiting an ack at
    // the limit (+ the request that waits for its own ack); each open acknowledged or counted.
    expect(pixelStatuses.length).toBeGreaterThan(0);
    expect(pixelStatuses.filter((status) => status !== 200)).toEqual([]);
    expect(mostAwaitingAck).toBeLessThanOrEqual(MAX_DETACHED_SENDS + 1);
    const pixelsAcknowledged = await metricValue(t.registry, 'leadscore_ingest_received_events_total', {
      source: 'pixel',
      result: 'accepted',
    });
    const pixelsUnacknowledged = await metricValue(
      t.registry,
      'leadscore_ingest_unacknowledged_events_total',
      { source: 'pixel', topic: 'events' },
    );
    console.info(
      `outage test: ${pixelStatuses.length} pixels, ${pixelsAcknowledged} acknowledged, ${pixelsUnacknowledged} unacknowledged`,
    );
    expect(pixelsAcknowledged + pixelsUnacknowledged).toBe(pixelStatuses.length);
    expect(pixelsUnacknowledged).toBeGreaterThan(0);
    expect(await metricValue(t.registry, 'leadscore_ingest_awaiting_ack_events')).toBe(0);

    // Clicks: always the redirect, whatever Kafka does; each click acknowledged or counted.
    expect(clickStatuses.length).toBeGreaterThan(0);
    expect(clickStatuses.filter((status) => status !== 302)).toEqual([]);
    const clicksAcknowledged = await metricValue(t.registry, 'leadscore_ingest_received_events_total', {
      source: 'link',
      result: 'accepted',
    });
    const clicksUnacknowledged = await metricValue(
      t.registry,
      'leadscore_ingest_unacknowledged_events_total',
      { source: 'link', topic: 'events' },
    );
    console.info(
      `outage test: ${clickStatuses.length} clicks, ${clicksAcknowledged} acknowledged, ${clicksUnacknowledged} unacknowledged`,
    );
    expect(clicksAcknowledged + clicksUnacknowledged).toBe(clickStatuses.length);

    const events = await readEvents(
      t.client,
      t.topic,
      acknowledged.length + pixelsAcknowledged + clicksAcknowledged,
      60_000,
    );
    const onTopic = new Set(events.map((e) => String(e.value['id'])));
    const missing = acknowledged.filter((id) => !onTopic.has(id));
    expect(missing).toEqual([]);
    expect(events.filter((e) => e.value['source'] === '/v1/pixel.gif').length).toBeGreaterThanOrEqual(
      pixelsAcknowledged,
    );
  });
});
