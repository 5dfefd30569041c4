import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createEventValidator } from '@leadscore/contracts';
import { checkBatch, type BatchContext } from './event-batch.js';

const ctx: BatchContext = {
  workspace: 'acme',
  keyKind: 'secret',
  defaultSource: '/v1/events',
  receivedAt: '2026-11-23T10:00:00.000Z',
  identity: { defaultCountry: 'US' },
  maxEventBytes: 2_048,
  validator: createEventValidator(),
};

const view = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'web.page_viewed',
  subject: 'email:Ann@Example.com',
  data: { url: 'https://example.com/pricing' },
  ...extra,
});

describe('checkBatch', () => {
  it('fills defaults, normalises the subject and keeps every valid event', () => {
    const { results, accepted } = checkBatch([view('a'), view('b')], ctx);
    expect(results).toEqual([
      { index: 0, id: 'a', status: 'accepted' },
      { index: 1, id: 'b', status: 'accepted' },
    ]);
    expect(accepted[0]?.event).toEqual({
      specversion: '1.0',
      id: 'a',
      source: '/v1/events',
      type: 'web.page_viewed',
      time: '2026-11-23T10:00:00.000Z',
      subject: 'email:ann@example.com',
      workspace: 'acme',
      data: { url: 'https://example.com/pricing' },
    });
    expect(JSON.parse(accepted[0]?.value ?? '')).toEqual(accepted[0]?.event);
  });

  it('rejects bad events by index and reason without dropping their valid siblings', () => {
    const { results, accepted } = checkBatch(
      [view('a'), 'nope', view('c', { type: 'web.teleported' }), view('d', { data: {} }), view('e')],
      ctx,
    );
    expect(accepted.map((a) => a.index)).toEqual([0, 4]);
    expect(results[1]).toEqual({
      index: 1,
      status: 'rejected',
      reason: 'invalid',
      errors: [{ field: '(event)', expected: 'a JSON object' }],
    });
    expect(results[2]).toMatchObject({
      index: 2,
      id: 'c',
      status: 'rejected',
      reason: 'invalid',
      errors: [{ field: 'type' }],
    });
    expect(results[3]).toMatchObject({
      index: 3,
      status: 'rejected',
      errors: [{ field: 'data.url', expected: 'a value (the field is required)' }],
    });
  });

  it('reports a repeated id as duplicate-in-request and produces it once', () => {
    const { results, accepted } = checkBatch([view('a'), view('a'), view('b')], ctx);
    expect(results[1]).toEqual({ index: 1, id: 'a', status: 'duplicate', duplicateOf: 0 });
    expect(accepted).toHaveLength(2);
  });

  it('lets an id rejected once be accepted when it comes again valid', () => {
    const { results } = checkBatch([view('a', { data: {} }), view('a')], ctx);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
  });

  it('refuses events for another workspace and profile changes under a publishable key', () => {
    const { results } = checkBatch(
      [
        view('a', { workspace: 'globex' }),
        { id: 'u', type: 'contact.updated', subject: 'user:1', data: { traits: { title: 'CEO' } } },
      ],
      { ...ctx, keyKind: 'publishable' },
    );
    expect(results[0]).toMatchObject({
      status: 'rejected',
      reason: 'forbidden',
      errors: [{ field: 'workspace' }],
    });
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: 'forbidden',
      errors: [{ field: 'type', expected: expect.stringContaining('secret key') }],
    });
  });

  it('refuses outcomes even from a secret key: only the api records them', () => {
    const won = { id: 'o', type: 'outcome.won', subject: 'user:1', data: { actor: { key_id: 'k' } } };
    const { results, accepted } = checkBatch([won, view('a')], ctx);
    expect(accepted.map((a) => a.index)).toEqual([1]);
    expect(results[0]).toEqual({
      index: 0,
      id: 'o',
      status: 'rejected',
      reason: 'forbidden',
      errors: [{ field: 'type', expected: expect.stringContaining('POST /v1/contacts/{contact}/outcomes') }],
    });
  });

  it('refuses contact.erased even from a secret key: only the api erases a contact', () => {
    const erasure = { id: 'x', type: 'contact.erased', subject: 'user:1', data: {} };
    const { results, accepted } = checkBatch([erasure, view('a')], ctx);
    expect(accepted.map((a) => a.index)).toEqual([1]);
    expect(results[0]).toEqual({
      index: 0,
      id: 'x',
      status: 'rejected',
      reason: 'forbidden',
      errors: [{ field: 'type', expected: expect.stringContaining('DELETE /v1/contacts/{contact}') }],
    });
  });

  it('rejects events above the per-event size limit', () => {
    const { results } = checkBatch(
      [view('big', { data: { url: 'https://example.com/' + 'x'.repeat(3_000) } })],
      ctx,
    );
    expect(results[0]).toMatchObject({
      status: 'rejected',
      reason: 'too_large',
      errors: [{ expected: expect.stringContaining('at most 2048 bytes') }],
    });
  });

  it('marks bot page views instead of dropping them', () => {
    const { accepted } = checkBatch(
      [view('a', { data: { url: 'https://example.com', user_agent: 'Googlebot/2.1' } })],
      ctx,
    );
    expect(accepted[0]?.event.data).toMatchObject({ bot: true, bot_reason: 'bot_user_agent' });
  });

  it('accepts custom events under a publishable key, keeps their properties and marks bot user agents', () => {
    const custom = (id: string, data: Record<string, unknown>) => ({
      id,
      type: 'custom.Application Submitted',
      subject: 'anon:a-1',
      data,
    });
    const { results, accepted } = checkBatch(
      [
        custom('c1', { program: 'coaching', answers: { budget: 5000 }, user_agent: 'Googlebot/2.1' }),
        custom('c2', { program: 'coaching', user_agent: 'Mozilla/5.0 (Macintosh) Safari/605.1.15' }),
        custom('c3', { program: 'coaching' }),
        custom('c4', { user_agent: 'Googlebot/2.1', bot: false }),
      ],
      { ...ctx, keyKind: 'publishable' },
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(accepted.map((a) => a.event.data)).toEqual([
      {
        program: 'coaching',
        answers: { budget: 5000 },
        user_agent: 'Googlebot/2.1',
        bot: true,
        bot_reason: 'bot_user_agent',
      },
      { program: 'coaching', user_agent: 'Mozilla/5.0 (Macintosh) Safari/605.1.15', bot: false },
      { program: 'coaching' },
      // The sender classified it: kept as sent.
      { user_agent: 'Googlebot/2.1', bot: false },
    ]);
  });

  it('refuses hostile content per event, naming the field, before anything else reads the event', () => {
    const form = (id: string, fields: string) =>
      JSON.parse(
        `{"id":"${id}","type":"web.form_submitted","subject":"email:ann@example.com","data":{"form_id":"f","fields":{${fields}}}}`,
      ) as unknown;
    const { results, accepted } = checkBatch(
      [
        view('good-1'),
        form('deep', `"deep":${'['.repeat(5_000)}${']'.repeat(5_000)}`),
        form('proto', '"__proto__":{"polluted":true}'),
        form('infinite', '"amount":1e400'),
        form('nul', '"note":"a\\u0000b"'),
        form('surrogate', '"note":"\\ud800"'),
        form('constructor', '"constructor":"c","prototype":"p","plan":"first","plan":"last"'),
        view('good-2'),
      ],
      ctx,
    );
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['good-1', 'accepted'],
      ['deep', 'rejected'],
      ['proto', 'rejected'],
      ['infinite', 'rejected'],
      ['nul', 'rejected'],
      ['surrogate', 'rejected'],
      ['constructor', 'accepted'],
      ['good-2', 'accepted'],
    ]);
    const errors = results.map((r) => (r.status === 'rejected' ? r.errors : []));
    expect(errors[1]).toEqual([
      {
        field: `data.fields.deep${'[0]'.repeat(61)}`,
        expected: 'at most 64 levels of nested objects and arrays; this value nests deeper, flatten it',
      },
    ]);
    expect(errors[2]).toMatchObject([{ field: 'data.fields.__proto__' }]);
    expect(errors[3]).toMatchObject([
      { field: 'data.fields.amount', expected: expect.stringContaining('finite') },
    ]);
    expect(errors[4]).toMatchObject([
      { field: 'data.fields.note', expected: expect.stringContaining('NUL') },
    ]);
    expect(errors[5]).toMatchObject([
      { field: 'data.fields.note', expected: expect.stringContaining('surrogate') },
    ]);
    expect(accepted[1]?.event.data).toEqual({
      form_id: 'f',
      fields: JSON.parse('{"constructor":"c","prototype":"p","plan":"last"}') as unknown,
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers every input exactly once, in order, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.anything(), fc.constantFrom(view('a'), view('b'), view('a', { data: {} })))),
        (events) => {
          const { results, accepted } = checkBatch(events, ctx);
          expect(results.map((r) => r.index)).toEqual(events.map((_, i) => i));
          expect(accepted.length).toBe(results.filter((r) => r.status === 'accepted').length);
        },
      ),
    );
  });
});
