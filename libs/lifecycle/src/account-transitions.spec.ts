import { describe, expect, it } from '@jest/globals';
import { type AccountScores, type AccountScoring } from '@leadscore/contracts';
import { applyAccountScores, INITIAL_ACCOUNT_LIFECYCLE } from './account-transitions.js';
import { wantsAccountScoreChanges, wantsAccountTransition, wantsTransition } from './subscription-filter.js';

const scoring: AccountScoring = {
  engagement: { rollup: 'sum' },
  tiers: { warm: 40, hot: 80 },
  grades: [
    { grade: 'A', min: 20 },
    { grade: 'B', max: 20 },
  ],
  lifecycle: {
    mqa: {
      conditions: [
        { metric: 'total', enter: 100, exit: 80 },
        { metric: 'grade', in: ['A'] },
      ],
    },
  },
};
const scores = (total: number, grade: string | null = 'A'): AccountScores => ({
  fit: 20,
  engagement: total - 20,
  total,
  tier: total >= 80 ? 'hot' : total >= 40 ? 'warm' : 'cold',
  grade,
  members: 3,
});

describe('account lifecycle', () => {
  it('crosses each tier line and enters MQA when every condition holds', () => {
    const plan = applyAccountScores(scoring, INITIAL_ACCOUNT_LIFECYCLE, scores(105));
    expect(plan.transitions).toEqual([
      { kind: 'tier', from: 'cold', to: 'warm' },
      { kind: 'tier', from: 'warm', to: 'hot' },
      { kind: 'stage', from: 'lead', to: 'mqa' },
    ]);
    expect(plan.next).toEqual({ stage: 'mqa', tier: 'hot', tierName: null });
  });

  it('holds MQA down to the exit (hysteresis), then falls back to lead once', () => {
    const mqa = applyAccountScores(scoring, INITIAL_ACCOUNT_LIFECYCLE, scores(105)).next;
    expect(applyAccountScores(scoring, mqa, scores(85)).transitions).toEqual([]);
    expect(applyAccountScores(scoring, mqa, scores(79)).transitions).toEqual([
      { kind: 'tier', from: 'hot', to: 'warm' },
      { kind: 'stage', from: 'mqa', to: 'lead' },
    ]);
    // A lead needs the enter: 95 is not enough.
    expect(applyAccountScores(scoring, { ...mqa, stage: 'lead' }, scores(95)).next.stage).toBe('lead');
  });

  it('does not enter MQA when a grade condition fails, nor without an mqa stage', () => {
    expect(applyAccountScores(scoring, INITIAL_ACCOUNT_LIFECYCLE, scores(150, 'B')).next.stage).toBe('lead');
    const noMqa: AccountScoring = { engagement: { rollup: 'max' } };
    expect(applyAccountScores(noMqa, INITIAL_ACCOUNT_LIFECYCLE, { ...scores(500), tier: null })).toEqual({
      next: INITIAL_ACCOUNT_LIFECYCLE,
      transitions: [],
    });
  });
});

describe('webhook subscriptions and accounts', () => {
  const mqa = { kind: 'stage', from: 'lead', to: 'mqa' } as const;

  it('hear account transitions only when they ask for them, filtered by stage and tier like contacts', () => {
    expect(wantsAccountTransition({ events: ['stage'] }, mqa)).toBe(false);
    expect(wantsAccountTransition({ events: ['account-stage'] }, mqa)).toBe(true);
    expect(wantsAccountTransition({ events: ['account-stage'], stages: ['mql'] }, mqa)).toBe(false);
    expect(wantsAccountTransition({ events: ['account-stage'], stages: ['mqa'] }, mqa)).toBe(true);
    const hot = { kind: 'tier', from: 'warm', to: 'hot' } as const;
    expect(wantsAccountTransition({ events: ['account-tier'], tiers: ['hot'] }, hot)).toBe(true);
    expect(wantsAccountTransition({ events: ['account-tier'], tiers: ['warm'] }, hot)).toBe(false);
    // And contact subscriptions keep hearing only contacts.
    expect(wantsTransition({ events: ['account-tier'] }, hot)).toBe(false);
  });

  it('hear every account score change under account-score', () => {
    expect(wantsAccountScoreChanges({ events: ['account-score'] })).toBe(true);
    expect(wantsAccountScoreChanges({ events: ['score'] })).toBe(false);
  });
});
