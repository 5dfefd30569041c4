import { describe, expect, it } from '@jest/globals';
import { createEventValidator } from '@leadscore/contracts';
import { checkBatch, MappingFailure } from '../batch/event-batch.js';
import { mapSegmentBatch, mapSegmentCall } from './segment.mapper.js';

const ctx = {
  workspace: 'acme',
  keyKind: 'publishable' as const,
  defaultSource: '/v1/batch',
  receivedAt: '2026-11-23T10:00:00.000Z',
  identity: { defaultCountry: 'US' },
  maxEventBytes: 32_768,
  validator: createEventValidator(),
};

const context = {
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15',
  page: { url: 'https://acme.test/pricing', title: 'Pricing' },
  campaign: { source: 'newsletter', medium: 'email', name: 'spring' },
};

describe('Segment calls → canonical events', () => {
  it('maps a page call to web.page_viewed with context', () => {
    const candidate = mapSegmentCall(
      {
        type: 'page',
        messageId: 'm1',
        anonymousId: 'a-1',
        timestamp: '2026-11-23T09:59:00Z',
        name: 'Pricing',
        context,
      },
      'page',
      ctx.identity,
    );
    expect(candidate).toEqual({
      id: 'm1',
      subject: 'anon:a-1',
      time: '2026-11-23T09:59:00Z',
      source: '/v1/page',
      type: 'web.page_viewed',
      data: {
        url: 'https://acme.test/pricing',
        title: 'Pricing',
        name: 'Pricing',
        user_agent: context.userAgent,
        utm: { source: 'newsletter', medium: 'email', campaign: 'spring' },
      },
    });
    expect(checkBatch([candidate], ctx).results[0]?.status).toBe('accepted');
  });

  it('maps identify to contact.identified with normalised identities and flattened traits', () => {
    const candidate = mapSegmentCall(
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
      ctx.identity,
    );
    expect(candidate).toMatchObject({
      subject: 'user:u-9',
      type: 'contact.identified',
      data: {
        identities: { user_id: 'u-9', anonymous_id: 'a-1', email: 'ann@acme.test', phone: '+14155550100' },
        traits: { email: 'Ann@Acme.test', phone: '(415) 555-0100', title: 'CTO', 'address.city': 'Berlin' },
      },
    });
    expect(checkBatch([candidate], ctx).results[0]?.status).toBe('accepted');
  });

  it('maps Segment spec track names and canonical names', () => {
    const clicked = mapSegmentCall(
      {
        messageId: 'm3',
        userId: 'u',
        event: 'Email Link Clicked',
        properties: { email_id: 'e1', link_url: 'https://acme.test/x' },
        context,
      },
      'track',
      ctx.identity,
    );
    expect(clicked).toMatchObject({
      type: 'email.clicked',
      data: { message_id: 'e1', url: 'https://acme.test/x', provider: 'segment' },
    });
    const canonical = mapSegmentCall(
      { messageId: 'm4', userId: 'u', event: 'webinar.attended', properties: { webinar_id: 'w1' } },
      'track',
      ctx.identity,
    );
    expect(canonical).toMatchObject({ type: 'webinar.attended', data: { webinar_id: 'w1' } });
    expect(checkBatch([clicked, canonical], ctx).results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
  });

  it('rejects what it cannot map, naming the field', () => {
    const unknownName = mapSegmentCall(
      { messageId: 'm', userId: 'u', event: 'Cart Viewed' },
      'track',
      ctx.identity,
    );
    expect(unknownName).toBeInstanceOf(MappingFailure);
    expect(unknownName).toMatchObject({
      id: 'm',
      issues: [{ field: 'event', expected: expect.stringContaining('Email Opened') }],
    });
    expect(mapSegmentCall({ userId: 'u', event: 'Email Opened' }, 'track', ctx.identity)).toMatchObject({
      issues: [{ field: 'messageId' }],
    });
    expect(mapSegmentCall({ messageId: 'm' }, 'page', ctx.identity)).toMatchObject({
      issues: [{ field: 'userId' }],
    });
  });

  it('maps a batch call by call, keeping the failures in place', () => {
    const mapped = mapSegmentBatch(
      {
        batch: [
          { type: 'page', messageId: 'p', userId: 'u', properties: { url: 'https://acme.test' } },
          { type: 'group', messageId: 'g', userId: 'u' },
        ],
      },
      ctx.identity,
    );
    expect(Array.isArray(mapped)).toBe(true);
    const { results } = checkBatch(mapped as unknown[], ctx);
    expect(results).toEqual([
      { index: 0, id: 'p', status: 'accepted' },
      {
        index: 1,
        id: 'g',
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: 'type', expected: expect.stringContaining('track, identify, page') }],
      },
    ]);
    expect(mapSegmentBatch({ nope: 1 }, ctx.identity)).toBeInstanceOf(MappingFailure);
  });
});

describe('hostile Segment calls', () => {
  it('refuses a call with hostile content before mapping it, keeping its messageId and the call as received', () => {
    const call = JSON.parse(
      '{"type":"identify","messageId":"m-proto","userId":"u-1","traits":{"plan":"pro","__proto__":null}}',
    ) as Record<string, unknown>;
    const failure = mapSegmentCall(call, 'identify', ctx.identity);
    expect(failure).toBeInstanceOf(MappingFailure);
    expect(failure).toMatchObject({
      id: 'm-proto',
      original: call,
      issues: [{ field: 'traits.__proto__', expected: expect.stringContaining('"__proto__"') }],
    });
  });

  it('refuses only the hostile calls of a batch', () => {
    const batch = JSON.parse(
      `{"batch":[{"type":"page","messageId":"m-1","userId":"u-1","properties":{"url":"https://acme.test"}},` +
        `{"type":"track","messageId":"m-2","userId":"u-1","event":"Signed Up","properties":{"revenue":1e400}},` +
        `{"type":"track","messageId":"m-3","userId":"u-1","event":"Signed Up","context":${'['.repeat(5_000)}${']'.repeat(5_000)}}]}`,
    ) as unknown;
    const mapped = mapSegmentBatch(batch, ctx.identity);
    if (mapped instanceof MappingFailure) throw new Error('unexpected');
    expect(mapped.map((m) => (m instanceof MappingFailure ? m.issues[0]?.field : 'mapped'))).toEqual([
      'mapped',
      'properties.revenue',
      `context${'[0]'.repeat(63)}`,
    ]);
  });
});
