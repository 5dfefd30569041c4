import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { testKafkaBrokers } from '@leadscore/testing';
import type { LightMyRequestResponse } from 'fastify';
import { zoomSignature } from '../src/signatures/zoom.signature.js';
import {
  json,
  MAILGUN_KEY,
  metricValue,
  readEventsUntil,
  sendgridSign,
  startTestApp,
  TWILIO_TOKEN,
  WORKSPACE,
  ZOOM_TOKEN,
  type ReadEvent,
  type TestApp,
} from './ingest-test-app.js';
import { mailgunExample, sendgridExample, zoomRegistrationExample } from './provider-fixtures.js';

// Provider webhooks end to end with the providers' published examples (test/fixtures/README.md):
// what reaches Kafka, what the sender is answered, what the metrics say.

/** The app's clock: signature timestamps are fresh relative to it. */
const NOW_MS = 1_770_000_000_000;
const TS = String(NOW_MS / 1000);
const IGNORED_METRIC = 'leadscore_ingest_ignored_events_total';

describe('provider webhooks: positions, ignored events, profiles, bounce reasons, stale timestamps (real Kafka)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ brokers: testKafkaBrokers(), clock: () => NOW_MS });
  });
  afterAll(async () => {
    await t.close();
  });

  const sendgrid = (events: readonly unknown[], timestamp = TS): Promise<LightMyRequestResponse> => {
    const body = JSON.stringify(events);
    return t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/sendgrid?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': timestamp,
        'x-twilio-email-event-webhook-signature': sendgridSign(t.sendgridPrivateKey, timestamp, body),
      },
      payload: body,
    });
  };
  const zoom = (event: unknown, timestamp = TS, secret = ZOOM_TOKEN): Promise<LightMyRequestResponse> => {
    const body = JSON.stringify(event);
    return t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/zoom?workspace=${WORKSPACE}`,
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomSignature(secret, timestamp, Buffer.from(body)),
      },
      payload: body,
    });
  };
  const mailgun = (eventData: Record<string, unknown>): Promise<LightMyRequestResponse> => {
    const token = `token-${String(eventData['id'])}`;
    const signature = createHmac('sha256', MAILGUN_KEY)
      .update(TS + token)
      .digest('hex');
    return t.http.inject({
      method: 'POST',
      url: `/v1/webhooks/mailgun?workspace=${WORKSPACE}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ signature: { timestamp: TS, token, signature }, 'event-data': eventData }),
    });
  };
  const ignoredCount = (provider: string, kind: string) =>
    metricValue(t.registry, IGNORED_METRIC, { provider, kind });
  const eventsWithIds = async (ids: readonly string[]): Promise<Map<string, ReadEvent>> => {
    const found = (events: readonly ReadEvent[]) => events.filter((e) => ids.includes(String(e.value['id'])));
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (read) => new Set(found(read).map((e) => e.value['id'])).size >= ids.length,
      ids.join(', '),
    );
    return new Map(found(events).map((e) => [String(e.value['id']), e]));
  };

  it("SendGrid: every event is answered at the sender's position; ignored ones are listed with their reason and counted", async () => {
    const kinds = [
      'processed',
      'delivered',
      'deferred',
      'bounce',
      'dropped',
      'group_resubscribe',
      'open',
      'click',
      'spamreport',
      'unsubscribe',
      'group_unsubscribe',
      'account_status_change',
    ];
    const before = await ignoredCount('sendgrid', 'group_resubscribe');
    const response = await sendgrid(kinds.map(sendgridExample));
    expect(response.statusCode).toBe(202);
    const receipt = json(response) as { results: { index: number; status: string }[] };
    expect(receipt).toMatchObject({ accepted: 7, duplicates: 0, rejected: 0, ignored: 5 });
    expect(receipt.results.map((r) => [r.index, kinds[r.index], r.status])).toEqual([
      [0, 'processed', 'ignored'],
      [1, 'delivered', 'accepted'],
      [2, 'deferred', 'ignored'],
      [3, 'bounce', 'accepted'],
      [4, 'dropped', 'ignored'],
      [5, 'group_resubscribe', 'ignored'],
      [6, 'open', 'accepted'],
      [7, 'click', 'accepted'],
      [8, 'spamreport', 'accepted'],
      [9, 'unsubscribe', 'accepted'],
      [10, 'group_unsubscribe', 'accepted'],
      [11, 'account_status_change', 'ignored'],
    ]);
    expect(receipt.results[4]).toEqual({
      index: 4,
      id: 'zmzJhfJgAfUSOW80yEbPyw==',
      status: 'ignored',
      kind: 'dropped',
      reason: expect.stringContaining(
        'SendGrid "dropped" (Bounced Address): SendGrid did not send the message',
      ),
    });
    expect(await ignoredCount('sendgrid', 'group_resubscribe')).toBe(before + 1);
    expect(await ignoredCount('sendgrid', 'processed')).toBeGreaterThanOrEqual(1);

    const byId = await eventsWithIds([
      'rWVYmVk90MjZJ9iohOBa3w==',
      '6g4ZI7SA-xmRDv57GoPIPw==',
      'FOTFFO0ecsBE-zxFXfs6WA==',
      'sendgrid_internal_event_id',
      '37nvH5QBz858KGVYCM4uOA==',
      'zz_BjPgU_5pS-J8vlfB1sg==',
      'ahSCB7xYcXFb-hEaawsPRw==',
    ]);
    expect(byId.get('6g4ZI7SA-xmRDv57GoPIPw==')?.value).toMatchObject({
      type: 'email.bounced',
      subject: 'email:alex@example.com',
      data: { bounce_type: 'hard', reason: '500 unknown recipient' },
    });
    expect(byId.get('ahSCB7xYcXFb-hEaawsPRw==')?.value).toMatchObject({
      type: 'email.unsubscribed',
      data: { scope: 'list', list_id: '10' },
    });
  });

  it('a delivery of ignored events only is a 202 listing them; nothing is produced', async () => {
    const before = await ignoredCount('sendgrid', 'deferred');
    const response = await sendgrid([sendgridExample('deferred'), sendgridExample('processed')]);
    expect(response.statusCode).toBe(202);
    expect(json(response)).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      ignored: 2,
      results: [
        {
          index: 0,
          id: 't7LEShmowp86DTdUW8M-GQ==',
          status: 'ignored',
          kind: 'deferred',
          reason: expect.stringContaining('SendGrid retries it'),
        },
        {
          index: 1,
          id: 'rbtnWrG1DVDGGGFHFyun0A==',
          status: 'ignored',
          kind: 'processed',
          reason: expect.stringContaining('nothing the contact did'),
        },
      ],
    });
    expect(await ignoredCount('sendgrid', 'deferred')).toBe(before + 1);

    const zoomBefore = await ignoredCount('zoom', 'other');
    const meeting = await zoom({
      event: 'meeting.started',
      event_ts: NOW_MS,
      payload: { object: { id: 1 } },
    });
    expect(meeting.statusCode).toBe(202);
    expect(json(meeting)).toMatchObject({
      ignored: 1,
      results: [{ index: 0, status: 'ignored', kind: 'meeting.started' }],
    });
    expect(await ignoredCount('zoom', 'other')).toBe(zoomBefore + 1);
  });

  it('a Twilio status that is no lead event is answered with TwiML and counted', async () => {
    const form = 'MessageSid=SM9&MessageStatus=undelivered&To=%2B14155550100&From=%2B15005550006';
    const url = `/v1/webhooks/twilio?workspace=${WORKSPACE}`;
    // Sorted parameters after the URL: From, MessageSid, MessageStatus, To.
    const signed = `http://localhost:80${url}From+15005550006MessageSidSM9MessageStatusundeliveredTo+14155550100`;
    const before = await ignoredCount('twilio', 'undelivered');
    const response = await t.http.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': createHmac('sha1', TWILIO_TOKEN).update(signed).digest('base64'),
      },
      payload: form,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Response>');
    expect(await ignoredCount('twilio', 'undelivered')).toBe(before + 1);
  });

  it('an invalid event next to an ignored one: 400 with both at their positions', async () => {
    const { email: _none, ...noAddress } = sendgridExample('delivered');
    const response = await sendgrid([sendgridExample('processed'), noAddress]);
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({
      detail: expect.stringContaining('None of the 1 events was accepted (1 more ignored on purpose)'),
      results: [
        { index: 0, status: 'ignored', kind: 'processed' },
        { index: 1, status: 'rejected', id: 'rWVYmVk90MjZJ9iohOBa3w==', errors: [{ field: 'email' }] },
      ],
    });
  });

  it("Zoom: a registration reaches Kafka with the registrant's profile as a contact.updated", async () => {
    const response = await zoom(zoomRegistrationExample());
    expect(response.statusCode).toBe(202);
    const id = 'webinar.registration_created:1234567890:iFxeBPYun6SAiWUzBcEkX:1626230691572';
    expect(json(response)).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: 0,
      ignored: 0,
      results: [
        { index: 0, id, status: 'accepted' },
        { index: 0, id: `${id}:profile`, status: 'accepted' },
      ],
    });
    const byId = await eventsWithIds([id, `${id}:profile`]);
    expect(byId.get(id)).toMatchObject({
      key: 'acme:email:jchill@example.com',
      value: { type: 'webinar.registered' },
    });
    expect(byId.get(`${id}:profile`)).toMatchObject({
      key: 'acme:email:jchill@example.com',
      value: {
        type: 'contact.updated',
        source: '/v1/webhooks/zoom',
        data: {
          traits: {
            company: 'Cooking Org',
            jobTitle: 'Chef',
            industry: 'Food',
            employees: '1-20',
            purchaseTimeframe: '1-3 months',
            roleInPurchaseProcess: 'Influencer',
          },
        },
      },
    });
  });

  it("Mailgun: permanent and temporary failures keep the receiving server's SMTP reply", async () => {
    expect((await mailgun(mailgunExample('permanent-failed'))).statusCode).toBe(202);
    expect((await mailgun(mailgunExample('temporary-failed'))).statusCode).toBe(202);
    const byId = await eventsWithIds(['2kFItcrLQuKTdp-Ia2Xr7w', 'YusK9KhoTwe2C00iRxsEqQ']);
    expect(byId.get('2kFItcrLQuKTdp-Ia2Xr7w')?.value).toMatchObject({
      type: 'email.bounced',
      subject: 'email:badrecipient@sample.mailgun.com',
      data: {
        provider: 'mailgun',
        bounce_type: 'hard',
        reason: expect.stringMatching(/^550 5\.5\.0 Requested action not taken: mailbox unavailable/),
      },
    });
    expect(byId.get('YusK9KhoTwe2C00iRxsEqQ')?.value).toMatchObject({
      data: {
        bounce_type: 'soft',
        reason: expect.stringMatching(/^421 Your IP \(161\.38\.194\.10\) is temporary blacklisted/),
      },
    });
  });

  it('a stale timestamp is a 401 that says it is outside the tolerance and by how much, not a wrong secret', async () => {
    const stale = String(NOW_MS / 1000 - 3_725);
    const staleZoom = await zoom({ event: 'webinar.participant_joined' }, stale);
    expect(staleZoom.statusCode).toBe(401);
    expect(json(staleZoom)['detail']).toBe(
      `the x-zm-request-timestamp ${stale} is 3,725 s older than this server's clock; at most 300 s are accepted (INGEST_SIGNATURE_TOLERANCE_SECONDS): ` +
        'the signature itself was not checked: this is a replayed or long-delayed delivery, or a clock that is off — check the clocks of the sender and of this server (NTP), then resend.',
    );
    const ahead = String(NOW_MS / 1000 + 600);
    const aheadSendgrid = await sendgrid([sendgridExample('open')], ahead);
    expect(json(aheadSendgrid)['detail']).toMatch(
      new RegExp(
        `^the x-twilio-email-event-webhook-timestamp ${ahead} is 600 s ahead of this server's clock`,
      ),
    );
    const wrongSecret = await zoom({ event: 'webinar.participant_joined' }, TS, 'not-the-secret');
    expect(wrongSecret.statusCode).toBe(401);
    expect(json(wrongSecret)['detail']).toMatch(
      /does not match.*check the webhook secret configured for this workspace/,
    );
  });

  it('Twilio behind a proxy: the port the proxy adds or drops and the query encoding do not matter; another host does', async () => {
    const form = 'MessageSid=SM8&SmsStatus=received&Body=Hi&From=%2B14155550100&To=%2B15005550006';
    const params = 'BodyHiFrom+14155550100MessageSidSM8SmsStatusreceivedTo+15005550006';
    const post = (url: string, host: string, signedUrl: string) =>
      t.http.inject({
        method: 'POST',
        url,
        headers: {
          host,
          'x-forwarded-proto': 'https',
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': createHmac('sha1', TWILIO_TOKEN)
            .update(signedUrl + params)
            .digest('base64'),
        },
        payload: form,
      });
    const path = `/v1/webhooks/twilio?workspace=${WORKSPACE}`;
    // Twilio signed the URL of its console; the load balancer forwards the Host with the port.
    expect((await post(path, 'hooks.example.com:443', `https://hooks.example.com${path}`)).statusCode).toBe(
      200,
    );
    // Twilio signed with the port; the proxy dropped it.
    expect((await post(path, 'hooks.example.com', `https://hooks.example.com:443${path}`)).statusCode).toBe(
      200,
    );
    // Twilio signed an unescaped quote of the query; the URL arrives escaped.
    expect(
      (await post(`${path}&note=It%27s`, 'hooks.example.com', `https://hooks.example.com${path}&note=It's`))
        .statusCode,
    ).toBe(200);
    const elsewhere = await post(path, 'hooks.example.com', `https://other.example.com${path}`);
    expect(elsewhere.statusCode).toBe(401);
    expect(json(elsewhere)['detail']).toMatch(
      /does not match https:\/\/hooks\.example\.com\/v1\/webhooks\/twilio\?workspace=acme .*INGEST_PUBLIC_URL/,
    );
  });
});
