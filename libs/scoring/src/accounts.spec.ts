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
import { modelWith, T0 } from '../test/scoring-fixtures.js';
import { scoreContactEvent } from './replay.js';
import { toScoreChangedData, type ScoreChange } from './score-change.js';

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

describe('a contact joining, leaving and changing accounts (the scorer step)', () => {
  const model = modelWith({
    fit: [{ id: 'ceo', field: 'title', operator: 'equals', value: 'CEO', points: 10 }],
    engagement: [{ id: 'open', event: 'email.opened', points: 5 }],
  });
  let n = 0;
  const identify = (traits: Record<string, unknown>, id = `e${++n}`) => ({
    id,
    source: 'test',
    type: 'contact.updated',
    data: { traits },
  });
  const step = (
    state: ReturnType<typeof scoreContactEvent>['state'] | undefined,
    event: ReturnType<typeof identify>,
    fields: Record<string, unknown>,
  ) => scoreContactEvent(model, state, event, T0, { changed: true, fields });

  it('carries the account on every change, moves it on a group call with the same scores, and counts a redelivery once', () => {
    const first = step(undefined, identify({ email: 'ann@initech.com', title: 'CEO' }), {
      email: 'ann@initech.com',
      title: 'CEO',
    });
    expect(first.state.account).toBe('initech.com');
    expect(first.changes.map((c) => [c.sequence, c.account, c.current.fit])).toEqual([
      [1, 'initech.com', 10],
    ]);
    expect(toScoreChangedData(first.changes[0] as ScoreChange, 'user:ann').account).toBe('initech.com');

    // A Segment group call: same scores, another account; the change says so, one sequence on.
    const groupCall = identify({ 'company.id': 'acme', 'company.industry': 'Software' });
    const grouped = step(first.state, groupCall, {
      email: 'ann@initech.com',
      title: 'CEO',
      'company.id': 'acme',
      'company.industry': 'Software',
    });
    expect(grouped.changes).toHaveLength(1);
    expect(grouped.changes[0]).toMatchObject({ sequence: 2, account: 'acme', current: { fit: 10 } });
    expect(grouped.changes[0]?.previous).toEqual(grouped.changes[0]?.current);

    // The same call again (a redelivery) changes nothing.
    const profile = {
      email: 'ann@initech.com',
      title: 'CEO',
      'company.id': 'acme',
      'company.industry': 'Software',
    };
    expect(step(grouped.state, groupCall, profile).changes).toEqual([]);

    // New traits of the same account: a change, so the account's fit is judged again.
    const retraited = step(grouped.state, identify({ 'company.employees': 300 }), {
      ...profile,
      'company.employees': 300,
    });
    expect(retraited.changes.map((c) => [c.sequence, c.account])).toEqual([[3, 'acme']]);

    // A profile change that touches neither the account nor the scores publishes nothing.
    expect(
      step(retraited.state, identify({ city: 'Denver' }), { ...profile, city: 'Denver' }).changes,
    ).toEqual([]);

    // Leaving the account (its id cleared, a free-mail address): a change with no account.
    const left = step(retraited.state, identify({ 'company.id': null, email: 'ann@gmail.com' }), {
      ...profile,
      'company.id': null,
      email: 'ann@gmail.com',
    });
    expect(left.changes.map((c) => [c.sequence, c.account])).toEqual([[4, null]]);
    expect(Object.hasOwn(left.state, 'account')).toBe(false);
  });

  it('leaves no account key on contacts without one', () => {
    const free = step(undefined, identify({ email: 'bob@gmail.com' }), { email: 'bob@gmail.com' });
    expect(Object.hasOwn(free.state, 'account')).toBe(false);
    expect(free.changes).toEqual([]);
    const engaged = scoreContactEvent(
      model,
      free.state,
      { id: 'o1', source: 'test', type: 'email.opened', data: {} },
      T0,
      {
        changed: false,
        fields: undefined,
      },
    );
    expect(engaged.changes[0]?.account).toBeNull();
    expect(toScoreChangedData(engaged.changes[0] as ScoreChange, 'user:bob')).not.toHaveProperty('account');
  });
});
