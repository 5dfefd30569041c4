import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Headers } from '@leadscore/contracts';
import { testKafkaBrokers } from '@leadscore/testing';
import type { LightMyRequestResponse } from 'fastify';
import { EventPublisher } from '../src/app/event.publisher.js';
import {
  expectProblem,
  bearer,
  example,
  json,
  OTHER_WORKSPACE_KEY,
  PUBLISHABLE_KEY,
  readEventsUntil,
  startTestApp,
  WORKSPACE,
  type ReadEvent,
  type TestApp,
} from './ingest-test-app.js';
import {
  SEGMENT_WRITE_KEY_PLACEHOLDER,
  segmentGroupExample,
  segmentHttpApiExample,
  segmentSpecExample,
} from './segment-fixtures.js';

interface Result {
  index: number;
  id?: string;
  idDerived?: true;
  status: string;
  reason?: string;
  errors?: { field: string; expected: string }[];
}

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
const JSON_TYPE = { 'content-type': 'application/json' };

/** A Segment example with our write key where the documentation writes YOUR_WRITE_KEY. */
function withOurKey(call: Record<string, unknown>): Record<string, unknown> {
  return call['writeKey'] === SEGMENT_WRITE_KEY_PLACEHOLDER ? { ...call, writeKey: PUBLISHABLE_KEY } : call;
}

const resultsOf = (response: LightMyRequestResponse): Result[] => json(response)['results'] as Result[];

describe('Segment-compatible API end to end (real Kafka)', () => {
  let t: TestApp;
  const seen = new Map<string, ReadEvent[]>();
  beforeAll(async () => {
    t = await startTestApp({ brokers: testKafkaBrokers() });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http.inject({
      method: 'POST',
      url,
      headers: { ...JSON_TYPE, ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** The events on the topic with these ids (every copy), once each id arrived `copies` times. */
  async function onTopic(ids: readonly string[], copies = 1): Promise<Map<string, ReadEvent[]>> {
    const count = (events: readonly ReadEvent[], id: string) =>
      events.filter((e) => e.value['id'] === id).length;
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (all) => ids.every((id) => count(all, id) >= copies),
      `${copies} of each of ${ids.join(', ')}`,
    );
    seen.clear();
    for (const event of events) {
      const id = String(event.value['id']);
      seen.set(id, [...(seen.get(id) ?? []), event]);
    }
    return new Map(ids.map((id) => [id, seen.get(id) ?? []]));
  }

  it("accepts Segment's published track, identify, page and batch examples (no messageId), each with the id it derived", async () => {
    const single = {
      track: await post('/v1/track', withOurKey(segmentHttpApiExample('track'))),
      identify: await post('/v1/identify', withOurKey(segmentHttpApiExample('identify'))),
      page: await post('/v1/page', withOurKey(segmentHttpApiExample('page'))),
      identifyWithIntegrations: await post(
        '/v1/identify',
        withOurKey(segmentHttpApiExample('identifyWithIntegrations')),
      ),
    };
    for (const response of Object.values(single)) {
      expect({ status: response.statusCode, body: json(response) }).toMatchObject({
        status: 202,
        body: {
          accepted: 1,
          results: [
            {
              index: 0,
              id: expect.stringMatching(/^seg-[0-9a-f]{32}$/),
              idDerived: true,
              status: 'accepted',
            },
          ],
        },
      });
    }
    const batch = await post('/v1/batch', withOurKey(segmentHttpApiExample('batch')));
    expect(batch.statusCode).toBe(202);
    expect(resultsOf(batch).map((r) => [r.status, r.idDerived])).toEqual([
      ['accepted', true],
      ['accepted', true],
      ['accepted', true],
      ['accepted', true],
    ]);

    const idOf = (response: LightMyRequestResponse, index = 0) => String(resultsOf(response)[index]?.id);
    const events = await onTopic([
      ...Object.values(single).map((r) => idOf(r)),
      ...[0, 1, 2, 3].map((i) => idOf(batch, i)),
    ]);
    const value = (id: string) => events.get(id)?.[0]?.value;
    expect(value(idOf(single.track))).toEqual({
      specversion: '1.0',
      id: idOf(single.track),
      source: '/v1/track',
      type: 'custom.Item Purchased',
      time: '2012-12-02T00:30:12.984Z',
      subject: 'user:019mr8mf4r',
      workspace: WORKSPACE,
      data: { name: 'Leap to Conclusions Mat', revenue: 14.99 },
    });
    expect(value(idOf(single.identify))).toMatchObject({
      type: 'contact.identified',
      source: '/v1/identify',
      data: {
        identities: { user_id: '019mr8mf4r', email: 'pgibbons@example.com' },
        traits: { industry: 'Technology' },
      },
    });
    expect(value(idOf(single.page))).toMatchObject({
      type: 'web.page_viewed',
      source: '/v1/page',
      time: '2012-12-02T00:31:29.738Z',
      data: { name: 'Tracking HTTP API' },
    });
    // The batch's calls: a source per call kind, the 2015-2-02 times read, as RFC 3339 UTC.
    expect(
      [0, 1, 2, 3].map((i) => [value(idOf(batch, i))?.['source'], value(idOf(batch, i))?.['time']]),
    ).toEqual([
      ['/v1/identify', '2012-12-02T00:30:08.276Z'],
      ['/v1/track', '2012-12-02T00:30:12.984Z'],
      ['/v1/identify', '2015-02-02T00:30:08.276Z'],
      ['/v1/track', '2015-02-02T00:30:12.984Z'],
    ]);
    expect(value(idOf(batch, 3))).toMatchObject({
      type: 'custom.Song Played',
      subject: 'user:971mj8mk7p',
      data: { name: 'Get Right', artist: 'Jennifer Lopez' },
    });
    // The write key never reaches the topic.
    for (const copies of events.values())
      for (const event of copies) expect(JSON.stringify(event.value)).not.toContain(PUBLISHABLE_KEY);
  });

  it('gives a retried call the same id, alone or through /v1/batch, and key order does not matter', async () => {
    const call = {
      userId: 'retry-u',
      event: 'Demo Booked',
      properties: { plan: 'pro', seats: 5 },
      timestamp: '2026-11-20T08:00:00Z',
    };
    const first = await post('/v1/track', call, basic(PUBLISHABLE_KEY));
    const again = await post(
      '/v1/track',
      JSON.stringify({
        timestamp: call.timestamp,
        properties: { seats: 5, plan: 'pro' },
        event: call.event,
        userId: call.userId,
      }),
      basic(PUBLISHABLE_KEY),
    );
    const viaBatch = await post('/v1/batch', {
      batch: [{ ...call, type: 'track', sentAt: '2026-11-20T08:00:01Z' }],
      writeKey: PUBLISHABLE_KEY,
    });
    const other = await post(
      '/v1/track',
      { ...call, properties: { plan: 'pro', seats: 6 } },
      basic(PUBLISHABLE_KEY),
    );
    const ids = [first, again, viaBatch, other].map((r) => resultsOf(r)[0]?.id);
    expect(ids[0]).toMatch(/^seg-/);
    expect(ids.slice(1)).toEqual([ids[0], ids[0], expect.not.stringMatching(String(ids[0]))]);

    // Ingest answers each request; the copies on the topic share workspace, source and id (consumers dedupe on them).
    const events = await onTopic([String(ids[0])], 3);
    const copies = events.get(String(ids[0])) ?? [];
    expect(copies.map((c) => [c.value['source'], c.value['type'], c.value['workspace']])).toEqual([
      ['/v1/track', 'custom.Demo Booked', WORKSPACE],
      ['/v1/track', 'custom.Demo Booked', WORKSPACE],
      ['/v1/track', 'custom.Demo Booked', WORKSPACE],
    ]);
  });

  it('keeps a track and an identify that share a messageId as two events (the source differs)', async () => {
    const response = await post(
      '/v1/batch',
      {
        batch: [
          { type: 'track', messageId: 'shared-1', userId: 'u-s', event: 'Clicked Pricing' },
          { type: 'identify', messageId: 'shared-1', userId: 'u-s', traits: { plan: 'pro' } },
          { type: 'track', messageId: 'shared-1', userId: 'u-s', event: 'Clicked Pricing' },
        ],
      },
      basic(PUBLISHABLE_KEY),
    );
    expect(resultsOf(response)).toEqual([
      { index: 0, id: 'shared-1', status: 'accepted' },
      { index: 1, id: 'shared-1', status: 'accepted' },
      { index: 2, id: 'shared-1', status: 'duplicate', duplicateOf: 0 },
    ]);
    const events = await onTopic(['shared-1'], 2);
    expect(
      events
        .get('shared-1')
        ?.map((e) => e.value['source'])
        .sort(),
    ).toEqual(['/v1/identify', '/v1/track']);
  });

  it('takes the write key from the body, or the header; a header and a body that disagree get 401 and produce nothing', async () => {
    const page = (id: string) => ({ messageId: id, userId: 'u-k', name: 'Home' });
    expect((await post('/v1/page', { ...page('wk-body'), writeKey: PUBLISHABLE_KEY })).statusCode).toBe(202);
    expect(
      (await post('/v1/page', { ...page('wk-both'), writeKey: PUBLISHABLE_KEY }, basic(PUBLISHABLE_KEY)))
        .statusCode,
    ).toBe(202);
    expect((await post('/v1/page', page('wk-bearer'), bearer(PUBLISHABLE_KEY))).statusCode).toBe(202);

    const disagree = expectProblem(
      await post(
        '/v1/page',
        { ...page('wk-disagree'), writeKey: OTHER_WORKSPACE_KEY },
        basic(PUBLISHABLE_KEY),
      ),
      401,
      /Authorization header and the "writeKey" of the body name different keys/,
    );
    expectProblem(
      await post(
        '/v1/batch',
        { batch: [{ type: 'page', ...page('wk-disagree-b') }], writeKey: 'pk_nope' },
        basic(PUBLISHABLE_KEY),
      ),
      401,
      /different keys/,
    );
    expectProblem(
      await post('/v1/page', { ...page('wk-unknown'), writeKey: 'pk_nope' }),
      401,
      /unknown or revoked/,
    );
    expectProblem(
      await post('/v1/page', { ...page('wk-number'), writeKey: 42 }),
      401,
      /must be your write key/,
    );
    expectProblem(await post('/v1/page', page('wk-none')), 401, /"writeKey" in the JSON body/);
    // The answer names neither key.
    expect(JSON.stringify(disagree)).not.toContain(PUBLISHABLE_KEY);
    expect(JSON.stringify(disagree)).not.toContain(OTHER_WORKSPACE_KEY);

    // A call of a batch naming another key is refused on its own (forbidden), the rest is produced.
    const mixed = await post('/v1/batch', {
      batch: [
        { type: 'page', ...page('wk-call-ok'), writeKey: PUBLISHABLE_KEY },
        { type: 'page', ...page('wk-call-foreign'), writeKey: OTHER_WORKSPACE_KEY },
      ],
      writeKey: PUBLISHABLE_KEY,
    });
    expect(resultsOf(mixed)).toEqual([
      { index: 0, id: 'wk-call-ok', status: 'accepted' },
      {
        index: 1,
        id: 'wk-call-foreign',
        status: 'rejected',
        reason: 'forbidden',
        errors: [
          { field: 'writeKey', expected: expect.stringContaining('one request writes to one workspace') },
        ],
      },
    ]);

    const events = await onTopic(['wk-body', 'wk-both', 'wk-bearer', 'wk-call-ok']);
    expect([...events.values()].map((copies) => copies.length)).toEqual([1, 1, 1, 1]);
    // Nothing else of this test reached the topic (`seen`: every event read so far).
    expect([...seen.keys()].filter((id) => id.startsWith('wk-') && !events.has(id))).toEqual([]);
  });

  it('turns any track name we do not map into custom.<name> with its properties and context, bot user agents marked', async () => {
    const response = await post(
      '/v1/batch',
      {
        batch: [
          {
            type: 'track',
            messageId: 'custom-1',
            anonymousId: 'a-77',
            event: 'Application Submitted',
            properties: { program: 'coaching', answers: { budget: 5000, start: 'Q1' }, tags: ['vip'] },
            context: {
              page: { url: 'https://acme.test/apply', path: '/apply' },
              campaign: { source: 'ads', name: 'q4' },
              ip: '203.0.113.9',
            },
          },
          {
            type: 'track',
            messageId: 'custom-2',
            anonymousId: 'a-78',
            event: 'Application Submitted',
            context: { userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
          },
        ],
        context: {
          userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15',
        },
        integrations: { All: false },
      },
      basic(PUBLISHABLE_KEY),
    );
    expect(json(response)).toMatchObject({ accepted: 2 });
    const events = await onTopic(['custom-1', 'custom-2']);
    expect(events.get('custom-1')?.[0]).toMatchObject({
      key: `${WORKSPACE}:anon:a-77`,
      headers: { [Headers.eventType]: 'custom.Application Submitted' },
      value: {
        type: 'custom.Application Submitted',
        source: '/v1/track',
        data: {
          program: 'coaching',
          answers: { budget: 5000, start: 'Q1' },
          tags: ['vip'],
          url: 'https://acme.test/apply',
          path: '/apply',
          utm: { source: 'ads', campaign: 'q4' },
          user_agent: expect.stringContaining('Safari'),
          bot: false,
        },
      },
    });
    expect(JSON.stringify(events.get('custom-1')?.[0]?.value)).not.toContain('203.0.113.9');
    expect(events.get('custom-2')?.[0]?.value['data']).toEqual({
      user_agent: 'Googlebot/2.1 (+http://www.google.com/bot.html)',
      bot: true,
      bot_reason: 'bot_user_agent',
    });
  });

  it('maps the complete track and page calls of the Segment Spec (analytics.js, with messageId)', async () => {
    const track = await post('/v1/track', segmentSpecExample('track'), basic(PUBLISHABLE_KEY));
    const page = await post('/v1/page', segmentSpecExample('page'), basic(PUBLISHABLE_KEY));
    expect([resultsOf(track)[0], resultsOf(page)[0]]).toEqual([
      { index: 0, id: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96', status: 'accepted' },
      { index: 0, id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db', status: 'accepted' },
    ]);
    const events = await onTopic([
      'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
      '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
    ]);
    expect(events.get('ajs-f8ca1e4de5024d9430b3928bd8ac6b96')?.[0]?.value).toMatchObject({
      type: 'custom.Course Clicked',
      data: {
        title: 'Intro to Analytics',
        url: 'https://segment.com/academy/',
        user_agent: expect.stringContaining('Chrome/46'),
        bot: false,
      },
    });
    expect(events.get('022bb90c-bbac-11e4-8dfc-aa07a5b093db')?.[0]?.value).toMatchObject({
      type: 'web.page_viewed',
      data: { url: 'http://www.example.com', title: 'Welcome | Initech', name: 'Home' },
    });
  });

  it("sets the contact's company from group calls — Segment's published example on /v1/group, more in /v1/batch — as contact.updated", async () => {
    // Segment's complete example (segment.com/docs/connections/spec/group/), as analytics.js sends it
    // from a page: with the publishable key.
    const single = await post('/v1/group', segmentGroupExample('complete'), basic(PUBLISHABLE_KEY));
    expect(single.statusCode).toBe(202);
    expect(single.headers['access-control-allow-origin']).toBe('*');
    expect(resultsOf(single)).toEqual([
      { index: 0, id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db', status: 'accepted' },
    ]);
    const batch = await post(
      '/v1/batch',
      {
        batch: [
          { type: 'group', messageId: 'grp-number', anonymousId: 'a-grp', groupId: 4242 },
          { type: 'group', messageId: 'grp-none', userId: 'u-grp', traits: { name: 'Nameless' } },
          {
            type: 'group',
            messageId: 'grp-id-trait',
            userId: 'u-grp',
            groupId: 'acme',
            traits: { id: 'not-this', name: 'Acme' },
          },
          { type: 'group', messageId: 'grp-none', userId: 'u-grp', groupId: 'acme' },
          { type: 'screen', messageId: 'grp-screen', userId: 'u-grp', name: 'Home' },
        ],
      },
      basic(PUBLISHABLE_KEY),
    );
    expect(batch.statusCode).toBe(202);
    expect(resultsOf(batch)).toEqual([
      { index: 0, id: 'grp-number', status: 'accepted' },
      {
        index: 1,
        id: 'grp-none',
        status: 'rejected',
        reason: 'invalid',
        errors: [
          {
            field: 'groupId',
            expected: expect.stringContaining(
              'the id of the account (company, organization) the contact belongs to',
            ),
          },
        ],
      },
      { index: 2, id: 'grp-id-trait', status: 'accepted' },
      // The refused call did not take its messageId: a corrected resend is produced.
      { index: 3, id: 'grp-none', status: 'accepted' },
      {
        index: 4,
        id: 'grp-screen',
        status: 'rejected',
        reason: 'invalid',
        errors: [
          { field: 'type', expected: 'one of track, identify, page, group, alias (screen is not ingested)' },
        ],
      },
    ]);

    const groups = (events: readonly ReadEvent[]) => events.filter((e) => e.value['source'] === '/v1/group');
    const events = groups(
      await readEventsUntil(t.client, t.topic, (all) => groups(all).length >= 4, 'the four group events'),
    );
    const byId = new Map(events.map((e) => [e.value['id'], e]));
    expect(byId.get('022bb90c-bbac-11e4-8dfc-aa07a5b093db')).toMatchObject({
      key: `${WORKSPACE}:user:97980cfea0067`,
      headers: { [Headers.eventType]: 'contact.updated' },
      value: {
        specversion: '1.0',
        type: 'contact.updated',
        source: '/v1/group',
        subject: 'user:97980cfea0067',
        workspace: WORKSPACE,
        data: {
          traits: {
            'company.id': '0e8c78ea9d97a7b8185e8632',
            'company.name': 'Initech',
            'company.industry': 'Technology',
            'company.employees': 329,
            'company.plan': 'enterprise',
            'company.total billed': 830,
          },
        },
      },
    });
    // Nothing of the call but the company: not its IP, context or integrations.
    expect(JSON.stringify(byId.get('022bb90c-bbac-11e4-8dfc-aa07a5b093db')?.value)).not.toMatch(
      /8\.8\.8\.8|Mozilla|Salesforce/,
    );
    expect(byId.get('grp-number')).toMatchObject({
      key: `${WORKSPACE}:anon:a-grp`,
      value: { data: { traits: { 'company.id': '4242' } } },
    });
    expect(byId.get('grp-id-trait')?.value['data']).toEqual({
      traits: { 'company.id': 'acme', 'company.name': 'Acme' },
    });
    expect(byId.get('grp-none')?.value['data']).toEqual({ traits: { 'company.id': 'acme' } });
    expect(events).toHaveLength(4);
  });

  it('POST /v1/events accepts custom.<name> events with a publishable key', async () => {
    const response = await post('/v1/events', example('custom-events.json'), bearer(PUBLISHABLE_KEY));
    expect(json(response)).toMatchObject({ accepted: 4, rejected: 0 });
    const events = await onTopic(['evt-c1', 'evt-c2', 'evt-c3', 'evt-c4']);
    expect(events.get('evt-c2')?.[0]?.value).toMatchObject({
      type: 'custom.Item Purchased',
      source: '/v1/events',
      data: { plan: 'pro', price: 149, items: [{ sku: 'pro-annual', quantity: 1 }] },
    });
    expect(events.get('evt-c4')?.[0]?.value['data']).toMatchObject({ bot: false });
  });

  it('reads lenient times, and refuses an unreadable one naming the field while the good calls are produced', async () => {
    const call = (id: string, timestamp: unknown) => ({
      type: 'track',
      messageId: id,
      userId: 'u-t',
      event: 'Clicked',
      timestamp,
    });
    const single = await post('/v1/track', call('t-space', '2015-02-02 00:30:08'), basic(PUBLISHABLE_KEY));
    expect(json(single)).toMatchObject({ accepted: 1 });

    const bad = expectProblem(
      await post('/v1/track', call('t-bad', 'last tuesday'), basic(PUBLISHABLE_KEY)),
      400,
      /None of the 1 events/,
    );
    expect(bad['results']).toEqual([
      {
        index: 0,
        id: 't-bad',
        status: 'rejected',
        reason: 'invalid',
        errors: [
          {
            field: 'timestamp',
            expected: 'an ISO-8601 time such as 2015-02-02T00:30:08.276Z (got "last tuesday")',
          },
        ],
      },
    ]);

    const mixed = await post('/v1/batch', {
      batch: [
        call('t-ok', '2015-2-2T0:30:08+01:00'),
        { ...call('t-bad-2', '2015-02-30T00:00:00Z'), writeKey: PUBLISHABLE_KEY },
        call('t-none', undefined),
      ],
      writeKey: PUBLISHABLE_KEY,
    });
    expect(resultsOf(mixed).map((r) => [r.id, r.status, r.errors?.[0]?.field])).toEqual([
      ['t-ok', 'accepted', undefined],
      ['t-bad-2', 'rejected', 'timestamp'],
      ['t-none', 'accepted', undefined],
    ]);
    expectProblem(
      await post(
        '/v1/batch',
        { batch: [call('t-sent', undefined)], sentAt: 'now-ish' },
        basic(PUBLISHABLE_KEY),
      ),
      400,
      /The batch's sentAt is not a time/,
    );

    const events = await onTopic(['t-space', 't-ok', 't-none']);
    expect(events.get('t-space')?.[0]?.value['time']).toBe('2015-02-02T00:30:08.000Z');
    expect(events.get('t-ok')?.[0]?.value['time']).toBe('2015-02-01T23:30:08.000Z');
    // No timestamp: the receipt time (not some guess).
    expect(Date.now() - Date.parse(String(events.get('t-none')?.[0]?.value['time']))).toBeLessThan(120_000);

    // The refused calls are dead-lettered as received, without the write key.
    await t.app.get(EventPublisher).drain();
    const letters = await readEventsUntil(
      t.client,
      t.deadLetterTopic,
      (all) => ['t-bad', 't-bad-2'].every((id) => all.some((e) => e.headers[Headers.eventId] === id)),
      't-bad and t-bad-2',
    );
    const letter = letters.find((e) => e.headers[Headers.eventId] === 't-bad-2');
    expect(letter?.headers[Headers.deadLetterReason]).toBe(
      'invalid: timestamp: expected an ISO-8601 time such as 2015-02-02T00:30:08.276Z (got "2015-02-30T00:00:00Z")',
    );
    expect(letter?.value).toEqual(call('t-bad-2', '2015-02-30T00:00:00Z'));
    for (const l of letters) expect(JSON.stringify(l.value)).not.toContain(PUBLISHABLE_KEY);
  });
});
