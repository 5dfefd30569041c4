import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import { Headers } from '@leadscore/contracts';
import { testKafkaBrokers } from '@leadscore/testing';
import { EventPublisher } from '../src/app/event.publisher.js';
import { twilioSignature } from '../src/signatures/twilio.signature.js';
import { zoomSignature } from '../src/signatures/zoom.signature.js';
import { parseFormBody } from '../src/http/request-body.js';
import {
  expectProblem,
  bearer,
  example,
  now,
  json,
  MAILGUN_KEY,
  OTHER_WORKSPACE_KEY,
  PUBLISHABLE_KEY,
  metricValue,
  readEvents,
  readEventsUntil,
  SECRET_KEY,
  sendgridSign,
  startTestApp,
  TWILIO_TOKEN,
  WORKSPACE,
  ZOOM_TOKEN,
  type TestApp,
} from './ingest-test-app.js';

const JSON_HEADERS = { ...bearer(SECRET_KEY), 'content-type': 'application/json' };
const view = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'web.page_viewed',
  subject: 'email:ann@example.com',
  data: { url: 'https://acme.test' },
  ...extra,
});

describe('bad input corpus (real Kafka)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      brokers: testKafkaBrokers(),
      settings: { maxBatchEvents: 10, bodyLimitBytes: 64 * 1024, maxEventBytes: 2_048 },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = JSON_HEADERS) =>
    t.http.inject({ method: 'POST', url, headers, payload });

  it('malformed JSON → 400 naming the parse error', async () => {
    expectProblem(await post('/v1/events', '{"events": [', JSON_HEADERS), 400, /not valid JSON/);
  });

  it('wrong shape, empty batch → 400 naming the field', async () => {
    const body = expectProblem(await post('/v1/events', '{"evts": []}'), 400, /JSON array of events/);
    expect(body['errors']).toEqual([{ field: 'events', expected: 'an array of CloudEvents' }]);
    expectProblem(await post('/v1/events', '[]'), 400, /batch is empty/);
  });

  it('wrong types, missing fields, unknown type, oversized event: rejected per event while good siblings reach Kafka', async () => {
    const response = await post(
      '/v1/events',
      JSON.stringify([
        view('good-1'),
        view('wrong-type', { data: { url: 42 } }),
        { id: 'missing-subject', type: 'web.page_viewed', data: { url: 'https://acme.test' } },
        view('unknown-type', { type: 'web.teleported' }),
        view('too-big', { data: { url: 'https://acme.test/' + 'x'.repeat(3_000) } }),
        view('good-2'),
        view('good-1'),
      ]),
    );
    expect(response.statusCode).toBe(202);
    const body = json(response);
    expect(body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 4 });
    expect(body['results']).toEqual([
      { index: 0, id: 'good-1', status: 'accepted' },
      {
        index: 1,
        id: 'wrong-type',
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: 'data.url', expected: 'a string' }],
      },
      {
        index: 2,
        id: 'missing-subject',
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: 'subject', expected: 'a value (the field is required)' }],
      },
      {
        index: 3,
        id: 'unknown-type',
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: 'type', expected: expect.stringContaining('a known event type') }],
      },
      {
        index: 4,
        id: 'too-big',
        status: 'rejected',
        reason: 'too_large',
        errors: [{ field: '(event)', expected: expect.stringContaining('at most 2048 bytes') }],
      },
      { index: 5, id: 'good-2', status: 'accepted' },
      { index: 6, id: 'good-1', status: 'duplicate', duplicateOf: 0 },
    ]);
    const events = await readEvents(t.client, t.topic, 2);
    expect(events.map((e) => e.value['id']).sort()).toEqual(['good-1', 'good-2']);
  });

  it('a batch with no valid event → 400 with the per-event results', async () => {
    const body = expectProblem(
      await post('/v1/events', JSON.stringify([view('x', { data: {} })])),
      400,
      /None of the 1 events/,
    );
    expect(body['results']).toEqual([
      {
        index: 0,
        id: 'x',
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: 'data.url', expected: 'a value (the field is required)' }],
      },
    ]);
  });

  it('rejected events are copied to the dead-letter topic as received, with the reason in headers; forbidden ones are not', async () => {
    const mixed = await post(
      '/v1/events',
      JSON.stringify([
        view('dlq-good'),
        view('dlq-bad-url', { data: { url: 42 } }),
        view('dlq-bad-subject', { subject: 'phone:not a number' }),
        view('dlq-foreign', { workspace: 'globex' }),
      ]),
    );
    expect(mixed.statusCode).toBe(202);
    expect(json(mixed)).toMatchObject({ accepted: 1, rejected: 3 });
    // Also when nothing was accepted (400), and for a Segment call that maps to no event.
    expectProblem(
      await post('/v1/events', JSON.stringify([view('dlq-only', { type: 'web.teleported' })])),
      400,
      /None of the 1 events/,
    );
    const screen = { type: 'screen', messageId: 'dlq-screen', userId: 'u-1', name: 'Home' };
    expect(
      (
        await post(
          '/v1/batch',
          JSON.stringify({
            batch: [
              screen,
              {
                type: 'page',
                messageId: 'dlq-page',
                userId: 'u-1',
                properties: { url: 'https://acme.test' },
              },
            ],
          }),
        )
      ).statusCode,
    ).toBe(202);
    await t.app.get(EventPublisher).drain();

    const ours = new Set(['dlq-bad-url', 'dlq-bad-subject', 'dlq-only', 'dlq-screen']);
    const found = (events: readonly { headers: Readonly<Record<string, string>> }[]) =>
      events.filter((e) => ours.has(e.headers[Headers.eventId] ?? ''));
    const letters = found(
      await readEventsUntil(
        t.client,
        t.deadLetterTopic,
        (events) => found(events).length >= ours.size,
        'the four dead letters of this test',
      ),
    );
    const byId = new Map(letters.map((l) => [l.headers[Headers.eventId], l]));
    expect(byId.get('dlq-bad-url')).toMatchObject({
      key: WORKSPACE,
      value: view('dlq-bad-url', { data: { url: 42 } }),
      headers: {
        [Headers.deadLetterReason]: 'invalid: data.url: expected a string',
        [Headers.eventType]: 'web.page_viewed',
        [Headers.contentType]: expect.stringContaining('application/json'),
      },
    });
    expect(byId.get('dlq-bad-subject')?.headers[Headers.deadLetterReason]).toMatch(
      /^invalid: subject: expected a phone number/,
    );
    expect(byId.get('dlq-only')?.headers).toMatchObject({
      [Headers.deadLetterReason]: expect.stringContaining('invalid: type: expected a known event type'),
      [Headers.eventType]: 'web.teleported',
    });
    expect(byId.get('dlq-screen')).toMatchObject({
      value: screen,
      headers: {
        [Headers.deadLetterReason]: expect.stringContaining(
          'invalid: type: expected one of track, identify, page, group, alias (screen is not ingested)',
        ),
      },
    });
    expect(byId.get('dlq-screen')?.headers[Headers.eventType]).toBeUndefined();
    expect(letters).toHaveLength(ours.size);

    const all = await readEventsUntil(
      t.client,
      t.deadLetterTopic,
      (events) => events.some((e) => e.headers[Headers.eventId] === 'dlq-screen'),
      'dlq-screen',
    );
    expect(all.map((e) => e.headers[Headers.eventId])).not.toContain('dlq-foreign');
    expect(all.map((e) => e.headers[Headers.eventId])).not.toContain('dlq-good');
    expect(
      await metricValue(t.registry, 'leadscore_ingest_dead_lettered_events_total', { reason: 'invalid' }),
    ).toBeGreaterThanOrEqual(ours.size);
    expect(await metricValue(t.registry, 'leadscore_ingest_unacknowledged_events_total')).toBe(0);
  });

  it('too many events → 413; body over the limit → 413', async () => {
    const eleven = JSON.stringify(Array.from({ length: 11 }, (_, i) => view(`e${i}`)));
    expectProblem(await post('/v1/events', eleven), 413, /at most 10 per request/);
    const huge = JSON.stringify([view('big', { data: { url: 'x'.repeat(70 * 1024) } })]);
    expectProblem(await post('/v1/events', huge), 413, /larger than 65536 bytes/);
  });

  it('wrong or missing content type → 415', async () => {
    expectProblem(
      await post('/v1/events', 'a=b', {
        ...bearer(SECRET_KEY),
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      /application\/json/,
    );
    expectProblem(
      await post('/v1/events', '<xml/>', { ...bearer(SECRET_KEY), 'content-type': 'application/xml' }),
      415,
      /application\/json/,
    );
    expectProblem(
      await post('/v1/webhooks/twilio?workspace=acme', 'hello', { 'content-type': 'text/plain' }),
      415,
      /x-www-form-urlencoded or application\/json/,
    );
  });

  it('missing, malformed or unknown key → 401; another workspace or a privileged type on a publishable key → 403', async () => {
    expectProblem(
      await post('/v1/events', JSON.stringify([view('a')]), { 'content-type': 'application/json' }),
      401,
      /Bearer/,
    );
    expectProblem(
      await post('/v1/events', JSON.stringify([view('a')]), {
        authorization: 'Token x',
        'content-type': 'application/json',
      }),
      401,
      /Bearer/,
    );
    expectProblem(
      await post('/v1/events', JSON.stringify([view('a')]), {
        ...bearer('sk_nope'),
        'content-type': 'application/json',
      }),
      401,
      /unknown or revoked/,
    );
    const foreign = expectProblem(
      await post('/v1/events', JSON.stringify([view('a', { workspace: WORKSPACE })]), {
        ...bearer(OTHER_WORKSPACE_KEY),
        'content-type': 'application/json',
      }),
      403,
      /None of the 1 events/,
    );
    expect(foreign['results']).toMatchObject([
      {
        reason: 'forbidden',
        errors: [{ field: 'workspace', expected: expect.stringContaining('"globex"') }],
      },
    ]);
    expectProblem(
      await post(
        '/v1/events',
        JSON.stringify([
          { id: 'u', type: 'contact.updated', subject: 'user:1', data: { traits: { title: 'CEO' } } },
        ]),
        { ...bearer(PUBLISHABLE_KEY), 'content-type': 'application/json' },
      ),
      403,
      /None of the 1 events/,
    );
  });

  it('bad, stale or missing provider signatures → 401, and nothing is produced', async () => {
    const ts = now();
    const stale = String(Number(ts) - 3_600);
    const sendgridBody = example('sendgrid-events.json');
    const sg = (timestamp: string, signature?: string) =>
      post(`/v1/webhooks/sendgrid?workspace=${WORKSPACE}`, sendgridBody, {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': timestamp,
        ...(signature ? { 'x-twilio-email-event-webhook-signature': signature } : {}),
      });
    expectProblem(await sg(ts), 401, /signature-header|header is missing/);
    expectProblem(
      await sg(ts, sendgridSign(t.sendgridPrivateKey, ts, sendgridBody.replace('Ann', 'Eve'))),
      401,
      /does not match/,
    );
    expectProblem(
      await sg(stale, sendgridSign(t.sendgridPrivateKey, stale, sendgridBody)),
      401,
      /is 3,60\d s older than this server's clock; at most 300 s are accepted/,
    );

    const form = example('twilio-inbound.form.txt').trim();
    const twilio = (signature?: string) =>
      post(`/v1/webhooks/twilio?workspace=${WORKSPACE}`, form, {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature ? { 'x-twilio-signature': signature } : {}),
      });
    expectProblem(await twilio(), 401, /header is missing/);
    expectProblem(
      await twilio(
        twilioSignature(
          'wrong-token',
          `http://localhost:80/v1/webhooks/twilio?workspace=${WORKSPACE}`,
          parseFormBody(Buffer.from(form)),
        ),
      ),
      401,
      /does not match/,
    );
    expectProblem(
      await twilio(
        twilioSignature(TWILIO_TOKEN, 'https://elsewhere.test/hook', parseFormBody(Buffer.from(form))),
      ),
      401,
      /does not match/,
    );
    // JSON bodies: the signed URL carries the body's hash; a changed body or no hash → 401.
    const twilioJson = example('twilio-status.json');
    const jsonPath = (body: string) =>
      `/v1/webhooks/twilio?workspace=${WORKSPACE}&bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const signUrl = (path: string) =>
      createHmac('sha1', TWILIO_TOKEN).update(`http://localhost:80${path}`).digest('base64');
    const tampered = twilioJson.replace('delivered', 'sent');
    expectProblem(
      await post(jsonPath(twilioJson), tampered, {
        'content-type': 'application/json',
        'x-twilio-signature': signUrl(jsonPath(twilioJson)),
      }),
      401,
      /body does not match its bodySHA256 hash/,
    );
    const unhashed = `/v1/webhooks/twilio?workspace=${WORKSPACE}`;
    expectProblem(
      await post(unhashed, twilioJson, {
        'content-type': 'application/json',
        'x-twilio-signature': signUrl(unhashed),
      }),
      401,
      /needs the bodySHA256 query parameter/,
    );
    expectProblem(
      await post(jsonPath(twilioJson), twilioJson, {
        'content-type': 'application/json',
        'x-twilio-signature': signUrl(jsonPath(tampered)),
      }),
      401,
      /signature does not match http:\/\/localhost\/v1\/webhooks\/twilio/,
    );

    const zoomBody = example('zoom-participant-joined.json');
    const zoom = (timestamp: string, signature?: string) =>
      post(`/v1/webhooks/zoom?workspace=${WORKSPACE}`, zoomBody, {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        ...(signature ? { 'x-zm-signature': signature } : {}),
      });
    expectProblem(await zoom(ts), 401, /header is missing/);
    expectProblem(await zoom(ts, zoomSignature('wrong', ts, Buffer.from(zoomBody))), 401, /does not match/);
    expectProblem(
      await zoom(stale, zoomSignature(ZOOM_TOKEN, stale, Buffer.from(zoomBody))),
      401,
      /is 3,60\d s older than this server's clock; at most 300 s are accepted/,
    );

    const mailgun = (signature: Record<string, string>) =>
      post(
        `/v1/webhooks/mailgun?workspace=${WORKSPACE}`,
        JSON.stringify({ ...JSON.parse(example('mailgun-opened.json')), signature }),
        { 'content-type': 'application/json' },
      );
    const hmac = (timestamp: string, token: string, key = MAILGUN_KEY) =>
      createHmac('sha256', key)
        .update(timestamp + token)
        .digest('hex');
    expectProblem(await mailgun({ timestamp: ts, token: 't' }), 401, /needs timestamp, token and signature/);
    expectProblem(
      await mailgun({ timestamp: ts, token: 't', signature: hmac(ts, 't', 'wrong') }),
      401,
      /does not match/,
    );
    expectProblem(
      await mailgun({ timestamp: stale, token: 't', signature: hmac(stale, 't') }),
      401,
      /is 3,60\d s older than this server's clock; at most 300 s are accepted/,
    );

    expectProblem(
      await post('/v1/webhooks/mailgun', '{}', { 'content-type': 'application/json' }),
      401,
      /\?workspace=/,
    );
    expectProblem(
      await post('/v1/webhooks/mailgun?workspace=nope', '{}', { 'content-type': 'application/json' }),
      401,
      /Unknown workspace/,
    );
    expectProblem(
      await post('/v1/webhooks/mailgun?workspace=globex', '{}', { 'content-type': 'application/json' }),
      403,
      /not configured/,
    );

    // Only the accepted events of the earlier tests are on this app's topic (webhooks ack before answering).
    const events = await readEvents(t.client, t.topic, 4);
    expect(events.map((e) => String(e.value['id'])).sort()).toEqual([
      'dlq-good',
      'dlq-page',
      'good-1',
      'good-2',
    ]);
  });

  it('unknown routes → 404 problem', async () => {
    expectProblem(await t.http.inject({ method: 'GET', url: '/v1/nothing' }), 404, /No route/);
  });

  it('a workspace over its rate limit → 429 with Retry-After', async () => {
    const limited = await startTestApp({
      brokers: testKafkaBrokers(),
      settings: { rateLimit: { eventsPerSecond: 1, burst: 2 } },
    });
    try {
      const send = () =>
        limited.http.inject({
          method: 'POST',
          url: '/v1/events',
          headers: JSON_HEADERS,
          payload: JSON.stringify([view(`r${Math.random()}`), view(`r${Math.random()}`)]),
        });
      expect((await send()).statusCode).toBe(202);
      const response = await send();
      expectProblem(response, 429, /more than 1 events per second/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
