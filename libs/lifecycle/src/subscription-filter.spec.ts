import { describe, expect, it } from '@jest/globals';
import { wantsScoreChanges, wantsTransition, type SubscriptionFilter } from './subscription-filter.js';
import { type Transition } from './transitions.js';

const tierStep = (from: 'cold' | 'warm' | 'hot', to: 'cold' | 'warm' | 'hot', names?: [string, string]) =>
  ({
    kind: 'tier',
    from,
    to,
    ...(names ? { fromName: names[0], toName: names[1] } : {}),
  }) satisfies Transition;

describe('subscription filters', () => {
  const toHot: SubscriptionFilter = { events: ['tier'], tiers: ['hot'] };

  it('match the kinds subscribed to, and only transitions into the tiers and stages listed', () => {
    expect(wantsTransition({ events: ['tier'] }, tierStep('cold', 'warm'))).toBe(true);
    expect(wantsTransition({ events: ['stage'] }, tierStep('cold', 'warm'))).toBe(false);
    expect(wantsTransition(toHot, tierStep('warm', 'hot'))).toBe(true);
    expect(wantsTransition(toHot, tierStep('hot', 'warm'))).toBe(false);
    const toMql: SubscriptionFilter = { events: ['stage'], stages: ['mql'] };
    expect(wantsTransition(toMql, { kind: 'stage', from: 'lead', to: 'mql' })).toBe(true);
    expect(wantsTransition(toMql, { kind: 'stage', from: 'mql', to: 'sql' })).toBe(false);
    expect(wantsScoreChanges({ events: ['score'] })).toBe(true);
    expect(wantsScoreChanges({ events: ['tier', 'stage'] })).toBe(false);
  });

  it('hear a v1 tier once, when the contact enters it, not at every named step within it', () => {
    expect(wantsTransition(toHot, tierStep('warm', 'hot', ['active', 'sales-ready']))).toBe(true);
    expect(wantsTransition(toHot, tierStep('hot', 'hot', ['sales-ready', 'champion']))).toBe(false);
  });

  it('match named tiers by name, whatever v1 tier they count as', () => {
    const toActive: SubscriptionFilter = { events: ['tier'], tiers: ['active'] };
    expect(wantsTransition(toActive, tierStep('warm', 'warm', ['engaged', 'active']))).toBe(true);
    expect(wantsTransition(toActive, tierStep('hot', 'warm', ['sales-ready', 'active']))).toBe(true);
    expect(wantsTransition(toActive, tierStep('warm', 'warm', ['active', 'engaged']))).toBe(false);
    expect(wantsTransition(toActive, tierStep('cold', 'warm'))).toBe(false);
  });
});
