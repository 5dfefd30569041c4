import { describe, expect, it } from '@jest/globals';
import {
  type Condition,
  type FrequencyPoints,
  type ScoringModel,
  type ValuePoints,
} from '@leadscore/contracts';
import fc from 'fast-check';
import { T0, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { conditionHolds } from './field-conditions.js';
import { ruleValueAt } from './engagement-points.js';
import { explainAt } from './explain-score.js';
import { refit } from './refit.js';
import { scoreAt } from './score-at.js';
import { advanceTo } from './time-effects.js';
import { DAY_MS } from './scoring-time.js';
import { pointsOf } from './value-points.js';

/** Property tests of the model language's compound conditions, value points, score groups and frequency points (issue #26). */
const FIELDS = ['a', 'b', 'c'] as const;

const simpleCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constant('equals' as const),
    value: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constant('range' as const),
    min: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ field: fc.constantFrom(...FIELDS), operator: fc.constant('exists' as const) }),
);

/** Conditions nested up to four groups deep, as the model's validation allows. */
const condition: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleCondition,
    fc.record({
      operator: fc.constantFrom('all' as const, 'any' as const),
      conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ operator: fc.constant('not' as const), condition: tie('condition') }),
  ),
})).condition;

const profile = fc.record(
  { a: fc.integer({ min: 0, max: 3 }), b: fc.integer({ min: 0, max: 3 }), c: fc.integer({ min: 0, max: 3 }) },
  { requiredKeys: [] },
);

describe('compound conditions', () => {
  it('obey De Morgan: not(all) is any(not …) and not(any) is all(not …)', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), profile, (conditions, data) => {
        const negated = conditions.map((inner): Condition => ({ operator: 'not', condition: inner }));
        expect(conditionHolds({ operator: 'not', condition: { operator: 'all', conditions } }, data)).toBe(
          conditionHolds({ operator: 'any', conditions: negated }, data),
        );
        expect(conditionHolds({ operator: 'not', condition: { operator: 'any', conditions } }, data)).toBe(
          conditionHolds({ operator: 'all', conditions: negated }, data),
        );
      }),
    );
  });

  it('read a group of one as that condition, and not(not c) as c', () => {
    fc.assert(
      fc.property(condition, profile, (inner, data) => {
        const alone = conditionHolds(inner, data);
        expect(conditionHolds({ operator: 'all', conditions: [inner] }, data)).toBe(alone);
        expect(conditionHolds({ operator: 'any', conditions: [inner] }, data)).toBe(alone);
        expect(
          conditionHolds({ operator: 'not', condition: { operator: 'not', condition: inner } }, data),
        ).toBe(alone);
      }),
    );
  });
});

describe('points from a value', () => {
  const valuePoints: fc.Arbitrary<ValuePoints> = fc
    .record(
      {
        per: fc.double({ min: 0.5, max: 100, noNaN: true }),
        each: fc.double({ min: -5, max: 5, noNaN: true }),
        round: fc.constantFrom('down' as const, 'up' as const, 'nearest' as const, 'none' as const),
        min: fc.integer({ min: -100, max: 0 }),
        max: fc.integer({ min: 0, max: 100 }),
      },
      { requiredKeys: [] },
    )
    .map((rule) => ({ from: 'amount', ...rule }));

  it('stay within [min, max] for every value', () => {
    fc.assert(
      fc.property(valuePoints, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (rule, amount) => {
        const points = pointsOf(rule, { amount });
        expect(points).toBeDefined();
        expect(points).toBeGreaterThanOrEqual(rule.min ?? -Infinity);
        expect(points).toBeLessThanOrEqual(rule.max ?? Infinity);
      }),
    );
  });

  it('never fall as the value grows when each step is worth a positive amount', () => {
    fc.assert(
      fc.property(
        valuePoints.filter((rule) => (rule.each ?? 1) > 0),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (rule, amount, more) => {
          expect(pointsOf(rule, { amount: amount + more })).toBeGreaterThanOrEqual(
            pointsOf(rule, { amount }) ?? 0,
          );
        },
      ),
    );
  });

  it('score like the fixed points they compute: an engagement rule from a value equals one of its number', () => {
    fc.assert(
      fc.property(
        valuePoints,
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 8 }),
        (rule, amounts) => {
          const computed: ScoringModel = modelWith({
            engagement: [{ id: 'order', event: 'custom.Order Placed', points: rule, decay: 'none' }],
          });
          let state = emptyState(computed, T0);
          let expected = 0;
          amounts.forEach((amount, n) => {
            state = applyEvent(
              computed,
              state,
              { id: `o${n}`, type: 'custom.Order Placed', data: { amount } },
              T0 + n,
            ).state;
            expected += pointsOf(rule, { amount }) ?? 0;
          });
          // Within 5e-8: the engine drops contributions below 1e-9 as float residue, and a rule worth
          // 1e-13 a step may lose a few of them.
          expect(scoreAt(computed, state, T0 + amounts.length).engagement).toBeCloseTo(expected, 7);
        },
      ),
    );
  });
});

describe('score groups', () => {
  const RULES = ['click', 'open', 'unsubscribe'] as const;
  const TYPES = { click: 'email.clicked', open: 'email.opened', unsubscribe: 'email.unsubscribed' } as const;
  const groupModel = (max: number, min: number, points: readonly number[], halfLife: number): ScoringModel =>
    modelWith({
      groups: [{ id: 'email', max, min }],
      engagement: RULES.map((id, index) => ({
        id,
        event: TYPES[id],
        points: points[index] ?? 1,
        group: 'email',
        decay: { halfLifeDays: halfLife },
      })),
    });

  it('never let a group’s engagement leave [min, max], whatever the events and their timing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: -50, max: 0 }),
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.array(
          fc.record({
            rule: fc.constantFrom(...RULES),
            hoursLater: fc.double({ min: 0, max: 72, noNaN: true }),
          }),
          {
            maxLength: 40,
          },
        ),
        (max, min, points, halfLife, events) => {
          const model = groupModel(max, min, points, halfLife);
          let state = emptyState(model, T0);
          let time = T0;
          events.forEach(({ rule, hoursLater }, n) => {
            time += hoursLater * 3_600_000;
            state = applyEvent(model, state, { id: `e${n}`, type: TYPES[rule], data: {} }, time).state;
            const value = RULES.reduce((sum, id) => sum + ruleValueAt(state, id, time), 0);
            expect(value).toBeLessThanOrEqual(max + 1e-9);
            expect(value).toBeGreaterThanOrEqual(min - 1e-9);
          });
        },
      ),
    );
  });

  it('hold a fit group within its limits, the clip explained as the group’s own contribution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.integer({ min: -20, max: 30 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (max, points, matches) => {
          const model = modelWith({
            groups: [{ id: 'firmographics', max, min: -10 }],
            fit: points.map((p, i) => ({
              id: `f${i}`,
              field: `f${i}`,
              operator: 'exists' as const,
              points: p,
              group: 'firmographics',
            })),
          });
          const profile = Object.fromEntries(matches.flatMap((m, i) => (m ? [[`f${i}`, 'yes']] : [])));
          const state = refit(model, emptyState(model, T0), profile, T0).state;
          const sum = points.reduce((total, p, i) => total + (matches[i] ? p : 0), 0);
          const fit = scoreAt(model, state, T0 + DAY_MS).fit;
          expect(fit).toBe(Math.min(max, Math.max(-10, sum)));
          const clip = explainAt(model, state, T0).contributions.find(
            (c) => c.ruleId === 'group:firmographics',
          );
          expect(clip?.points ?? 0).toBe(fit - sum);
        },
      ),
    );
  });
});

describe('frequency points', () => {
  const ranges = fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 })
    .chain((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      return fc
        .tuple(
          fc.array(fc.integer({ min: -10, max: 20 }), { minLength: sorted.length, maxLength: sorted.length }),
          fc.boolean(),
        )
        .map(([points, openEnded]) =>
          sorted.map((min, i) => {
            const next = sorted[i + 1];
            const max = next !== undefined ? next - 1 : openEnded ? undefined : min + 1;
            return { min, ...(max === undefined ? {} : { max }), points: points[i] ?? 0 };
          }),
        );
    });
  const hoursApart = fc.array(fc.double({ min: 0, max: 48, noNaN: true }), { maxLength: 30 });

  it('with take-back, are worth exactly the points of the range the count is in, at any time', () => {
    fc.assert(
      fc.property(
        ranges,
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        hoursApart,
        fc.array(fc.double({ min: 0, max: 7, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (rangeList, withinDays, gaps, probes) => {
          const points: FrequencyPoints = { withinDays, ranges: rangeList };
          const model = modelWith({
            engagement: [{ id: 'views', event: 'web.page_viewed', points, decay: 'none' }],
          });
          let state = emptyState(model, T0);
          const times: number[] = [];
          let time = T0;
          gaps.forEach((hours, n) => {
            time += Math.round(hours * 3_600_000);
            times.push(time);
            state = applyEvent(model, state, { id: `v${n}`, type: 'web.page_viewed' }, time).state;
          });
          const window = Math.round(withinDays * DAY_MS);
          for (const daysLater of probes) {
            const at = time + Math.round(daysLater * DAY_MS);
            const count = times.filter((t) => t > at - window && t <= at).length;
            const range = rangeList.find((r) => count >= r.min && (r.max === undefined || count <= r.max));
            expect(scoreAt(model, state, at).engagement).toBeCloseTo(range?.points ?? 0, 9);
          }
        },
      ),
    );
  });

  it('without take-back, give a range’s points each time the count enters it from below, and never take any', () => {
    fc.assert(
      fc.property(
        ranges,
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        hoursApart,
        (rangeList, withinDays, gaps) => {
          const model = modelWith({
            engagement: [
              {
                id: 'views',
                event: 'web.page_viewed',
                points: { withinDays, ranges: rangeList, takeBack: false },
                decay: 'none',
              },
            ],
          });
          let state = emptyState(model, T0);
          const times: number[] = [];
          let time = T0;
          let expected = 0;
          const window = Math.round(withinDays * DAY_MS);
          const rangeOf = (count: number) =>
            rangeList.find((r) => count >= r.min && (r.max === undefined || count <= r.max));
          gaps.forEach((hours, n) => {
            time += Math.round(hours * 3_600_000);
            // The count as the window slid to this instant, then with this event.
            const before = rangeOf(times.filter((t) => t > time - window).length);
            times.push(time);
            const after = rangeOf(times.filter((t) => t > time - window).length);
            if (after !== undefined && after !== before) expected += after.points;
            state = applyEvent(model, state, { id: `v${n}`, type: 'web.page_viewed' }, time).state;
            expect(scoreAt(model, state, time).engagement).toBeCloseTo(expected, 9);
          });
        },
      ),
    );
  });

  it('settle a window’s slide at its exact time whether the decay service runs once or often', () => {
    fc.assert(
      fc.property(
        ranges,
        hoursApart,
        fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { maxLength: 8 }),
        (rangeList, gaps, steps) => {
          const model = modelWith({
            decay: { halfLifeDays: 3 },
            engagement: [
              { id: 'views', event: 'web.page_viewed', points: { withinDays: 2, ranges: rangeList } },
            ],
          });
          let state = emptyState(model, T0);
          let time = T0;
          gaps.forEach((hours, n) => {
            time += Math.round(hours * 3_600_000);
            state = applyEvent(model, state, { id: `v${n}`, type: 'web.page_viewed' }, time).state;
          });
          let stepped = state;
          let at = time;
          for (const daysLater of steps) {
            at += Math.round(daysLater * DAY_MS);
            stepped = advanceTo(model, stepped, at).state;
          }
          const once = advanceTo(model, state, at).state;
          expect(scoreAt(model, stepped, at).engagement).toBeCloseTo(scoreAt(model, once, at).engagement, 9);
          expect(stepped.frequency).toEqual(once.frequency);
        },
      ),
    );
  });
});
