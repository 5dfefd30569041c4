import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { Headers } from '@leadscore/contracts';
import {
  HOSTILE_JSON_CASES,
  HOSTILE_SLOT,
  embedHostileMember,
  testKafkaBrokers,
  type HostileJsonCase,
  type HostileJsonOutcome,
} from '@leadscore/testing';
import type { LightMyRequestResponse } from 'fastify';
import { EventPublisher } from '../src/app/event.publisher.js';
import { twilioBodyHash } from '../src/signatures/twilio.signature.js';
import { zoomSignature } from '../src/signatures/zoom.signature.js';
import {
  expectProblem,
  bearer,
  example,
  json,
  MAILGUN_KEY,
  now,
  readEventsUntil,
  SECRET_KEY,
  sendgridSign,
  startTestApp,
  TWILIO_TOKEN,
  WORKSPACE,
  ZOOM_TOKEN,
  type ReadEvent,
  type TestApp,
} from './ingest-test-app.js';

type EventRefused = Extract<HostileJsonOutcome, { kind: 'event-refused' }>;

const JSON_HEADERS = { ...bearer(SECRET_KEY), 'content-type': 'application/json' };
const SLOT = { [HOSTILE_SLOT]: 0 };
const HOST_FIELDS = { campaign: 'spring' };
const NOT_KEPT = '(value not kept: it nests deeper than 64 levels)';

let sequence = 0;
const nextId = (what: string): string => `hj-${what}-${++sequence}`;

/** A web.form_submitted event; `fields` is free-form, so hostile members are read there. */
const formEvent = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  type: 'web.form_submitted',
  subject: 'email:ann@example.com',
  data: { form_id: 'demo', fields: { ...HOST_FIELDS, ...fields } },
});
/** A Segment track call of a canonical event name: its properties become the event's data. */
const segmentCall = (messageId: string, fields: Record<string, unknown> = {}) => ({
  type: 'track',
  messageId,
  userId: 'u-1',
  event: 'web.form_submitted',
  properties: { form_id: 'demo', fields: { ...HOST_FIELDS, ...fields } },
});
const sendgridEvent = (id: string, extra: Record<string, unknown> = {}) => ({
  email: 'ann@example.com',
  timestamp: 1_700_000_010,
  event: 'delivered',
  sg_event_id: id,
  sg_message_id: 'msg-1.filter',
  ...extra,
});

/** `data.fields` + `.note` → `data.fields.note`; at the root, `.note` → `note`. */
const fieldAt = (hostPath: string, field: string): string =>
  hostPath === '' ? field.replace(/^\./, '') : `${hostPath}${field}`;

function expectRefusedResult(result: unknown, outcome: EventRefused, hostPath: string): void {
  expect(result).toMatchObject({
    status: 'rejected',
    reason: outcome.reason,
    errors: [{ field: expect.any(String), expected: expect.stringMatching(outcome.expected) }],
  });
  if (outcome.field !== undefined) {
    const [error] = (result as { errors: { field: string }[] }).errors;
    const prefix = fieldAt(hostPath, outcome.field);
    expect(error?.field.slice(0, prefix.length)).toBe(prefix);
  }
}

/** A request whose only event is refused: 400 with that event's result. */
function expectOnlyEventRefused(
  response: LightMyRequestResponse,
  outcome: EventRefused,
  hostPath: string,
): void {
  const body = expectProblem(response, 400, /None of the 1 events was accepted/);
  const results = body['results'] as unknown[];
  expect(results).toHaveLength(1);
  expectRefusedResult(results[0], outcome, hostPath);
}

describe('hostile JSON corpus (real Kafka)', () => {
  let t: TestApp;
  /** Accepted ids, with the free-form fields their event must carry on the topic (undefined: not checked). */
  const expectedOnTopic = new Map<string, Record<string, unknown> | undefined>();
  /** Ids of /v1/events inputs refused one by one: never on the topic, always dead-lettered. */
  const refusedEvents = new Map<string, EventRefused>();

  beforeAll(async () => {
    t = await startTestApp({ brokers: testKafkaBrokers() });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: Buffer | string, headers: Record<string, string> = JSON_HEADERS) =>
    t.http.inject({ method: 'POST', url, headers, payload });

  async function expectGoodRequestStillAccepted(): Promise<void> {
    const id = nextId('after');
    const response = await post('/v1/events', JSON.stringify([formEvent(id)]));
    expect(response.statusCode).toBe(202);
    expectedOnTopic.set(id, HOST_FIELDS);
  }

  it('answers the body of issue #18 ([ × 5000, ] × 5000) and one of 200 000 levels with 400, and dead-letters them without a copy', async () => {
    for (const levels of [5_000, 200_000]) {
      const response = await post('/v1/events', '['.repeat(levels) + ']'.repeat(levels));
      const body = expectProblem(response, 400, /None of the 1 events was accepted/);
      expect(body['results']).toEqual([
        {
          index: 0,
          status: 'rejected',
          reason: 'invalid',
          errors: [{ field: '(event)', expected: 'a JSON object' }],
        },
      ]);
    }
    await t.app.get(EventPublisher).drain();
    const letters = await readEventsUntil(
      t.client,
      t.deadLetterTopic,
      (events) => events.filter((e) => e.headers[Headers.deadLetterReason]?.endsWith(NOT_KEPT)).length >= 2,
      'the two dead letters without a copy',
    );
    expect(letters.filter((l) => l.value === null).map((l) => l.headers[Headers.deadLetterReason])).toEqual([
      `invalid: (event): expected a JSON object ${NOT_KEPT}`,
      `invalid: (event): expected a JSON object ${NOT_KEPT}`,
    ]);
    await expectGoodRequestStillAccepted();
  });

  describe('POST /v1/events', () => {
    it.each(HOSTILE_JSON_CASES)('$name, alone', async (hostile: HostileJsonCase) => {
      const id = nextId('alone');
      const response = await post('/v1/events', embedHostileMember([formEvent(id, SLOT)], hostile.member));
      const outcome = hostile.outcome;
      switch (outcome.kind) {
        case 'request-refused':
          expectProblem(response, outcome.status, outcome.detail);
          break;
        case 'event-refused':
          expectOnlyEventRefused(response, outcome, 'data.fields');
          refusedEvents.set(id, outcome);
          break;
        case 'accepted':
          expect(json(response)).toMatchObject({ accepted: 1, rejected: 0 });
          expectedOnTopic.set(id, { ...HOST_FIELDS, ...outcome.members });
          break;
      }
      await expectGoodRequestStillAccepted();
    });

    it.each(HOSTILE_JSON_CASES)('$name, between good events', async (hostile: HostileJsonCase) => {
      const [before, id, after] = [nextId('good'), nextId('mixed'), nextId('good')];
      const response = await post(
        '/v1/events',
        embedHostileMember([formEvent(before), formEvent(id, SLOT), formEvent(after)], hostile.member),
      );
      const outcome = hostile.outcome;
      switch (outcome.kind) {
        case 'request-refused':
          expectProblem(response, outcome.status, outcome.detail);
          return;
        case 'event-refused': {
          expect(response.statusCode).toBe(202);
          const body = json(response);
          expect(body).toMatchObject({ accepted: 2, rejected: 1 });
          const results = body['results'] as unknown[];
          expect([results[0], results[2]]).toEqual([
            { index: 0, id: before, status: 'accepted' },
            { index: 2, id: after, status: 'accepted' },
          ]);
          expectRefusedResult(results[1], outcome, 'data.fields');
          refusedEvents.set(id, outcome);
          break;
        }
        case 'accepted':
          expect(json(response)).toMatchObject({ accepted: 3, rejected: 0 });
          expectedOnTopic.set(id, { ...HOST_FIELDS, ...outcome.members });
          break;
      }
      expectedOnTopic.set(before, HOST_FIELDS);
      expectedOnTopic.set(after, HOST_FIELDS);
    });
  });

  describe('Segment: POST /v1/track and /v1/batch', () => {
    it.each(HOSTILE_JSON_CASES)('$name', async (hostile: HostileJsonCase) => {
      const outcome = hostile.outcome;
      const single = nextId('track');
      const track = await post('/v1/track', embedHostileMember(segmentCall(single, SLOT), hostile.member));
      const [before, id, after] = [nextId('call'), nextId('call'), nextId('call')];
      const batch = await post(
        '/v1/batch',
        embedHostileMember(
          { batch: [segmentCall(before), segmentCall(id, SLOT), segmentCall(after)] },
          hostile.member,
        ),
      );
      switch (outcome.kind) {
        case 'request-refused':
          expectProblem(track, outcome.status, outcome.detail);
          expectProblem(batch, outcome.status, outcome.detail);
          break;
        case 'event-refused': {
          expectOnlyEventRefused(track, outcome, 'properties.fields');
          expect(batch.statusCode).toBe(202);
          const results = json(batch)['results'] as unknown[];
          expect(results.map((r) => (r as { status: string }).status)).toEqual([
            'accepted',
            'rejected',
            'accepted',
          ]);
          // Hostile content is refused in the call as sent; a too-large event only once mapped.
          expectRefusedResult(results[1], outcome, 'properties.fields');
          break;
        }
        case 'accepted':
          expect(json(track)).toMatchObject({ accepted: 1 });
          expect(json(batch)).toMatchObject({ accepted: 3 });
          expectedOnTopic.set(single, { ...HOST_FIELDS, ...outcome.members });
          expectedOnTopic.set(id, { ...HOST_FIELDS, ...outcome.members });
          break;
      }
      if (outcome.kind !== 'request-refused') {
        expectedOnTopic.set(before, HOST_FIELDS);
        expectedOnTopic.set(after, HOST_FIELDS);
      }
      await expectGoodRequestStillAccepted();
    });
  });

  describe('provider webhooks (JSON)', () => {
    /**
     * Providers' unknown fields are not carried into events, so a case refused only for its size is
     * accepted there (the event made of the known fields is small).
     */
    const providerOutcome = (outcome: HostileJsonOutcome): HostileJsonOutcome =>
      outcome.kind === 'event-refused' && outcome.reason === 'too_large'
        ? { kind: 'accepted', members: {} }
        : outcome;

    /** A provider delivery holding one event: refused as a whole when that event is. */
    function expectDelivery(
      response: LightMyRequestResponse,
      outcome: HostileJsonOutcome,
      hostPath: string,
      acceptedStatus: number,
    ): void {
      switch (outcome.kind) {
        case 'request-refused':
          expectProblem(response, outcome.status, outcome.detail);
          break;
        case 'event-refused':
          expectOnlyEventRefused(response, outcome, hostPath);
          break;
        case 'accepted':
          expect({ status: response.statusCode, body: response.body.slice(0, 300) }).toMatchObject({
            status: acceptedStatus,
          });
          break;
      }
    }

    it.each(HOSTILE_JSON_CASES)('SendGrid (a batch of events): $name', async (hostile: HostileJsonCase) => {
      const [before, id, after] = [nextId('sg'), nextId('sg'), nextId('sg')];
      const body = embedHostileMember(
        [sendgridEvent(before), sendgridEvent(id, SLOT), sendgridEvent(after)],
        hostile.member,
      );
      const ts = now();
      const response = await post(`/v1/webhooks/sendgrid?workspace=${WORKSPACE}`, body, {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': ts,
        'x-twilio-email-event-webhook-signature': sendgridSign(t.sendgridPrivateKey, ts, body),
      });
      const outcome = providerOutcome(hostile.outcome);
      switch (outcome.kind) {
        case 'request-refused':
          expectProblem(response, outcome.status, outcome.detail);
          return;
        case 'event-refused': {
          expect(response.statusCode).toBe(202);
          const results = json(response)['results'] as unknown[];
          expect(results.map((r) => (r as { status: string }).status)).toEqual([
            'accepted',
            'rejected',
            'accepted',
          ]);
          expectRefusedResult(results[1], outcome, '');
          break;
        }
        case 'accepted':
          expect(json(response)).toMatchObject({ accepted: 3 });
          expectedOnTopic.set(id, undefined);
          break;
      }
      expectedOnTopic.set(before, undefined);
      expectedOnTopic.set(after, undefined);
    });

    it.each(HOSTILE_JSON_CASES)('Zoom: $name', async (hostile: HostileJsonCase) => {
      const zoom = JSON.parse(example('zoom-participant-joined.json')) as {
        payload: { object: { participant: Record<string, unknown> } };
      };
      zoom.payload.object.participant['participant_uuid'] = nextId('zoom');
      const body = embedHostileMember({ ...zoom, ...SLOT }, hostile.member);
      const ts = now();
      const response = await post(`/v1/webhooks/zoom?workspace=${WORKSPACE}`, body, {
        'content-type': 'application/json',
        'x-zm-request-timestamp': ts,
        'x-zm-signature': zoomSignature(ZOOM_TOKEN, ts, body),
      });
      expectDelivery(response, providerOutcome(hostile.outcome), '', 202);
    });

    it.each(HOSTILE_JSON_CASES)('Mailgun: $name', async (hostile: HostileJsonCase) => {
      const mailgun = JSON.parse(example('mailgun-opened.json')) as { 'event-data': Record<string, unknown> };
      const id = nextId('mailgun');
      const [ts, token] = [now(), `token-${id}`];
      const signature = createHmac('sha256', MAILGUN_KEY)
        .update(ts + token)
        .digest('hex');
      const body = embedHostileMember(
        {
          signature: { timestamp: ts, token, signature },
          'event-data': { ...mailgun['event-data'], id, ...SLOT },
        },
        hostile.member,
      );
      const response = await post(`/v1/webhooks/mailgun?workspace=${WORKSPACE}`, body, {
        'content-type': 'application/json',
      });
      const outcome = providerOutcome(hostile.outcome);
      expectDelivery(response, outcome, '["event-data"]', 202);
      if (outcome.kind === 'accepted') expectedOnTopic.set(id, undefined);
    });

    it.each(HOSTILE_JSON_CASES)('Twilio (JSON body): $name', async (hostile: HostileJsonCase) => {
      const status = JSON.parse(example('twilio-status.json')) as Record<string, unknown>;
      const sid = nextId('SM');
      const body = embedHostileMember({ ...status, MessageSid: sid, ...SLOT }, hostile.member);
      const path = `/v1/webhooks/twilio?workspace=${WORKSPACE}&bodySHA256=${twilioBodyHash(body)}`;
      const response = await post(path, body, {
        'content-type': 'application/json',
        'x-twilio-signature': createHmac('sha1', TWILIO_TOKEN)
          .update(`http://localhost:80${path}`)
          .digest('base64'),
      });
      const outcome = providerOutcome(hostile.outcome);
      expectDelivery(response, outcome, '', 200);
      if (outcome.kind === 'accepted') expectedOnTopic.set(`${sid}:delivered`, undefined);
    });

    it('a good request afterwards is still accepted', async () => {
      await expectGoodRequestStillAccepted();
    });
  });

  it('puts every accepted event on the topic, with the documented fields, and none of the refused ones', async () => {
    const found = (events: readonly ReadEvent[]) =>
      events.filter((e) => expectedOnTopic.has(String(e.value['id'])));
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (read) => new Set(found(read).map((e) => e.value['id'])).size >= expectedOnTopic.size,
      `the ${expectedOnTopic.size} accepted events`,
      60_000,
    );
    for (const event of found(events)) {
      const fields = expectedOnTopic.get(String(event.value['id']));
      if (fields !== undefined)
        expect((event.value['data'] as Record<string, unknown>)['fields']).toEqual(fields);
    }
    const ids = new Set(events.map((e) => String(e.value['id'])));
    expect([...refusedEvents.keys()].filter((id) => ids.has(id))).toEqual([]);
    expect(refusedEvents.size).toBeGreaterThan(0);
  });

  it('dead-letters every event refused one by one: a copy, or none with a note when too deep to copy', async () => {
    await t.app.get(EventPublisher).drain();
    const ours = (events: readonly ReadEvent[]) =>
      events.filter((e) => refusedEvents.has(e.headers[Headers.eventId] ?? ''));
    const letters = ours(
      await readEventsUntil(
        t.client,
        t.deadLetterTopic,
        (events) => ours(events).length >= refusedEvents.size,
        `the ${refusedEvents.size} dead letters of refused events`,
        60_000,
      ),
    );
    expect(letters).toHaveLength(refusedEvents.size);
    for (const letter of letters) {
      const id = letter.headers[Headers.eventId] ?? '';
      const reason = letter.headers[Headers.deadLetterReason] ?? '';
      expect(reason.startsWith(`${refusedEvents.get(id)?.reason}: `)).toBe(true);
      if (letter.value === null) expect(reason.endsWith(NOT_KEPT)).toBe(true);
      else expect(letter.value['id']).toBe(id);
    }
  });
});
