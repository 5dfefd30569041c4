import { describe, expect, it } from '@jest/globals';
import { createEventValidator } from '@leadscore/contracts';
import {
  segmentAliasExample,
  segmentGroupExample,
  segmentHttpApiExample,
  segmentSpecExample,
} from '../../test/segment-fixtures.js';
import { checkBatch, MappingFailure } from '../batch/event-batch.js';
import {
  mapSegmentCall,
  mapSegmentCalls,
  segmentBatchOf,
  type SegmentCallDefaults,
} from './segment.mapper.js';

const RECEIVED_AT = '2026-11-23T10:00:00.000Z';
const ctx = {
  workspace: 'acme',
  keyKind: 'publishable' as const,
  defaultSource: '/v1/batch',
  receivedAt: RECEIVED_AT,
  identity: { defaultCountry: 'US' },
  maxEventBytes: 32_768,
  validator: createEventValidator(),
};

const defaults = (callType?: string, extra: Partial<SegmentCallDefaults> = {}): SegmentCallDefaults => ({
  ...(callType === undefined ? {} : { callType }),
  receivedAtMs: Date.parse(RECEIVED_AT),
  isRequestKey: (writeKey) => writeKey === 'wk_acme',
  ...extra,
});
/** The candidate (or failure) of one call sent to /v1/<callType>. */
const map = (message: unknown, callType?: string, extra: Partial<SegmentCallDefaults> = {}) =>
  mapSegmentCall(message, defaults(callType, extra), ctx.identity).candidate;
const accepted = (candidates: readonly unknown[]) => checkBatch(candidates, ctx).results.map((r) => r.status);

const context = {
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15',
  page: { url: 'https://acme.test/pricing', title: 'Pricing', path: '/pricing', referrer: 'https://g.test/' },
  campaign: { source: 'newsletter', medium: 'email', name: 'spring' },
};

describe('Segment calls → canonical events', () => {
  it('maps a Form Submitted call to web.form_submitted with its fields, only the configured ones from a web page', () => {
    const call = {
      type: 'track',
      messageId: 'f1',
      anonymousId: 'a-1',
      event: 'Form Submitted',
      properties: {
        form_id: 'demo',
        fields: { email: 'ada@example.com', company: 'Acme', password: 'hunter2', notes: 'call me' },
      },
      context,
    };
    const fromPage = map(call, 'track', { formFields: new Set(['email', 'company']) });
    expect(fromPage).toMatchObject({
      type: 'web.form_submitted',
      data: { form_id: 'demo', fields: { email: 'ada@example.com', company: 'Acme' }, url: context.page.url },
    });
    expect((fromPage as { data: { fields: object } }).data.fields).not.toHaveProperty('password');
    // Nothing configured: a web page's submission carries no field at all.
    expect((map(call, 'track', { formFields: new Set() }) as { data: object }).data).not.toHaveProperty(
      'fields',
    );
    // A server (secret key) sends what it has.
    expect(map(call, 'track')).toMatchObject({ data: { fields: call.properties.fields } });
    // The canonical name passes through the same filter.
    expect(
      map({ ...call, event: 'web.form_submitted' }, 'track', { formFields: new Set(['email']) }),
    ).toMatchObject({
      type: 'web.form_submitted',
      data: { form_id: 'demo', fields: { email: 'ada@example.com' } },
    });
    expect(accepted([fromPage])).toEqual(['accepted']);
    // A refused call's dead-letter copy (the call as received) holds only the configured fields too.
    const refused = map({ ...call, timestamp: 'yesterday' }, 'track', { formFields: new Set(['email']) });
    expect(refused).toBeInstanceOf(MappingFailure);
    expect((refused as MappingFailure).original).toMatchObject({
      properties: { fields: { email: 'ada@example.com' } },
    });
    expect(JSON.stringify((refused as MappingFailure).original)).not.toContain('hunter2');
  });

  it('maps a page call to web.page_viewed with context', () => {
    const candidate = map(
      {
        type: 'page',
        messageId: 'm1',
        anonymousId: 'a-1',
        timestamp: '2026-11-23T09:59:00Z',
        name: 'Pricing',
        context,
      },
      'page',
    );
    expect(candidate).toEqual({
      id: 'm1',
      subject: 'anon:a-1',
      time: '2026-11-23T09:59:00.000Z',
      source: '/v1/page',
      type: 'web.page_viewed',
      data: {
        url: 'https://acme.test/pricing',
        title: 'Pricing',
        path: '/pricing',
        referrer: 'https://g.test/',
        name: 'Pricing',
        user_agent: context.userAgent,
        utm: { source: 'newsletter', medium: 'email', campaign: 'spring' },
      },
    });
    expect(accepted([candidate])).toEqual(['accepted']);
  });

  it('keys an identify by its user id, else by the email its traits name, else by the anonymous id', () => {
    const subjectOf = (call: Record<string, unknown>) =>
      (map(call, 'identify') as { subject?: string }).subject;
    expect(subjectOf({ userId: 'u-1', anonymousId: 'v-1', traits: { email: 'a@b.io' } })).toBe('user:u-1');
    expect(subjectOf({ anonymousId: 'v-1', traits: { email: 'Ann@B.io' } })).toBe('email:ann@b.io');
    expect(subjectOf({ anonymousId: 'v-1', traits: { plan: 'pro' } })).toBe('anon:v-1');
  });

  it('maps Segment’s published alias calls to merges: into the userId, the previousId as an anonymous id when it is the call’s own', () => {
    expect(map(segmentAliasExample('basic'), 'alias')).toMatchObject({
      subject: 'user:507f191e81',
      type: 'contact.merged',
      data: { merged_subject: 'user:jen@email.com' },
    });
    const complete = segmentAliasExample('complete');
    expect(map(complete, 'alias')).toMatchObject({
      id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
      data: { merged_subject: 'user:39239-239239-239239-23923' },
    });
    expect(map({ ...complete, previousId: complete['anonymousId'] }, 'alias')).toMatchObject({
      data: { merged_subject: 'anon:507f191e810c19729de860ea' },
    });
    expect(map({ userId: 'u-1' }, 'alias')).toMatchObject({ issues: [{ field: 'previousId' }] });
  });

  it('maps identify to contact.identified with normalised identities and flattened traits', () => {
    const candidate = map(
      {
        messageId: 'm2',
        userId: 'u-9',
        anonymousId: 'a-1',
        traits: {
          email: 'Ann@Acme.test',
          phone: '(415) 555-0100',
          title: 'CTO',
          address: { city: 'Berlin' },
        },
      },
      'identify',
    );
    expect(candidate).toMatchObject({
      subject: 'user:u-9',
      type: 'contact.identified',
      data: {
        identities: { user_id: 'u-9', anonymous_id: 'a-1', email: 'ann@acme.test', phone: '+14155550100' },
        traits: { email: 'Ann@Acme.test', phone: '(415) 555-0100', title: 'CTO', 'address.city': 'Berlin' },
      },
    });
    expect(accepted([candidate])).toEqual(['accepted']);
  });

  it('maps Segment spec track names and canonical names', () => {
    const clicked = map(
      {
        messageId: 'm3',
        userId: 'u',
        event: 'Email Link Clicked',
        properties: { email_id: 'e1', link_url: 'https://acme.test/x' },
        context,
      },
      'track',
    );
    expect(clicked).toMatchObject({
      type: 'email.clicked',
      data: { message_id: 'e1', url: 'https://acme.test/x', provider: 'segment' },
    });
    const canonical = map(
      { messageId: 'm4', userId: 'u', event: 'webinar.attended', properties: { webinar_id: 'w1' } },
      'track',
    );
    expect(canonical).toMatchObject({ type: 'webinar.attended', data: { webinar_id: 'w1' } });
    expect(accepted([clicked, canonical])).toEqual(['accepted', 'accepted']);
  });

  it('rejects what it cannot map, naming the field', () => {
    expect(map({ messageId: 'm', userId: 'u' }, 'track')).toMatchObject({
      id: 'm',
      issues: [{ field: 'event', expected: 'the name of the tracked event' }],
    });
    expect(map({ messageId: 'm' }, 'page')).toMatchObject({ issues: [{ field: 'userId' }] });
    expect(map({ messageId: 'm', userId: 'u' }, 'page')).toMatchObject({
      issues: [{ field: 'properties.url', expected: expect.stringContaining('or the page name (name)') }],
    });
    expect(map({ messageId: { id: 1 }, userId: 'u', event: 'Signed Up' }, 'track')).toMatchObject({
      issues: [{ field: 'messageId', expected: expect.stringContaining('leave it out') }],
    });
    expect(map(['not', 'a', 'call'], 'track')).toMatchObject({ issues: [{ field: '(message)' }] });
  });

  it('maps a batch call by call, keeping the failures in place', () => {
    const batch = segmentBatchOf({
      batch: [
        { type: 'page', messageId: 'p', userId: 'u', properties: { url: 'https://acme.test' } },
        { type: 'screen', messageId: 's', userId: 'u', name: 'Home' },
      ],
    });
    if (batch instanceof MappingFailure) throw new Error('unexpected');
    const { candidates } = mapSegmentCalls(batch.calls, defaults(), ctx.identity);
    expect(checkBatch(candidates, ctx).results).toEqual([
      { index: 0, id: 'p', status: 'accepted' },
      {
        index: 1,
        id: 's',
        status: 'rejected',
        reason: 'invalid',
        errors: [
          { field: 'type', expected: 'one of track, identify, page, group, alias (screen is not ingested)' },
        ],
      },
    ]);
    expect(segmentBatchOf({ nope: 1 })).toBeInstanceOf(MappingFailure);
    expect(segmentBatchOf({ batch: [], context: 'x' })).toMatchObject({ issues: [{ field: 'context' }] });
  });
});

describe('group calls → the contact’s company (contact.updated)', () => {
  const INITECH = {
    'company.name': 'Initech',
    'company.industry': 'Technology',
    'company.employees': 329,
    'company.plan': 'enterprise',
    'company.total billed': 830,
    'company.id': '0e8c78ea9d97a7b8185e8632',
  };

  it("maps the Spec's complete group example (segment.com/docs/connections/spec/group/) to the contact's company", () => {
    const candidate = map(segmentGroupExample('complete'), 'group');
    // Its sentAt is its timestamp (no clock skew): the event time is the receipt time, as Segment computes it.
    expect(candidate).toEqual({
      id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
      subject: 'user:97980cfea0067',
      time: RECEIVED_AT,
      source: '/v1/group',
      type: 'contact.updated',
      data: { traits: INITECH },
    });
    // Written with a publishable key (ctx), as analytics.js sends it from the page.
    expect(accepted([candidate])).toEqual(['accepted']);
    // Through /v1/batch (the call names its type): the same event.
    expect(map(segmentGroupExample('complete'))).toEqual(candidate);
  });

  it("maps the Spec's typical group payload once it names its contact (Segment's own example has no user)", () => {
    const basic = segmentGroupExample('basic');
    expect(map(basic)).toMatchObject({
      issues: [{ field: 'userId', expected: 'a userId or an anonymousId' }],
    });
    const mapped = mapSegmentCall({ ...basic, anonymousId: 'v-7' }, defaults(), ctx.identity);
    expect(mapped.idDerived).toBe(true);
    expect(mapped.candidate).toEqual({
      id: expect.stringMatching(/^seg-[0-9a-f]{32}$/),
      subject: 'anon:v-7',
      source: '/v1/group',
      type: 'contact.updated',
      data: { traits: INITECH },
    });
    expect(accepted([mapped.candidate])).toEqual(['accepted']);
  });

  it('requires a groupId (a non-blank string or a number, kept as a string)', () => {
    for (const groupId of [undefined, null, '', '  ', { id: 'acme' }, ['acme'], true]) {
      const call = {
        messageId: 'g',
        userId: 'u',
        traits: { name: 'Acme' },
        ...(groupId === undefined ? {} : { groupId }),
      };
      const refused = map(call, 'group');
      expect(refused).toBeInstanceOf(MappingFailure);
      expect(refused).toMatchObject({
        id: 'g',
        original: call,
        issues: [{ field: 'groupId', expected: expect.stringContaining('the id of the account (company') }],
      });
    }
    expect(map({ messageId: 'g', userId: 'u', groupId: 4242 }, 'group')).toMatchObject({
      data: { traits: { 'company.id': '4242' } },
    });
  });

  it('sets company.id alone without traits, and groupId wins over a trait named id', () => {
    expect(map({ messageId: 'g', userId: 'u', groupId: 'acme' }, 'group')).toMatchObject({
      data: { traits: { 'company.id': 'acme' } },
    });
    expect(map({ messageId: 'g', userId: 'u', groupId: 'acme', traits: 'Acme' }, 'group')).toEqual(
      expect.objectContaining({ data: { traits: { 'company.id': 'acme' } } }),
    );
    expect(
      map({ messageId: 'g', userId: 'u', groupId: 'acme', traits: { id: 'other', name: 'Acme' } }, 'group'),
    ).toMatchObject({ data: { traits: { 'company.id': 'acme', 'company.name': 'Acme' } } });
    const nestedId = map(
      { messageId: 'g', userId: 'u', groupId: 'acme', traits: { id: { crm: 'x-1' } } },
      'group',
    );
    expect((nestedId as { data: unknown }).data).toEqual({ traits: { 'company.id': 'acme' } });
  });

  it('sets the same profile fields as an identify’s reserved company trait, flattened as identify flattens', () => {
    const company = { id: 'acme', name: 'Acme', industry: 'Software', employee_count: 120, plan: 'pro' };
    const identify = map({ messageId: 'i', userId: 'u', traits: { company } }, 'identify') as {
      data: { traits: object };
    };
    const { id: groupId, ...traits } = company;
    const group = map({ messageId: 'g', userId: 'u', groupId, traits }, 'group') as {
      data: { traits: object };
    };
    expect(group.data.traits).toEqual(identify.data.traits);
    // Nested traits: dotted names, scalars only (contact.schema.json's traits are flat).
    expect(
      map(
        {
          messageId: 'g',
          userId: 'u',
          groupId: 'acme',
          traits: { address: { city: 'Berlin', geo: { lat: 52.5 } }, tags: ['b2b'] },
        },
        'group',
      ),
    ).toMatchObject({ data: { traits: { 'company.id': 'acme', 'company.address.city': 'Berlin' } } });
  });

  it('keys the call like track: userId, else anonymousId — never the email of the account', () => {
    const subjectOf = (call: Record<string, unknown>) =>
      (map({ groupId: 'acme', ...call }, 'group') as { subject?: string }).subject;
    expect(subjectOf({ userId: 'u-1', anonymousId: 'v-1' })).toBe('user:u-1');
    expect(subjectOf({ anonymousId: 'v-1', traits: { email: 'billing@acme.test' } })).toBe('anon:v-1');
    expect(map({ groupId: 'acme' }, 'group')).toMatchObject({ issues: [{ field: 'userId' }] });
  });

  it("refuses a publishable key's contact.updated of anything but the company; a secret key may write any", () => {
    const update = (traits: Record<string, unknown>) => ({
      id: 'u1',
      subject: 'user:u',
      type: 'contact.updated',
      data: { traits },
    });
    const results = checkBatch(
      [
        update({ 'company.id': 'acme' }),
        update({ title: 'CTO' }),
        update({ 'company.id': 'acme', title: 'CTO' }),
      ],
      ctx,
    ).results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(results[1]).toMatchObject({
      reason: 'forbidden',
      errors: [{ field: 'type', expected: expect.stringContaining('company.* traits') }],
    });
    expect(
      checkBatch([update({ title: 'CTO' })], { ...ctx, keyKind: 'secret' }).results.map((r) => r.status),
    ).toEqual(['accepted']);
  });
});

describe('custom events from track', () => {
  it("turns Segment's own Track example into custom.Item Purchased with every property kept", () => {
    // Its writeKey is the documentation's placeholder; the route checked it (authenticateSegmentBody).
    const candidate = map(segmentHttpApiExample('track'), 'track', { isRequestKey: () => true });
    expect(candidate).toEqual({
      id: expect.stringMatching(/^seg-[0-9a-f]{32}$/),
      subject: 'user:019mr8mf4r',
      time: '2012-12-02T00:30:12.984Z',
      source: '/v1/track',
      type: 'custom.Item Purchased',
      data: { name: 'Leap to Conclusions Mat', revenue: 14.99 },
    });
    expect(accepted([candidate])).toEqual(['accepted']);
  });

  it('adds the page, campaign and user agent of the context where the properties have none', () => {
    const candidate = map(
      {
        messageId: 'k1',
        userId: 'u',
        event: 'Call Scheduled',
        properties: { calendar: 'sales', title: 'Intro call', slot: { day: 'Mon', hour: 10 }, tags: ['a'] },
        context: { ...context, ip: '24.5.68.47', locale: 'en-US', traits: { email: 'a@b.test' } },
        integrations: { All: false },
      },
      'track',
    );
    expect(candidate).toMatchObject({
      type: 'custom.Call Scheduled',
      data: {
        calendar: 'sales',
        title: 'Intro call',
        slot: { day: 'Mon', hour: 10 },
        tags: ['a'],
        url: 'https://acme.test/pricing',
        path: '/pricing',
        referrer: 'https://g.test/',
        user_agent: context.userAgent,
        utm: { source: 'newsletter', medium: 'email', campaign: 'spring' },
      },
    });
    // Not kept: the IP (privacy), locale, context traits, integrations.
    expect(JSON.stringify(candidate)).not.toMatch(/24\.5\.68\.47|en-US|a@b\.test|All/);
    expect(accepted([candidate])).toEqual(['accepted']);
  });

  it("maps the Spec's complete track example (analytics.js), its page and client in data", () => {
    const candidate = map(segmentSpecExample('track'));
    expect(candidate).toMatchObject({
      id: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
      subject: 'user:AiUGstSDIg',
      type: 'custom.Course Clicked',
      data: {
        title: 'Intro to Analytics',
        url: 'https://segment.com/academy/',
        path: '/academy/',
        user_agent: expect.stringContaining('Chrome/46'),
      },
    });
    expect(candidate).not.toHaveProperty('data.referrer');
  });

  it('takes a name already written custom.<name> as it is, and refuses names the namespace cannot hold', () => {
    expect(map({ messageId: 'c', userId: 'u', event: 'custom.Demo Requested' }, 'track')).toMatchObject({
      type: 'custom.Demo Requested',
    });
    for (const event of ['Demo Requested ', ' Demo', 'Tab\there', 'x'.repeat(201)]) {
      expect(map({ messageId: 'c', userId: 'u', event }, 'track')).toMatchObject({
        issues: [{ field: 'event', expected: expect.stringContaining('1–200 characters') }],
      });
    }
  });

  it('keeps the canonical mapping of the Segment spec names it knows; other names are custom events', () => {
    expect(map({ messageId: 'd', userId: 'u', event: 'Order Completed' }, 'track')).toMatchObject({
      type: 'contact.converted',
      data: { conversion: 'order_completed' },
    });
    // Not a Segment spec name: a team's own event, which a model scores as custom.Demo Requested.
    expect(map({ messageId: 'e', userId: 'u', event: 'Demo Requested' }, 'track')).toMatchObject({
      type: 'custom.Demo Requested',
    });
  });
});

describe('messageId', () => {
  const withoutId = { userId: 'u-1', event: 'Item Purchased', properties: { plan: 'pro', price: 149 } };

  it('derives a stable id for a call without one, the same whatever the key order, route or sentAt', () => {
    const alone = mapSegmentCall(withoutId, defaults('track'), ctx.identity);
    expect(alone.idDerived).toBe(true);
    const id = (alone.candidate as { id: string }).id;
    expect(id).toMatch(/^seg-[0-9a-f]{32}$/);
    const reordered = { properties: { price: 149, plan: 'pro' }, event: 'Item Purchased', userId: 'u-1' };
    expect(map(reordered, 'track')).toMatchObject({ id });
    const inBatch = { ...withoutId, type: 'track', sentAt: '2026-11-23T09:59:59Z', writeKey: 'wk_acme' };
    expect(map(inBatch)).toMatchObject({ id, source: '/v1/track' });
  });

  it('derives different ids for different calls, and for a track and an identify', () => {
    const id = (call: Record<string, unknown>, type = 'track') => (map(call, type) as { id: string }).id;
    const ids = new Set([
      id(withoutId),
      id({ ...withoutId, userId: 'u-2' }),
      id({ ...withoutId, properties: { plan: 'pro', price: 150 } }),
      id({ ...withoutId, timestamp: '2026-11-23T09:00:00Z' }),
      id({ ...withoutId, context: { page: { url: 'https://acme.test/b' } } }),
      id({ userId: 'u-1', traits: {} }, 'identify'),
      id({ userId: 'u-1', name: 'Home' }, 'page'),
      id({ userId: 'u-1', traits: {}, groupId: 'g-1' }, 'group'),
    ]);
    expect(ids.size).toBe(8);
  });

  it('keeps a messageId the call has, and says when it derived one', () => {
    const { candidates, derivedIds } = mapSegmentCalls(
      [
        { type: 'track', messageId: 'own', ...withoutId },
        { type: 'track', ...withoutId },
        { type: 'track', messageId: null, ...withoutId, userId: 'u-3' },
      ],
      defaults(),
      ctx.identity,
    );
    expect(candidates.map((c) => (c as { id: string }).id)).toEqual([
      'own',
      expect.stringMatching(/^seg-/),
      expect.stringMatching(/^seg-/),
    ]);
    expect([...derivedIds]).toEqual([1, 2]);
  });

  it('gives a refused call without messageId its derived id too', () => {
    const refused = mapSegmentCall({ event: 'Signed Up' }, defaults('track'), ctx.identity);
    expect(refused).toMatchObject({
      idDerived: true,
      candidate: { id: expect.stringMatching(/^seg-/), issues: [{ field: 'userId' }] },
    });
  });
});

describe('timestamps', () => {
  const call = (times: Record<string, unknown>) =>
    map({ messageId: 't', userId: 'u', event: 'X', ...times }, 'track');

  it('reads the forms Segment libraries send, as RFC 3339 UTC', () => {
    expect(call({ timestamp: '2015-2-02T00:30:08.276Z' })).toMatchObject({
      time: '2015-02-02T00:30:08.276Z',
    });
    expect(call({ timestamp: '2015-02-02 00:30:08' })).toMatchObject({ time: '2015-02-02T00:30:08.000Z' });
    expect(call({ timestamp: '2015-02-02T01:30:08+01:00' })).toMatchObject({
      time: '2015-02-02T00:30:08.000Z',
    });
    expect(call({ timestamp: '2015-02-02' })).toMatchObject({ time: '2015-02-02T00:00:00.000Z' });
  });

  it('uses originalTimestamp when there is no timestamp, and the receipt time when there is neither', () => {
    expect(call({ originalTimestamp: '2015-12-12T19:11:01.152Z' })).toMatchObject({
      time: '2015-12-12T19:11:01.152Z',
    });
    expect(call({ timestamp: null })).not.toHaveProperty('time');
  });

  it('takes the device clock skew out with sentAt, from the call or from the batch', () => {
    // The device clock is 1 h fast: it says it sent at 11:00:00.5 what it did at 11:00:00; it arrived at 10:00.
    const skewed = { timestamp: '2026-11-23T11:00:00.000Z', sentAt: '2026-11-23T11:00:00.500Z' };
    expect(call(skewed)).toMatchObject({ time: '2026-11-23T09:59:59.500Z' });
    expect(
      map({ messageId: 't', userId: 'u', event: 'X', timestamp: skewed.timestamp }, 'track', {
        sentAt: skewed.sentAt,
      }),
    ).toMatchObject({ time: '2026-11-23T09:59:59.500Z' });
  });

  it('refuses an unreadable time, naming the field — never dropped, never replaced by the receipt time', () => {
    for (const [field, value] of [
      ['timestamp', '2015-02-30T00:00:00Z'],
      ['timestamp', 'yesterday'],
      ['timestamp', 1_422_837_008],
      ['originalTimestamp', ''],
      ['sentAt', '02/02/2015'],
    ] as const) {
      expect(call({ [field]: value })).toMatchObject({
        issues: [
          { field, expected: expect.stringContaining('an ISO-8601 time such as 2015-02-02T00:30:08.276Z') },
        ],
      });
    }
  });
});

describe('writeKey and context of a batch', () => {
  it('strips the writeKey from every call, also from what is dead-lettered', () => {
    const refused = map({ type: 'screen', messageId: 's', userId: 'u', writeKey: 'wk_acme' });
    expect(refused).toBeInstanceOf(MappingFailure);
    expect((refused as MappingFailure).original).toEqual({ type: 'screen', messageId: 's', userId: 'u' });
    expect(
      JSON.stringify(map({ messageId: 'p', userId: 'u', name: 'Home', writeKey: 'wk_acme' }, 'page')),
    ).not.toContain('wk_acme');
  });

  it("refuses as forbidden a call that carries another workspace's key", () => {
    const foreign = map({ type: 'page', messageId: 'p', userId: 'u', name: 'Home', writeKey: 'wk_globex' });
    expect(foreign).toMatchObject({ reason: 'forbidden', issues: [{ field: 'writeKey' }] });
    expect(checkBatch([foreign], ctx).results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it("merges the batch's context under each call's own, as Segment's HTTP API does", () => {
    const batch = segmentBatchOf({
      batch: [
        { type: 'track', messageId: 'b1', userId: 'u', event: 'Clicked' },
        {
          type: 'track',
          messageId: 'b2',
          userId: 'u',
          event: 'Clicked',
          context: { userAgent: 'curl/8.5.0' },
        },
      ],
      context: { userAgent: 'Mozilla/5.0', page: { url: 'https://acme.test/a' } },
    });
    if (batch instanceof MappingFailure) throw new Error('unexpected');
    const { candidates } = mapSegmentCalls(
      batch.calls,
      defaults(undefined, { context: batch.context }),
      ctx.identity,
    );
    expect(candidates).toMatchObject([
      { data: { user_agent: 'Mozilla/5.0', url: 'https://acme.test/a' } },
      { data: { user_agent: 'curl/8.5.0', url: 'https://acme.test/a' } },
    ]);
    expect(checkBatch(candidates, ctx).accepted.map((e) => e.event.data)).toMatchObject([
      { bot: false },
      { bot: true, bot_reason: expect.any(String) },
    ]);
  });
});

describe("Segment's HTTP API examples", () => {
  it('are all accepted without a messageId, each with a derived id', () => {
    const single = (['identify', 'track', 'page', 'identifyWithIntegrations'] as const).map((name) =>
      mapSegmentCall(
        segmentHttpApiExample(name),
        defaults(name === 'identifyWithIntegrations' ? 'identify' : name, { isRequestKey: () => true }),
        ctx.identity,
      ),
    );
    expect(single.map((m) => m.idDerived)).toEqual([true, true, true, true]);
    expect(accepted(single.map((m) => m.candidate))).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(single[2]?.candidate).toMatchObject({
      type: 'web.page_viewed',
      time: '2012-12-02T00:31:29.738Z',
      data: { name: 'Tracking HTTP API' },
    });

    const batch = segmentBatchOf(segmentHttpApiExample('batch'));
    if (batch instanceof MappingFailure) throw new Error('unexpected');
    const { candidates, derivedIds } = mapSegmentCalls(
      batch.calls,
      defaults(undefined, { context: batch.context }),
      ctx.identity,
    );
    expect(derivedIds.size).toBe(4);
    expect(candidates.map((c) => [(c as { type: string }).type, (c as { time: string }).time])).toEqual([
      ['contact.identified', '2012-12-02T00:30:08.276Z'],
      ['custom.Song Played', '2012-12-02T00:30:12.984Z'],
      ['contact.identified', '2015-02-02T00:30:08.276Z'],
      ['custom.Song Played', '2015-02-02T00:30:12.984Z'],
    ]);
    expect(accepted(candidates)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it("maps the common fields' context (page, campaign, user agent) of the Spec onto a page view", () => {
    expect(map(segmentSpecExample('commonFields'), 'page')).toMatchObject({
      id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
      type: 'web.page_viewed',
      data: {
        url: 'https://segment.com/academy/',
        path: '/academy/',
        title: 'Analytics Academy',
        user_agent: expect.stringContaining('iPhone OS 9_1'),
        utm: {
          source: 'Newsletter',
          medium: 'email',
          campaign: 'TPS Innovation Newsletter',
          term: 'tps reports',
          content: 'image link',
        },
      },
    });
    // As a track call it has no event name.
    expect(map(segmentSpecExample('commonFields'))).toMatchObject({ issues: [{ field: 'event' }] });
  });
});

describe('hostile Segment calls', () => {
  it('refuses a call with hostile content before mapping it, keeping its messageId and the call as received', () => {
    const call = JSON.parse(
      '{"type":"identify","messageId":"m-proto","userId":"u-1","traits":{"plan":"pro","__proto__":null}}',
    ) as Record<string, unknown>;
    const failure = map(call, 'identify');
    expect(failure).toBeInstanceOf(MappingFailure);
    expect(failure).toMatchObject({
      id: 'm-proto',
      original: call,
      issues: [{ field: 'traits.__proto__', expected: expect.stringContaining('"__proto__"') }],
    });
  });

  it('refuses only the hostile calls of a batch', () => {
    const batch = segmentBatchOf(
      JSON.parse(
        `{"batch":[{"type":"page","messageId":"m-1","userId":"u-1","properties":{"url":"https://acme.test"}},` +
          `{"type":"track","messageId":"m-2","userId":"u-1","event":"Signed Up","properties":{"revenue":1e400}},` +
          `{"type":"track","messageId":"m-3","userId":"u-1","event":"Signed Up","context":${'['.repeat(5_000)}${']'.repeat(5_000)}}]}`,
      ) as unknown,
    );
    if (batch instanceof MappingFailure) throw new Error('unexpected');
    const { candidates } = mapSegmentCalls(batch.calls, defaults(), ctx.identity);
    expect(candidates.map((m) => (m instanceof MappingFailure ? m.issues[0]?.field : 'mapped'))).toEqual([
      'mapped',
      'properties.revenue',
      `context${'[0]'.repeat(63)}`,
    ]);
  });

  it('refuses a batch whose shared context is hostile, since every call would carry it', () => {
    const body = JSON.parse(
      `{"batch":[],"context":{"page":${'['.repeat(100)}${']'.repeat(100)}}}`,
    ) as unknown;
    expect(segmentBatchOf(body)).toMatchObject({
      issues: [{ field: expect.stringMatching(/^context\.page/) }],
    });
  });
});
