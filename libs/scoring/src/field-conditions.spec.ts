import { describe, expect, it } from '@jest/globals';
import type { Condition, FitRule } from '@leadscore/contracts';
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

describe('compound conditions (all, any, not)', () => {
  const enterpriseConditions: Condition[] = [
    { field: 'country', operator: 'in', values: ['US', 'CA'] },
    {
      operator: 'any',
      conditions: [
        { field: 'company.employees', operator: 'range', min: 1000 },
        { field: 'industry', operator: 'in', values: ['finance', 'health'] },
      ],
    },
    { operator: 'not', condition: { field: 'email', operator: 'regex', pattern: '@(gmail|yahoo)\\.com$' } },
  ];
  const enterprise: Condition = { operator: 'all', conditions: enterpriseConditions };

  // Worked by hand: country ∈ {US, CA} AND (employees ≥ 1000 OR industry ∈ {finance, health}) AND NOT free mail.
  it.each([
    [{ country: 'US', company: { employees: 5000 }, email: 'a@corp.com' }, true],
    [{ country: 'CA', industry: 'health', company: { employees: 20 }, email: 'a@clinic.ca' }, true],
    [{ country: 'US', company: { employees: 20 }, industry: 'retail', email: 'a@shop.com' }, false],
    [{ country: 'DE', company: { employees: 5000 }, email: 'a@corp.de' }, false],
    [{ country: 'US', company: { employees: 5000 }, email: 'ceo@gmail.com' }, false],
    [{ 'company.employees': '1200', country: 'US', email: 'a@corp.com' }, true],
  ])('%j → %s', (profile, expected) => {
    expect(conditionHolds(enterprise, profile)).toBe(expected);
  });

  it('reads an "any" as at least one and a "not" as the opposite, with simple conditions inside', () => {
    const anyOf: Condition = {
      operator: 'any',
      conditions: [
        { field: 'path', operator: 'equals', value: '/pricing' },
        { field: 'path', operator: 'regex', pattern: '^/plans/' },
      ],
    };
    expect(filtersHold([anyOf], { path: '/plans/team' })).toBe(true);
    expect(filtersHold([anyOf], { path: '/blog' })).toBe(false);
    expect(filtersHold([{ operator: 'not', condition: anyOf }], { path: '/blog' })).toBe(true);
    // Filters stay a list that must all hold: a group is one of them.
    expect(filtersHold([anyOf, { field: 'utm.source', operator: 'exists' }], { path: '/pricing' })).toBe(
      false,
    );
  });

  it('treats a compound fit rule like its group of conditions', () => {
    const rule: FitRule = {
      id: 'us-enterprise',
      operator: 'all',
      conditions: enterpriseConditions,
      points: 20,
    };
    expect(conditionHolds(rule, { country: 'US', company: { employees: 5000 }, email: 'a@corp.com' })).toBe(
      true,
    );
    expect(conditionHolds(rule, {})).toBe(false);
  });
});
