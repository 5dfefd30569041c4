import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deriveMessageId } from './segment-message-id.js';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, v]) => [key, reversedKeys(v)]),
  );
}

const json = fc.jsonValue({ maxDepth: 4 });
const call = fc.dictionary(
  fc.string().filter((key) => key !== '__proto__'),
  json,
  { maxKeys: 8 },
);

describe('deriveMessageId', () => {
  it('is seg- and 32 hex digits', () => {
    expect(deriveMessageId('track', { userId: 'u', event: 'X' })).toMatch(/^seg-[0-9a-f]{32}$/);
  });

  it('does not depend on the order of keys at any level (property)', () => {
    fc.assert(
      fc.property(call, (c) => {
        expect(deriveMessageId('track', reversedKeys(c) as Record<string, unknown>)).toBe(
          deriveMessageId('track', c),
        );
      }),
    );
  });

  it('ignores what a retry changes or the route implies: sentAt, receivedAt, writeKey, type', () => {
    const base = { userId: 'u', event: 'X', properties: { a: 1 } };
    const id = deriveMessageId('track', base);
    expect(
      deriveMessageId('track', {
        ...base,
        sentAt: '2026-01-01T00:00:00Z',
        receivedAt: '2026-01-01T00:00:01Z',
        writeKey: 'pk_1',
        type: 'track',
      }),
    ).toBe(id);
    expect(deriveMessageId('identify', base)).not.toBe(id);
  });

  it('differs when any other field differs (property)', () => {
    fc.assert(
      fc.property(call, fc.string({ minLength: 1 }), json, (c, key, value) => {
        fc.pre(!['messageId', 'writeKey', 'sentAt', 'receivedAt', 'type', '__proto__'].includes(key));
        fc.pre(JSON.stringify(c[key]) !== JSON.stringify(value) && value !== undefined);
        expect(deriveMessageId('track', { ...c, [key]: value })).not.toBe(deriveMessageId('track', c));
      }),
    );
  });
});
