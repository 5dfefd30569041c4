import { describe, expect, it } from '@jest/globals';
import { type FrequencyPoints, type ScoringModel } from '@leadscore/contracts';
import { days, modelWith, T0 } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';
import { explainAt } from './explain-score.js';
import { scoreAt } from './score-at.js';
import { advanceTo } from './time-effects.js';

const pricingRanges: FrequencyPoints = {
  withinDays: 7,
  ranges: [
    { min: 1, max: 2, points: 5 },
    { min: 3, max: 5, points: 10 },
    { min: 6, points: 20 },
  ],
};

function pricingModel(points: FrequencyPoints, parts: Partial<ScoringModel> = {}): ScoringModel {
  return modelWith({
    engagement: [
      {
        id: 'pricing-frequency',
        event: 'web.page_viewed',
        filters: [{ field: 'path', operator: 'equals', value: '/pricing' }],
        points,
      },
    ],
    ...parts,
  });
}

/** Pricing views at the given days, each scored at its own time. */
function viewed(model: ScoringModel, at: readonly number[], state = emptyState(model, T0)) {
  let current: ContactScoreState = state;
  const changes = at.map((day, i) => {
    const result = applyEvent(
      model,
      current,
      { id: `view-${day}-${i}`, type: 'web.page_viewed', data: { path: '/pricing' } },
      days(day),
    );
    current = result.state;
    return result.change;
  });
  return { state: current, changes };
}

describe('frequency points: "1–2 views in 7 days → 5, 3–5 → 10, 6+ → 20"', () => {
  const model = pricingModel(pricingRanges);

  it('is worth the points of the range the count is in, given once per entry', () => {
    const { state, changes } = viewed(model, [0, 1, 2, 3]);
    // View 1 enters 1–2 (+5); view 2 stays in it; view 3 enters 3–5: the 5 are taken back, 10 given;
    // view 4 stays in 3–5.
    expect(changes.map((c) => c?.current.engagement)).toEqual([5, undefined, 10, undefined]);
    expect(changes[2]?.applied).toEqual([
      expect.objectContaining({ ruleId: 'pricing-frequency', outcome: 'expired', points: -5 }),
      expect.objectContaining({ ruleId: 'pricing-frequency', outcome: 'awarded', points: 10 }),
    ]);
    expect(scoreAt(model, state, days(3)).engagement).toBe(10);
    expect(changes[2]?.contributions).toEqual([
      { ruleId: 'pricing-frequency', kind: 'engagement', points: 10, eventId: 'view-2-2' },
    ]);
  });

  it('takes the points back as the window slides, each at the time a view leaves it', () => {
    const { state } = viewed(model, [0, 1, 2]);
    // The day-0 view leaves at day 7 (count 2: back to 5), the day-1 view at day 8 (count 1: still 5),
    // the day-2 view at day 9 (count 0: nothing).
    expect(scoreAt(model, state, days(6.99)).engagement).toBe(10);
    expect(scoreAt(model, state, days(7)).engagement).toBe(5);
    expect(scoreAt(model, state, days(8.5)).engagement).toBe(5);
    expect(scoreAt(model, state, days(9)).engagement).toBe(0);

    const slid = advanceTo(model, state, days(7.5));
    expect(slid.change).toMatchObject({ at: days(7.5), cause: { type: 'expiry' } });
    expect(slid.change?.current.engagement).toBe(5);
    expect(slid.change?.applied).toEqual([
      expect.objectContaining({ outcome: 'expired', points: -10, at: days(7) }),
      expect.objectContaining({ outcome: 'awarded', points: 5, at: days(7) }),
    ]);
    const emptied = advanceTo(model, slid.state, days(9));
    expect(emptied.change?.current.engagement).toBe(0);
    expect(emptied.state.frequency).toBeUndefined();
  });

  it('counts an event that arrives as another leaves the window after the one that left', () => {
    // At day 7 the day-0 view leaves (count 0: the 5 taken back), then the new view counts (1: 5 given):
    // the published score does not move.
    const { state, changes } = viewed(model, [0, 7]);
    expect(changes[1]).toBeUndefined();
    expect(scoreAt(model, state, days(7)).engagement).toBe(5);
    expect(state.frequency?.['pricing-frequency']).toEqual([days(7)]);
  });

  it('takes back what the points are still worth after decay', () => {
    const decaying = pricingModel(pricingRanges, { decay: { halfLifeDays: 2 } });
    // +5 at day 0 is worth 2.5 at day 2, when the third view takes those 2.5 back and gives 10.
    const { state, changes } = viewed(decaying, [0, 1, 2]);
    expect(changes[2]?.applied).toEqual([
      expect.objectContaining({ outcome: 'expired', points: -2.5 }),
      expect.objectContaining({ outcome: 'awarded', points: 10 }),
    ]);
    expect(scoreAt(decaying, state, days(2)).engagement).toBe(10);
  });

  it('remembers no more views than its ranges tell apart', () => {
    const { state } = viewed(model, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(scoreAt(model, state, days(0)).engagement).toBe(20);
    expect(state.frequency?.['pricing-frequency']).toHaveLength(6);
    // Ten views at day 0 and four at day 1: from day 7 the four still count (3–5, worth 10).
    const later = viewed(model, [1, 1, 1, 1], state).state;
    expect(scoreAt(model, later, days(7)).engagement).toBe(10);
    expect(scoreAt(model, later, days(8)).engagement).toBe(0);
  });

  it('does not count views the filters leave out', () => {
    const result = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'blog', type: 'web.page_viewed', data: { path: '/blog' } },
      T0,
    );
    expect(result.change).toBeUndefined();
    expect(result.state.frequency).toBeUndefined();
  });
});

describe('frequency points without take-back: "3 or more views in 7 days → 15"', () => {
  const model = pricingModel({ withinDays: 7, ranges: [{ min: 3, points: 15 }], takeBack: false });

  it('keeps points given when the count falls, and gives them again on a new entry from below', () => {
    const { state, changes } = viewed(model, [0, 1, 2, 3]);
    expect(changes.map((c) => c?.current.engagement)).toEqual([undefined, undefined, 15, undefined]);
    // Day 8: the views of days 0 and 1 have left, the count is 2: nothing is taken back.
    expect(scoreAt(model, state, days(8)).engagement).toBe(15);
    // A view at day 8.5 makes 3 again (days 2, 3 and 8.5): a new entry, 15 more.
    const again = viewed(model, [8.5], state);
    expect(again.changes[0]?.current.engagement).toBe(30);
  });
});

describe('frequency points within a score group', () => {
  it('gives what the group leaves room for and takes back only what it gave', () => {
    const model = pricingModel(pricingRanges, { groups: [{ id: 'web', max: 8 }] });
    const grouped: ScoringModel = {
      ...model,
      engagement: model.engagement?.map((rule) => ({ ...rule, group: 'web' })),
    };
    const { state, changes } = viewed(grouped, [0, 1, 2]);
    expect(changes[2]?.applied).toEqual([
      expect.objectContaining({ outcome: 'expired', points: -5 }),
      expect.objectContaining({ outcome: 'capped', points: 8 }),
    ]);
    expect(scoreAt(grouped, state, days(2)).engagement).toBe(8);
    // At day 7 the count falls to 2: the 8 given are taken back and 5 given for 1–2.
    expect(scoreAt(grouped, state, days(7)).engagement).toBe(5);
  });
});

describe('frequency counts in the explanation', () => {
  it('say how many events are counted, the range they are in and when the oldest leaves', () => {
    const model = pricingModel(pricingRanges);
    const { state } = viewed(model, [0, 1, 2]);
    expect(explainAt(model, state, days(3)).frequencyCounts).toEqual([
      {
        ruleId: 'pricing-frequency',
        count: 3,
        orMore: false,
        withinDays: 7,
        range: { min: 3, max: 5, points: 10 },
        oldestLeavesAt: days(7),
      },
    ]);
    // At day 8 the first two views have left: one counted, in 1–2.
    expect(explainAt(model, state, days(8)).frequencyCounts[0]).toMatchObject({
      count: 1,
      range: { min: 1, max: 2, points: 5 },
      oldestLeavesAt: days(9),
    });
    const many = viewed(model, [0, 0, 0, 0, 0, 0, 0, 0]).state;
    expect(explainAt(model, many, days(1)).frequencyCounts[0]).toMatchObject({ count: 6, orMore: true });
    expect(explainAt(model, emptyState(model, T0), T0).frequencyCounts[0]).toMatchObject({
      count: 0,
      range: null,
      oldestLeavesAt: null,
    });
  });
});
