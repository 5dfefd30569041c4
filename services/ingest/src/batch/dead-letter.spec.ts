import { describe, expect, it } from '@jest/globals';
import { deadLetterDetail, deadLettersOf } from './dead-letter.js';
import { MappingFailure, type EventResult } from './event-batch.js';

describe('deadLettersOf', () => {
  const invalid = (index: number, id?: string): EventResult => ({
    index,
    ...(id ? { id } : {}),
    status: 'rejected',
    reason: 'invalid',
    errors: [{ field: 'data.url', expected: 'a string' }],
  });

  it('keeps invalid and too-large inputs as received, in input order; not accepted, duplicate or forbidden ones', () => {
    const candidates = [
      { id: 'ok', type: 'web.page_viewed' },
      { id: 'bad', type: 'web.page_viewed', data: { url: 42 } },
      { id: 'foreign', workspace: 'globex' },
      { id: 'big', type: 'email.clicked', data: { url: 'x'.repeat(10) } },
      { id: 'ok', type: 'web.page_viewed' },
    ];
    const results: EventResult[] = [
      { index: 0, id: 'ok', status: 'accepted' },
      invalid(1, 'bad'),
      {
        index: 2,
        id: 'foreign',
        status: 'rejected',
        reason: 'forbidden',
        errors: [{ field: 'workspace', expected: '"acme"' }],
      },
      {
        index: 3,
        id: 'big',
        status: 'rejected',
        reason: 'too_large',
        errors: [{ field: '(event)', expected: 'at most 10 bytes' }],
      },
      { index: 4, id: 'ok', status: 'duplicate', duplicateOf: 0 },
    ];
    expect(deadLettersOf(candidates, results)).toEqual([
      {
        index: 1,
        id: 'bad',
        type: 'web.page_viewed',
        reason: 'invalid',
        detail: 'invalid: data.url: expected a string',
        value: JSON.stringify(candidates[1]),
      },
      {
        index: 3,
        id: 'big',
        type: 'email.clicked',
        reason: 'too_large',
        detail: 'too_large: (event): expected at most 10 bytes',
        value: JSON.stringify(candidates[3]),
      },
    ]);
  });

  it('takes the original of an unmappable input (no event type), and null when no one kept it', () => {
    const call = { type: 'alias', messageId: 'm-1' };
    const letters = deadLettersOf(
      [
        new MappingFailure([{ field: 'type', expected: 'track' }], 'm-1', call),
        new MappingFailure([{ field: '(body)', expected: 'an array' }]),
        7,
      ],
      [invalid(0, 'm-1'), invalid(1), invalid(2)],
    );
    expect(letters.map((l) => [l.id, l.type, l.value])).toEqual([
      ['m-1', undefined, JSON.stringify(call)],
      [undefined, undefined, null],
      [undefined, undefined, '7'],
    ]);
  });

  it('keeps no copy of an input too deep to serialize, and says so within the length limit', () => {
    const deep: unknown = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    const errors = Array.from({ length: 100 }, () => ({ field: '(event)', expected: 'a JSON object' }));
    const [direct, mapped] = deadLettersOf(
      [deep, new MappingFailure([{ field: '(body)', expected: 'x' }], undefined, { payload: deep })],
      [{ index: 0, status: 'rejected', reason: 'invalid', errors }, invalid(1)],
    );
    expect(direct?.value).toBeNull();
    expect(direct?.detail.length).toBe(1_000);
    expect(direct?.detail.endsWith('… (value not kept: it nests deeper than 64 levels)')).toBe(true);
    expect(mapped).toMatchObject({
      value: null,
      detail: 'invalid: data.url: expected a string (value not kept: it nests deeper than 64 levels)',
    });
  });

  it('keeps the reason header under 1000 characters', () => {
    const errors = Array.from({ length: 100 }, (_, i) => ({
      field: `data.field_${i}`,
      expected: 'a string of at most 64 characters',
    }));
    const detail = deadLetterDetail('invalid', errors);
    expect(detail.length).toBe(1_000);
    expect(detail.startsWith('invalid: data.field_0: expected a string')).toBe(true);
  });
});

describe('MappingFailure.about', () => {
  it('attaches the input once; a failure that already has one keeps it', () => {
    const failure = new MappingFailure([{ field: 'x', expected: 'y' }], 'id-1');
    const withOriginal = failure.about({ a: 1 });
    expect(withOriginal).toMatchObject({ id: 'id-1', original: { a: 1 }, issues: failure.issues });
    expect(withOriginal.about({ b: 2 }).original).toEqual({ a: 1 });
  });
});
