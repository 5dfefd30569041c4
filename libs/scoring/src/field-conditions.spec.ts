import { describe, expect, it } from '@jest/globals';
import { conditionHolds, fieldAt, filtersHold } from './field-conditions.js';

describe('field conditions', () => {
  it('reads nested fields by dot path and never walks into the prototype', () => {
    expect(fieldAt({ address: { state: 'CO' } }, 'address.state')).toBe('CO');
    expect(fieldAt({}, 'constructor')).toBeUndefined();
    expect(fieldAt({ a: 'x' }, 'a.length')).toBeUndefined();
  });

  it('compares text exactly unless told to ignore case', () => {
    expect(conditionHolds({ field: 'title', operator: 'equals', value: 'CEO' }, { title: 'ceo' })).toBe(
      false,
    );
    expect(
      conditionHolds(
        { field: 'title', operator: 'equals', value: 'CEO', ignoreCase: true },
        { title: 'ceo' },
      ),
    ).toBe(true);
  });

  it('matches numbers given as numeric text', () => {
    expect(conditionHolds({ field: 'employees', operator: 'equals', value: 50 }, { employees: '50' })).toBe(
      true,
    );
    expect(
      conditionHolds({ field: 'employees', operator: 'range', min: 50, max: 1000 }, { employees: '1000' }),
    ).toBe(true);
    expect(conditionHolds({ field: 'employees', operator: 'range', min: 50 }, { employees: 'many' })).toBe(
      false,
    );
  });

  it('holds for a list field when any element matches', () => {
    expect(
      conditionHolds({ field: 'tags', operator: 'in', values: ['vip', 'partner'] }, { tags: ['new', 'vip'] }),
    ).toBe(true);
    expect(conditionHolds({ field: 'tags', operator: 'equals', value: 'vip' }, { tags: ['new'] })).toBe(
      false,
    );
  });

  it('treats null, empty text and empty lists as absent', () => {
    for (const value of [null, '', [], undefined]) {
      expect(conditionHolds({ field: 'phone', operator: 'exists' }, { phone: value })).toBe(false);
    }
    expect(conditionHolds({ field: 'phone', operator: 'exists' }, { phone: '+15550100' })).toBe(true);
  });

  it('matches regular expressions against text, numbers and booleans, with flags', () => {
    expect(
      conditionHolds(
        { field: 'path', operator: 'regex', pattern: '^/pricing(/|$)' },
        { path: '/pricing/teams' },
      ),
    ).toBe(true);
    expect(
      conditionHolds({ field: 'path', operator: 'regex', pattern: '^/pricing(/|$)' }, { path: '/pricingx' }),
    ).toBe(false);
    expect(
      conditionHolds(
        { field: 'email', operator: 'regex', pattern: '@GMAIL\\.', flags: 'i' },
        { email: 'a@gmail.com' },
      ),
    ).toBe(true);
    expect(
      conditionHolds({ field: 'path', operator: 'regex', pattern: '.' }, { path: { nested: true } }),
    ).toBe(false);
  });

  it('inverts any condition with negate, so a missing field passes a negated equals', () => {
    const human = { field: 'bot', operator: 'equals', value: true, negate: true } as const;
    expect(conditionHolds(human, { bot: true })).toBe(false);
    expect(conditionHolds(human, {})).toBe(true);
  });

  it('requires every filter to hold, and no filters always hold', () => {
    expect(filtersHold(undefined, undefined)).toBe(true);
    expect(
      filtersHold(
        [
          { field: 'a', operator: 'exists' },
          { field: 'b', operator: 'exists' },
        ],
        { a: 1 },
      ),
    ).toBe(false);
  });
});
