import { describe, expect, it } from '@jest/globals';
import { createEventValidator } from '@leadscore/contracts';
import { decodeEventMessage } from './event-decoder.js';

const validator = createEventValidator();
const event = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/v1/events',
  type: 'web.form_submitted',
  time: '2026-11-23T10:00:00Z',
  subject: 'email:ann@example.com',
  workspace: 'acme',
  data: { form_id: 'demo', fields: { plan: 'pro' } },
};
const decode = (text: string) => decodeEventMessage(validator, '7', Buffer.from(text));
const withField = (name: string, rawValue: string): string =>
  JSON.stringify(event).replace('"plan":"pro"', `${JSON.stringify(name)}:${rawValue}`);

describe('decodeEventMessage', () => {
  it('decodes a valid event', () => {
    expect(decode(JSON.stringify(event))).toEqual({ ok: true, offset: '7', event });
  });

  it('dead-letters a record a producer other than ingest wrote with hostile content, naming the field', () => {
    const cases: [string, string][] = [
      [withField('note', '"a\\u0000b"'), 'invalid event: data.fields.note: expected text without NUL'],
      [
        withField('note', '"\\ud800"'),
        'invalid event: data.fields.note: expected text of well-formed Unicode',
      ],
      [
        withField('__proto__', '{"polluted":true}'),
        'invalid event: data.fields.__proto__: expected a field name',
      ],
      [withField('amount', '1e400'), 'invalid event: data.fields.amount: expected a finite number'],
      [withField('deep', '['.repeat(5_000) + ']'.repeat(5_000)), 'invalid event: data.fields.deep[0]'],
    ];
    for (const [text, reason] of cases) {
      const decoded = decode(text);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason.startsWith(reason)).toBe(true);
    }
  });

  it('still reports records that are not JSON, or not an event', () => {
    expect(decode('{"id":')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON: /) });
    expect(decode(JSON.stringify({ ...event, type: 'web.teleported' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid event: type: expected a known event type/),
    });
    expect(decodeEventMessage(validator, '8', null)).toMatchObject({ ok: false, offset: '8' });
  });
});
