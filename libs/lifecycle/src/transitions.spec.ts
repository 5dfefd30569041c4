import { describe, expect, it } from '@jest/globals';
import { type Lifecycle } from '@leadscore/contracts';
import {
  applyMergedScores,
  applyScores,
  setSalesAccepted,
  tierTransitions,
  INITIAL_LIFECYCLE,
  type ContactLifecycle,
  type TierName,
} from './transitions.js';

const lifecycle: Lifecycle = {
  mql: {
    match: 'all',
    conditions: [
      { metric: 'total', enter: 65, exit: 55 },
      { metric: 'grade', in: ['A', 'B'] },
    ],
  },
  sql: { conditions: [{ metric: 'total', enter: 85, exit: 75 }] },
};

const scores = (total: number, grade: string | null = 'B', tier: TierName | null = null) => ({
  fit: 0,
  engagement: total,
  total,
  grade,
  tier,
});

/** Feeds totals one by one and returns every stage transition as "from>to". */
function walk(totals: readonly number[], model: Lifecycle = lifecycle, grade = 'B'): string[] {
  let state: ContactLifecycle = INITIAL_LIFECYCLE;
  const seen: string[] = [];
  for (const total of totals) {
    const plan = applyScores(model, state, scores(total, grade));
    state = plan.next;
    for (const t of plan.transitions) if (t.kind === 'stage') seen.push(`${t.from}>${t.to}`);
  }
  return seen;
}

describe('applyScores', () => {
  it('enters MQL only when every condition of an "all" stage holds', () => {
    expect(walk([70], lifecycle, 'C')).toEqual([]);
    expect(walk([64, 65])).toEqual(['lead>mql']);
  });

  it('does not flap while the score hovers between exit and enter (hysteresis)', () => {
    expect(walk([66, 64, 60, 56, 55, 66, 58])).toEqual(['lead>mql']);
  });

  it('leaves MQL only below the exit line, and re-enters only at the enter line', () => {
    expect(walk([66, 54.99, 60, 64, 65])).toEqual(['lead>mql', 'mql>lead', 'lead>mql']);
  });

  it('fires every crossed line in order when a score jumps over several at once', () => {
    expect(walk([90])).toEqual(['lead>mql', 'mql>sql']);
    expect(walk([90, 10])).toEqual(['lead>mql', 'mql>sql', 'sql>mql', 'mql>lead']);
  });

  it('goes to the recycled stage on the way down when the model enables it, and back up from there', () => {
    const model: Lifecycle = { ...lifecycle, recycled: { description: 'nurture' } };
    expect(walk([90, 10, 70], model)).toEqual([
      'lead>mql',
      'mql>sql',
      'sql>mql',
      'mql>recycled',
      'recycled>mql',
    ]);
  });

  it('expresses a grade × score matrix with nested groups', () => {
    const matrix: Lifecycle = {
      mql: {
        match: 'any',
        conditions: [
          {
            metric: 'all',
            conditions: [
              { metric: 'grade', in: ['A'] },
              { metric: 'total', enter: 50, exit: 40 },
            ],
          },
          {
            metric: 'all',
            conditions: [
              { metric: 'grade', in: ['B'] },
              { metric: 'total', enter: 65, exit: 55 },
            ],
          },
        ],
      },
    };
    expect(walk([55], matrix, 'A')).toEqual(['lead>mql']);
    expect(walk([55], matrix, 'B')).toEqual([]);
    expect(walk([66, 56], matrix, 'B')).toEqual(['lead>mql']);
    expect(walk([66, 54], matrix, 'B')).toEqual(['lead>mql', 'mql>lead']);
    expect(walk([55], matrix, 'C')).toEqual([]);
  });

  it('reaches SQL directly when the model has no MQL stage', () => {
    expect(walk([90], { sql: lifecycle.sql! })).toEqual(['lead>sql']);
  });

  it('moves the tier through each crossed tier line, and keeps it when the snapshot has no tier', () => {
    let state = INITIAL_LIFECYCLE;
    const first = applyScores(undefined, state, scores(99, 'A', 'hot'));
    expect(first.transitions).toEqual([
      { kind: 'tier', from: 'cold', to: 'warm' },
      { kind: 'tier', from: 'warm', to: 'hot' },
    ]);
    state = first.next;
    expect(applyScores(undefined, state, scores(99, 'A', null)).transitions).toEqual([]);
    expect(applyScores(undefined, state, scores(40, 'A', 'warm')).transitions).toEqual([
      { kind: 'tier', from: 'hot', to: 'warm' },
    ]);
  });

  it('keeps SQL set by sales whatever the score does, until the flag is cleared', () => {
    const accepted = setSalesAccepted(lifecycle, INITIAL_LIFECYCLE, true);
    expect(accepted.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['lead>mql', 'mql>sql']);
    expect(applyScores(lifecycle, accepted.next, scores(0)).transitions).toEqual([]);
    const cleared = setSalesAccepted(lifecycle, accepted.next, false);
    expect(cleared.transitions).toEqual([]);
    expect(applyScores(lifecycle, cleared.next, scores(0)).transitions.map((t) => t.to)).toEqual([
      'mql',
      'lead',
    ]);
  });
});

describe('tierTransitions', () => {
  it('lists nothing when the tier stays', () => {
    expect(tierTransitions('warm', 'warm')).toEqual([]);
  });
});

describe('named tiers', () => {
  const tiers = [
    { id: 'nurture', countsAs: 'cold' as const },
    { id: 'engaged', countsAs: 'warm' as const, enter: 25, exit: 20 },
    { id: 'active', countsAs: 'warm' as const, enter: 45, exit: 40 },
    { id: 'sales-ready', countsAs: 'hot' as const, enter: 70, exit: 60 },
  ];
  const named = (tier: TierName, tierName: string) => ({ ...scores(50), tier, tierName });

  it('steps through every named tier crossed, each step with the v1 tiers it is published as', () => {
    const up = applyScores(undefined, INITIAL_LIFECYCLE, named('hot', 'sales-ready'), tiers);
    expect(up.transitions).toEqual([
      { kind: 'tier', from: 'cold', to: 'warm', fromName: 'nurture', toName: 'engaged' },
      { kind: 'tier', from: 'warm', to: 'warm', fromName: 'engaged', toName: 'active' },
      { kind: 'tier', from: 'warm', to: 'hot', fromName: 'active', toName: 'sales-ready' },
    ]);
    expect(up.next).toMatchObject({ tier: 'hot', tierName: 'sales-ready' });
    const down = applyScores(undefined, up.next, named('warm', 'engaged'), tiers);
    expect(down.transitions).toEqual([
      { kind: 'tier', from: 'hot', to: 'warm', fromName: 'sales-ready', toName: 'active' },
      { kind: 'tier', from: 'warm', to: 'warm', fromName: 'active', toName: 'engaged' },
    ]);
    expect(applyScores(undefined, down.next, named('warm', 'engaged'), tiers).transitions).toEqual([]);
  });

  it('starts a contact tiered before the model had names from the lowest named tier of its v1 tier', () => {
    const before: ContactLifecycle = { ...INITIAL_LIFECYCLE, tier: 'warm' };
    expect(applyScores(undefined, before, named('hot', 'sales-ready'), tiers).transitions).toEqual([
      { kind: 'tier', from: 'warm', to: 'warm', fromName: 'engaged', toName: 'active' },
      { kind: 'tier', from: 'warm', to: 'hot', fromName: 'active', toName: 'sales-ready' },
    ]);
  });

  it('crosses in one step when the model’s tiers are unknown or no longer hold the contact’s tier', () => {
    const stale: ContactLifecycle = { ...INITIAL_LIFECYCLE, tier: 'warm', tierName: 'renamed' };
    expect(applyScores(undefined, stale, named('hot', 'sales-ready'), tiers).transitions).toEqual([
      { kind: 'tier', from: 'warm', to: 'hot', fromName: 'renamed', toName: 'sales-ready' },
    ]);
    expect(applyScores(undefined, INITIAL_LIFECYCLE, named('warm', 'active')).transitions).toEqual([
      { kind: 'tier', from: 'cold', to: 'warm', toName: 'active' },
    ]);
  });

  it('drops the name when the model goes back to cold/warm/hot', () => {
    const namedState: ContactLifecycle = { ...INITIAL_LIFECYCLE, tier: 'warm', tierName: 'active' };
    const plan = applyScores(undefined, namedState, scores(80, 'B', 'hot'));
    expect(plan.next).toMatchObject({ tier: 'hot', tierName: null });
    expect(plan.transitions).toEqual([{ kind: 'tier', from: 'warm', to: 'hot' }]);
  });
});

describe('a merge’s survivor', () => {
  const mql: ContactLifecycle = { ...INITIAL_LIFECYCLE, stage: 'mql', tier: 'warm' };
  const stages = (plan: ReturnType<typeof applyMergedScores>) =>
    plan.transitions.filter((t) => t.kind === 'stage').map((t) => `${t.from}>${t.to}`);

  it('keeps the merged contact’s MQL while the merged score holds it (hysteresis), announcing it once', () => {
    const plan = applyMergedScores(lifecycle, INITIAL_LIFECYCLE, mql, scores(60));
    expect(plan.next.stage).toBe('mql');
    expect(stages(plan)).toEqual(['lead>mql']);
  });

  it('crosses each line once from its own stage to where the merged score takes it', () => {
    const plan = applyMergedScores(lifecycle, INITIAL_LIFECYCLE, mql, scores(90));
    expect(plan.next.stage).toBe('sql');
    expect(stages(plan)).toEqual(['lead>mql', 'mql>sql']);
  });

  it('leaves its stage when the merged contact had none further and the score says so, as any change does', () => {
    const own: ContactLifecycle = { ...INITIAL_LIFECYCLE, stage: 'mql' };
    expect(stages(applyMergedScores(lifecycle, own, INITIAL_LIFECYCLE, scores(60)))).toEqual([]);
    expect(stages(applyMergedScores(lifecycle, own, INITIAL_LIFECYCLE, scores(20)))).toEqual(['mql>lead']);
    expect(applyMergedScores(lifecycle, own, undefined, scores(20))).toEqual(
      applyScores(lifecycle, own, scores(20)),
    );
  });

  it('keeps a sales acceptance of either contact', () => {
    const accepted: ContactLifecycle = { ...INITIAL_LIFECYCLE, stage: 'sql', salesAccepted: true };
    const plan = applyMergedScores(lifecycle, INITIAL_LIFECYCLE, accepted, scores(10));
    expect(plan.next).toMatchObject({ stage: 'sql', salesAccepted: true });
    expect(stages(plan)).toEqual(['lead>mql', 'mql>sql']);
  });
});
