import { describe, expect, it } from '@jest/globals';
import { type AccountRollup, type AccountScoring } from '@leadscore/contracts';
import fc from 'fast-check';
import {
  accountFitOf,
  accountOfProfile,
  accountScoresOf,
  accountTraitsOf,
  fromCentiPoints,
  membersRead,
  rollUpEngagement,
  toCentiPoints,
  updateMember,
  type MemberRecord,
} from './accounts.js';

/** The roll-up by its definition, from every member's engagement (hundredths). */
function rollUpByDefinition(rollup: AccountRollup, engagement: readonly number[]): number {
  const highest = [...engagement].sort((a, b) => b - a);
  if (rollup.rollup === 'sum') return engagement.reduce((sum, value) => sum + value, 0);
  if (highest.length === 0) return 0;
  if (rollup.rollup === 'max') return highest[0] ?? 0;
  const counted = highest.slice(0, rollup.top ?? 1);
  return counted.reduce((sum, value) => sum + value, 0) / counted.length;
}

/** What the roll-up reads of an account: its sum, its count, and only its highest few. */
function inputOf(rollup: AccountRollup, engagement: readonly number[]) {
  const highest = [...engagement].sort((a, b) => b - a).slice(0, membersRead(rollup));
  return { sum: engagement.reduce((sum, value) => sum + value, 0), members: engagement.length, highest };
}

describe('account membership', () => {
  it('is the company.id trait first, flattened as ingest keeps it or nested', () => {
    expect(accountOfProfile({ 'company.id': 'acme-1', email: 'ann@initech.com' })).toBe('acme-1');
    expect(accountOfProfile({ company: { id: 42, name: 'Initech' } })).toBe('42');
    expect(accountOfProfile({ 'company.id': '  ', email: 'ann@initech.com' })).toBe('initech.com');
  });

  it('else the email domain, lower case, unless a free-mail or disposable domain', () => {
    expect(accountOfProfile({ email: 'Ann@Initech.COM' })).toBe('initech.com');
    expect(accountOfProfile({ email: 'ann@gmail.com' })).toBeUndefined();
    expect(accountOfProfile({ email: 'ann@outlook.com' })).toBeUndefined();
    expect(accountOfProfile({ email: 'ann@mailinator.com' })).toBeUndefined();
    expect(accountOfProfile({ email: 'not-an-address' })).toBeUndefined();
    expect(accountOfProfile({ plan: 'pro' })).toBeUndefined();
    expect(accountOfProfile(undefined)).toBeUndefined();
  });

  it('carries the account traits without the id', () => {
    expect(
      accountTraitsOf({
        'company.id': 'a',
        'company.industry': 'Software',
        'company.employees': 320,
        plan: 'x',
      }),
    ).toEqual({ industry: 'Software', employees: 320 });
    expect(accountTraitsOf({ company: { id: 'a', region: 'EMEA' } })).toEqual({ region: 'EMEA' });
    expect(accountTraitsOf({ 'company.id': 'a' })).toBeUndefined();
  });
});

describe('roll-up: a worked example per kind', () => {
  // Members with 40, 25.5, 10 and -5 points of current engagement.
  const members = [40, 25.5, 10, -5].map(toCentiPoints);
  const engagementOf = (rollup: AccountRollup) =>
    fromCentiPoints(rollUpEngagement(rollup, inputOf(rollup, members)));

  it('sum adds every member, negative ones included: 40 + 25.5 + 10 - 5 = 70.5', () => {
    expect(engagementOf({ rollup: 'sum' })).toBe(70.5);
  });

  it('max takes the highest member: 40', () => {
    expect(engagementOf({ rollup: 'max' })).toBe(40);
  });

  it('topMean takes the mean of the top N: (40 + 25.5 + 10) / 3 = 25.17', () => {
    expect(engagementOf({ rollup: 'topMean', top: 3 })).toBe(25.17);
  });

  it('topMean of an account with fewer members than N is the mean of them all', () => {
    expect(engagementOf({ rollup: 'topMean', top: 10 })).toBe(17.63);
  });

  it('an account without members has no engagement under every kind', () => {
    for (const rollup of [{ rollup: 'sum' }, { rollup: 'max' }, { rollup: 'topMean', top: 3 }] as const)
      expect(rollUpEngagement(rollup, { sum: 0, members: 0, highest: [] })).toBe(0);
  });
});

describe('account scores', () => {
  const scoring: AccountScoring = {
    engagement: { rollup: 'sum' },
    fit: [
      { id: 'software', field: 'industry', operator: 'equals', value: 'Software', points: 20 },
      { id: 'big', field: 'employees', operator: 'range', min: 200, points: 15 },
      { id: 'public-sector', field: 'industry', operator: 'equals', value: 'Government', points: -30 },
    ],
    grades: [
      { grade: 'A', min: 30 },
      { grade: 'B', min: 10, max: 30 },
      { grade: 'C', max: 10 },
    ],
    tiers: [
      { id: 'watch', countsAs: 'cold' },
      { id: 'target', countsAs: 'warm', enter: 50, exit: 40 },
      { id: 'qualified', countsAs: 'hot', enter: 100, exit: 90 },
    ],
  };

  it('adds the fit rules its traits match, and says which', () => {
    expect(accountFitOf(scoring, { industry: 'Software', employees: 320 })).toEqual({
      points: 35,
      rules: [
        { rule: 'software', points: 20 },
        { rule: 'big', points: 15 },
      ],
    });
    expect(accountFitOf(scoring, undefined)).toEqual({ points: 0, rules: [] });
  });

  it('totals fit and engagement, grades the fit and places the total in the account tiers with hysteresis', () => {
    expect(accountScoresOf(scoring, 35, 70.5, 4)).toEqual({
      fit: 35,
      engagement: 70.5,
      total: 105.5,
      tier: 'hot',
      tierName: 'qualified',
      grade: 'A',
      members: 4,
    });
    // 95 holds "qualified" (exit 90) for an account in it, but does not enter it.
    expect(accountScoresOf(scoring, 35, 60, 4, 'qualified').tierName).toBe('qualified');
    expect(accountScoresOf(scoring, 35, 60, 4).tierName).toBe('target');
  });
});

describe('member changes (property)', () => {
  const accounts = ['acme', 'initech', 'globex'];
  const changes = fc.array(
    fc.record({
      member: fc.integer({ min: 0, max: 5 }),
      account: fc.option(fc.constantFrom(...accounts), { nil: null }),
      engagement: fc.integer({ min: -5_000, max: 50_000 }),
      // Deliveries repeat and arrive late (a rebalance redelivers a batch).
      redeliver: fc.boolean(),
    }),
    { maxLength: 80 },
  );
  const rollups = fc.constantFrom<AccountRollup>(
    { rollup: 'sum' },
    { rollup: 'max' },
    { rollup: 'topMean', top: 2 },
    { rollup: 'topMean', top: 4 },
  );

  it('count each change once and move contributions on joins and leaves: the incremental sums and counts equal the roll-up by definition', () => {
    fc.assert(
      fc.property(changes, rollups, (steps, rollup) => {
        const members = new Map<number, MemberRecord>();
        const sequences = new Map<number, number>();
        const sums = new Map<string, number>();
        const counts = new Map<string, number>();
        const delivered: {
          member: number;
          change: { sequence: number; account: string | null; engagement: number };
        }[] = [];
        for (const step of steps) {
          const sequence = (sequences.get(step.member) ?? 0) + 1;
          sequences.set(step.member, sequence);
          const change = { sequence, account: step.account, engagement: step.engagement };
          delivered.push({ member: step.member, change });
          const deliveries = step.redeliver ? delivered.slice(-3) : [delivered.at(-1)];
          for (const delivery of deliveries) {
            if (!delivery) continue;
            const update = updateMember(members.get(delivery.member), delivery.change);
            if (update.duplicate) continue;
            members.set(delivery.member, update.record);
            for (const effect of update.effects) {
              sums.set(effect.account, (sums.get(effect.account) ?? 0) + effect.sumDelta);
              counts.set(effect.account, (counts.get(effect.account) ?? 0) + effect.membersDelta);
            }
          }
        }
        for (const account of accounts) {
          const engagement = [...members.values()]
            .filter((m) => m.account === account)
            .map((m) => m.engagement);
          expect(sums.get(account) ?? 0).toBe(engagement.reduce((sum, value) => sum + value, 0));
          expect(counts.get(account) ?? 0).toBe(engagement.length);
          const read = { sum: sums.get(account) ?? 0, members: counts.get(account) ?? 0 };
          const highest = [...engagement].sort((a, b) => b - a).slice(0, membersRead(rollup));
          expect(rollUpEngagement(rollup, { ...read, highest })).toBeCloseTo(
            rollUpByDefinition(rollup, engagement),
            9,
          );
        }
        // Every member holds its latest change.
        for (const [member, record] of members) expect(record.sequence).toBe(sequences.get(member));
      }),
    );
  });

  it('a redelivered change is a duplicate that changes nothing', () => {
    const stored: MemberRecord = { account: 'acme', engagement: 1_000, sequence: 7 };
    expect(updateMember(stored, { sequence: 7, account: 'globex', engagement: 5 })).toEqual({
      duplicate: true,
    });
    expect(updateMember(stored, { sequence: 3, account: null, engagement: 0 })).toEqual({ duplicate: true });
  });
});
