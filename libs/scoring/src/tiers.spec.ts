import { describe, expect, it } from '@jest/globals';
import { type NamedTiers, type ScoringModel } from '@leadscore/contracts';
import fc from 'fast-check';
import { days, modelWith, T0 } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { advanceTo } from './time-effects.js';
import { tierOf } from './tiers.js';

const LADDER: NamedTiers = [
  { id: 'nurture', countsAs: 'cold' },
  { id: 'engaged', countsAs: 'warm', enter: 25, exit: 20 },
  { id: 'active', countsAs: 'warm', enter: 45, exit: 40 },
  { id: 'sales-ready', countsAs: 'hot', enter: 70, exit: 60 },
];
const named = modelWith({ tiers: LADDER });

describe('named tiers', () => {
  it('enter at their enter, hold down to their exit, then drop to the highest lower tier still met', () => {
    expect(tierOf(named, 0)).toEqual({ tier: 'cold', tierName: 'nurture' });
    expect(tierOf(named, 30)).toEqual({ tier: 'warm', tierName: 'engaged' });
    expect(tierOf(named, 50)).toEqual({ tier: 'warm', tierName: 'active' });
    // In "active": 42 holds it (exit 40); 39 does not and lands in "engaged" (exit 20).
    expect(tierOf(named, 42, 'active')).toEqual({ tier: 'warm', tierName: 'active' });
    expect(tierOf(named, 42)).toEqual({ tier: 'warm', tierName: 'engaged' });
    expect(tierOf(named, 39, 'active')).toEqual({ tier: 'warm', tierName: 'engaged' });
    // From "sales-ready", 59 is below its exit (60) and holds "active" (exit 40); 15 falls to the bottom.
    expect(tierOf(named, 65, 'sales-ready')).toEqual({ tier: 'hot', tierName: 'sales-ready' });
    expect(tierOf(named, 59, 'sales-ready')).toEqual({ tier: 'warm', tierName: 'active' });
    expect(tierOf(named, 15, 'sales-ready')).toEqual({ tier: 'cold', tierName: 'nurture' });
    // Up is by enter alone: 75 from "engaged" is "sales-ready".
    expect(tierOf(named, 75, 'engaged')).toEqual({ tier: 'hot', tierName: 'sales-ready' });
  });

  it('read a tier the model no longer has as the first, and an exit left out as the enter', () => {
    expect(tierOf(named, 42, 'gone')).toEqual({ tier: 'warm', tierName: 'engaged' });
    const noExit = modelWith({
      tiers: [
        { id: 'low', countsAs: 'cold' },
        { id: 'high', countsAs: 'hot', enter: 10 },
      ],
    });
    expect(tierOf(noExit, 9.99, 'high')).toEqual({ tier: 'cold', tierName: 'low' });
    expect(tierOf(noExit, 10, 'low')).toEqual({ tier: 'hot', tierName: 'high' });
  });

  it('leave the cold/warm/hot form as it was, without a name', () => {
    const classic = modelWith({ tiers: { warm: 20, hot: 50 } });
    expect(tierOf(classic, 19.99)).toEqual({ tier: 'cold' });
    expect(tierOf(classic, 20, 'anything')).toEqual({ tier: 'warm' });
    expect(tierOf(classic, 50)).toEqual({ tier: 'hot' });
    expect(tierOf(modelWith({}), 50)).toEqual({ tier: null });
  });

  it('publish the name with the v1 tier, and a change when only the name moves', () => {
    const model: ScoringModel = {
      ...named,
      decay: { halfLifeDays: 10 },
      engagement: [{ id: 'demo', event: 'web.form_submitted', points: 50 }],
    };
    const scored = applyEvent(model, emptyState(model, T0), { id: 'd1', type: 'web.form_submitted' }, T0);
    expect(scored.change?.previous).toBeNull();
    expect(scored.change?.current).toMatchObject({ total: 50, tier: 'warm', tierName: 'active' });
    // 50 · 0.5^(2.5/10) = 42.04: below the enter of "active" (45) but not its exit (40): still "active".
    const held = advanceTo(model, scored.state, days(2.5));
    expect(held.change?.current).toMatchObject({ total: 42.04, tier: 'warm', tierName: 'active' });
    // 50 · 0.5^(3.5/10) = 39.23 → below the exit: "engaged", still warm.
    const dropped = advanceTo(model, held.state, days(3.5));
    expect(dropped.change?.previous).toMatchObject({ tier: 'warm', tierName: 'active' });
    expect(dropped.change?.current).toMatchObject({ total: 39.23, tier: 'warm', tierName: 'engaged' });
  });

  it('never flap: a total moving within a tier’s [exit, enter) keeps whichever tier it had', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LADDER.slice(1)),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (tier, positions) => {
          const exit = tier.exit ?? 0;
          const enter = tier.enter ?? 0;
          for (const position of positions) {
            const total = exit + position * (enter - exit - 1e-9);
            expect(tierOf(named, total, tier.id).tierName).toBe(tier.id);
            const below = tierOf(named, total).tierName;
            expect(below).not.toBe(tier.id);
            expect(tierOf(named, total, below).tierName).toBe(below);
          }
        },
      ),
    );
  });
});
