import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { testKafkaBrokers } from '@leadscore/testing';
import { clickQuery } from '../src/pixel/click-signature.js';
import { pixelQuery } from '../src/pixel/pixel-signature.js';
import { twilioBodyHash, twilioSignature } from '../src/signatures/twilio.signature.js';
import { zoomSignature } from '../src/signatures/zoom.signature.js';
import { parseFormBody } from '../src/http/request-body.js';
import {
  bearer,
  example,
  now,
  json,
  MAILGUN_KEY,
  PIXEL_SECRET,
  PUBLISHABLE_KEY,
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

describe('ingest endpoints end to end (real Kafka)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ brokers: testKafkaBrokers() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST /v1/events answers 202 per event and the events are on the topic with envelope, key and headers', async () => {
    const response = await t.http.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { ...bearer(SECRET_KEY), 'content-type': 'application/json' },
      payload: example('batch.json'),
    });
    expect(response.statusCode).toBe(202);
    expect(json(response)).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: 0,
      ignored: 0,
      results: [
        { index: 0, id: 'evt-1', status: 'accepted' },
        { index: 1, id: 'evt-2', status: 'accepted' },
        { index: 2, id: 'evt-3', status: 'accepted' },
      ],
    });
    const events = await readEvents(t.client, t.topic, 3);
    const byId = new Map(events.map((e) => [e.value['id'], e]));
    const view = byId.get('evt-1');
    expect(view?.key).toBe('acme:email:ann@example.com');
    expect(view?.headers).toMatchObject({
      ce_type: 'web.page_viewed',
      ce_id: 'evt-1',
      'content-type': expect.stringContaining('application/cloudevents+json'),
    });
    expect(view?.value).toMatchObject({
      specversion: '1.0',
      source: '/v1/events',
      workspace: WORKSPACE,
      subject: 'email:ann@example.com',
      type: 'web.page_viewed',
    });
    expect(byId.get('evt-3')?.value).toMatchObject({
      data: { bot: true, bot_reason: 'link_scanner:mimecast' },
    });
  });

  it('Segment /v1/track, /v1/identify, /v1/page and /v1/batch (basic auth with the write key) land as canonical events', async () => {
    const basic = {
      authorization: `Basic ${Buffer.from(`${PUBLISHABLE_KEY}:`).toString('base64')}`,
      'content-type': 'application/json',
    };
    const single = [
      [
        '/v1/track',
        {
          messageId: 's-track',
          userId: 'u-1',
          event: 'Email Opened',
          properties: { email_id: 'e-9' },
          context: { userAgent: 'Mozilla/5.0' },
        },
      ],
      [
        '/v1/identify',
        { messageId: 's-identify', userId: 'u-1', traits: { email: 'Ann@Example.com', title: 'CTO' } },
      ],
      [
        '/v1/page',
        { messageId: 's-page', anonymousId: 'a-1', properties: { url: 'https://acme.test/pricing' } },
      ],
    ] as const;
    for (const [url, body] of single) {
      const response = await t.http.inject({
        method: 'POST',
        url,
        headers: basic,
        payload: JSON.stringify(body),
      });
      expect(response.statusCode).toBe(202);
    }
    const batch = await t.http.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: basic,
      payload: example('segment-batch.json'),
    });
    expect(batch.statusCode).toBe(202);
    // Order Completed is a contact.converted: a publishable key may not write it.
    expect(json(batch)).toMatchObject({
      accepted: 3,
      rejected: 1,
      results: [{}, {}, {}, { index: 3, status: 'rejected', reason: 'forbidden' }],
    });

    const events = await readEvents(t.client, t.topic, 3 + 3 + 3);
    const byId = new Map(events.map((e) => [e.value['id'], e]));
    expect(byId.get('s-track')?.value).toMatchObject({
      type: 'email.opened',
      source: '/v1/track',
      subject: 'user:u-1',
      data: { machine_open: true, machine_open_reason: 'privacy_proxy:apple_mpp' },
    });
    expect(byId.get('s-identify')?.value).toMatchObject({
      type: 'contact.identified',
      data: { identities: { email: 'ann@example.com', user_id: 'u-1' } },
    });
    expect(byId.get('s-page')?.key).toBe('acme:anon:a-1');
    expect(byId.get('seg-3')?.value).toMatchObject({
      type: 'web.form_submitted',
      data: { form_id: 'demo-request' },
    });
  });

  it('GET /v1/pixel.gif serves the GIF; a signed pixel becomes email.opened, a forged one produces nothing', async () => {
    const claims = {
      workspace: WORKSPACE,
      subject: 'email:pixel@example.com',
      type: 'email.opened' as const,
      messageId: 'pixel-msg-1',
    };
    const signed = await t.http.inject({
      method: 'GET',
      url: `/v1/pixel.gif?${pixelQuery(PIXEL_SECRET, claims)}`,
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.headers['content-type']).toBe('image/gif');
    expect(signed.headers['cache-control']).toContain('no-store');
    expect(signed.rawPayload.length).toBe(43);

    const forgedQuery = pixelQuery(PIXEL_SECRET, claims).replace('pixel-msg-1', 'pixel-msg-2');
    const forged = await t.http.inject({ method: 'GET', url: `/v1/pixel.gif?${forgedQuery}` });
    const unsigned = await t.http.inject({
      method: 'GET',
      url: '/v1/pixel.gif?w=acme&c=email:x@example.com&m=1',
    });
    expect([forged.statusCode, unsigned.statusCode]).toEqual([200, 200]);
    expect(forged.rawPayload.length).toBe(43);

    const metrics = await t.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /leadscore_ingest_received_events_total\{[^}]*source="pixel"[^}]*result="rejected"[^}]*\} 2/,
    );

    // 3 from /v1/events + 6 from Segment + this pixel.
    const events = await readEvents(t.client, t.topic, 10);
    const pixels = events.filter((e) => e.value['source'] === '/v1/pixel.gif');
    expect(pixels).toHaveLength(1);
    expect(pixels[0]?.value).toMatchObject({
      type: 'email.opened',
      subject: 'email:pixel@example.com',
      data: { message_id: 'pixel-msg-1', provider: 'pixel', machine_open: false },
    });
  });

  it('SendGrid, Twilio, Zoom and Mailgun webhooks with valid signatures become canonical events', async () => {
    const sendgridBody = example('sendgrid-events.json');
    const ts = now();
    const sendgrid = await t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/sendgrid?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': ts,
        'x-twilio-email-event-webhook-signature': sendgridSign(t.sendgridPrivateKey, ts, sendgridBody),
      },
      payload: sendgridBody,
    });
    expect(sendgrid.statusCode).toBe(202);
    expect(json(sendgrid)).toMatchObject({ accepted: 5 });

    const twilioBody = example('twilio-inbound.form.txt').trim();
    const twilioUrl = `http://localhost:80/v1/webhooks/twilio?workspace=${WORKSPACE}`;
    const twilio = await t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/twilio?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(
          TWILIO_TOKEN,
          twilioUrl,
          parseFormBody(Buffer.from(twilioBody)),
        ),
      },
      payload: twilioBody,
    });
    expect(twilio.statusCode).toBe(200);
    expect(twilio.body).toContain('<Response>');

    const zoomBody = example('zoom-participant-joined.json');
    const zoom = await t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/zoom?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': ts,
        'x-zm-signature': zoomSignature(ZOOM_TOKEN, ts, Buffer.from(zoomBody)),
      },
      payload: zoomBody,
    });
    expect(zoom.statusCode).toBe(202);

    const mailgunBody = JSON.parse(example('mailgun-opened.json')) as { signature: Record<string, string> };
    mailgunBody.signature = {
      timestamp: ts,
      token: 'tok-123',
      signature: createHmac('sha256', MAILGUN_KEY).update(`${ts}tok-123`).digest('hex'),
    };
    const mailgun = await t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/mailgun?workspace=${WORKSPACE}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(mailgunBody),
    });
    expect(mailgun.statusCode).toBe(202);

    const events = await readEvents(t.client, t.topic, 10 + 5 + 1 + 1 + 1);
    const bySource = (source: string) =>
      events.filter((e) => e.value['source'] === source).map((e) => e.value['type']);
    expect(bySource('/v1/webhooks/sendgrid').sort()).toEqual([
      'email.bounced',
      'email.clicked',
      'email.delivered',
      'email.opened',
      'email.unsubscribed',
    ]);
    expect(bySource('/v1/webhooks/twilio')).toEqual(['sms.replied']);
    expect(bySource('/v1/webhooks/zoom')).toEqual(['webinar.attended']);
    expect(bySource('/v1/webhooks/mailgun')).toEqual(['email.opened']);
    expect(events.find((e) => e.value['source'] === '/v1/webhooks/twilio')?.key).toBe(
      'acme:phone:+14155550100',
    );
  });

  it('Twilio JSON bodies: signature over the URL with bodySHA256, body checked against the hash', async () => {
    const body = example('twilio-status.json');
    const path = `/v1/webhooks/twilio?workspace=${WORKSPACE}&bodySHA256=${twilioBodyHash(body)}`;
    const response = await t.http.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        'x-twilio-signature': createHmac('sha1', TWILIO_TOKEN)
          .update(`http://localhost:80${path}`)
          .digest('base64'),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Response>');
    const isOurs = (e: { value: Record<string, unknown> }) =>
      e.value['id'] === 'SM33333333333333333333333333333333:delivered';
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (read) => read.some(isOurs),
      'the delivered status of the JSON body',
    );
    expect(events.find(isOurs)).toMatchObject({
      key: 'acme:phone:+14155550100',
      value: {
        type: 'sms.delivered',
        subject: 'phone:+14155550100',
        source: '/v1/webhooks/twilio',
        data: { message_id: 'SM33333333333333333333333333333333', provider: 'twilio' },
      },
    });
  });

  it('answers the Zoom endpoint.url_validation challenge', async () => {
    const ts = now();
    const body = example('zoom-url-validation.json');
    const response = await t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/zoom?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': ts,
        'x-zm-signature': zoomSignature(ZOOM_TOKEN, ts, Buffer.from(body)),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', ZOOM_TOKEN).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
    });
  });

  it('GET /v1/click records email.clicked and redirects to the signed target, and nowhere else', async () => {
    const claims = {
      workspace: WORKSPACE,
      subject: 'email:clicker@example.com',
      messageId: 'click-msg-1',
      campaignId: 'spring',
      target: 'https://acme.example/pricing?plan=pro&utm_source=email',
    };
    const query = clickQuery(PIXEL_SECRET, claims);
    const person = await t.http.inject({
      method: 'GET',
      url: `/v1/click?${query}`,
      headers: {
        'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15',
      },
    });
    expect(person.statusCode).toBe(302);
    expect(person.headers['location']).toBe(claims.target);
    expect(person.headers['cache-control']).toBe('no-store');
    const scanner = await t.http.inject({
      method: 'GET',
      url: `/v1/click?${query}`,
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Barracuda Sentinel)' },
    });
    expect(scanner.statusCode).toBe(302);

    // A link whose target was changed after signing is not followed: an open redirect helps phishers.
    const changed = new URLSearchParams(query);
    changed.set('u', 'https://evil.example/login');
    const refused = await t.http.inject({ method: 'GET', url: `/v1/click?${changed.toString()}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['location']).toBeUndefined();
    expect(refused.body).toMatch(/not valid: it was changed or cut short/);
    const metrics = await t.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /leadscore_ingest_received_events_total\{[^}]*source="link"[^}]*result="rejected"[^}]*\} 1/,
    );

    const clicks = (
      await readEventsUntil(
        t.client,
        t.topic,
        (events) => events.filter((e) => e.value['source'] === '/v1/click').length >= 2,
        'the two clicks',
      )
    ).filter((e) => e.value['source'] === '/v1/click');
    expect(clicks.map((e) => e.value)).toEqual([
      expect.objectContaining({
        type: 'email.clicked',
        subject: 'email:clicker@example.com',
        data: expect.objectContaining({
          message_id: 'click-msg-1',
          campaign_id: 'spring',
          provider: 'link',
          url: claims.target,
          bot: false,
        }),
      }),
      expect.objectContaining({
        data: expect.objectContaining({ bot: true, bot_reason: 'link_scanner:barracuda' }),
      }),
    ]);
    expect(clicks[0]?.key).toBe(`${WORKSPACE}:email:clicker@example.com`);
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    expect((await t.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const metrics = await t.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('leadscore_ingest_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(
      /leadscore_ingest_received_events_total\{[^}]*source="api"[^}]*result="accepted"/,
    );
  });
});
