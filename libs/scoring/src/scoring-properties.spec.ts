import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import fc from 'fast-check';
import {
  closeTo,
  decayRate,
  deliveries,
  limits,
  models,
  type Delivery,
} from '../test/scoring-arbitraries.js';
import { T0, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent, type ScoringEvent } from './apply-event.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';
import { refit } from './refit.js';
import { explainAt } from './explain-score.js';
import { scoreAt } from './score-at.js';
import { DAY_MS, utcDay } from './scoring-time.js';
import { advanceTo, decayTo } from './time-effects.js';

/** Plays deliveries from T0; calls `each` after every step. */
function play(
  model: ScoringModel,
  stream: readonly Delivery[],
  each: (state: ContactScoreState, time: number, event: ScoringEvent) => void = () => undefined,
  start: ContactScoreState = emptyState(model, T0),
): { state: ContactScoreState; time: number } {
  let state = start;
  let time = T0;
  for (const delivery of stream) {
    time += delivery.gapMs;
    const event = { id: `event-${delivery.idIndex}`, type: delivery.type, data: {} };
    state = applyEvent(model, state, event, time).state;
    each(state, time, event);
  }
  return { state, time };
}

describe('scoring engine properties', () => {
  it('decays in one step exactly as in many steps', () => {
    fc.assert(
      fc.property(
        models,
        deliveries,
        fc.array(fc.integer({ min: 0, max: 5 * DAY_MS }), { minLength: 1, maxLength: 8 }),
        (model, stream, steps) => {
          const { state, time } = play(model, stream);
          let stepwise = state;
          let at = time;
          for (const step of steps) {
            at += step;
            stepwise = decayTo(model, stepwise, at).state;
          }
          const oneStep = decayTo(model, state, at).state;
          const keys = new Set([
            ...Object.keys(stepwise.engagement.buckets),
            ...Object.keys(oneStep.engagement.buckets),
          ]);
          for (const key of keys) {
            const a = stepwise.engagement.buckets[key]?.value ?? 0;
            const b = oneStep.engagement.buckets[key]?.value ?? 0;
            expect(closeTo(a, b)).toBe(true);
          }
          expect(closeTo(scoreAt(model, stepwise, at).total, scoreAt(model, oneStep, at).total)).toBe(true);
        },
      ),
    );
  });

  it('gives the same scores however often the decay service runs in between', () => {
    fc.assert(
      fc.property(models, deliveries, fc.array(fc.boolean(), { maxLength: 40 }), (model, stream, runs) => {
        const quiet = play(model, stream);
        let state = emptyState(model, T0);
        let time = T0;
        stream.forEach((delivery, index) => {
          time += delivery.gapMs;
          if (runs[index] === true)
            state = advanceTo(model, state, time - Math.floor(delivery.gapMs / 2)).state;
          state = applyEvent(
            model,
            state,
            { id: `event-${delivery.idIndex}`, type: delivery.type, data: {} },
            time,
          ).state;
        });
        const later = time + 9 * DAY_MS;
        const a = scoreAt(model, quiet.state, later);
        const b = scoreAt(model, state, later);
        expect(closeTo(a.engagement, b.engagement)).toBe(true);
        expect(closeTo(a.total, b.total)).toBe(true);
      }),
    );
  });

  it('explains exactly the score scoreAt gives, at any later time, without changing the state', () => {
    fc.assert(
      fc.property(models, deliveries, fc.integer({ min: 0, max: 30 * DAY_MS }), (model, stream, gap) => {
        const { state, time } = play(model, stream);
        const before = JSON.stringify(state);
        const later = time + gap;
        const explained = explainAt(model, state, later);
        expect(explained.score).toEqual(scoreAt(model, state, later));
        expect(JSON.stringify(state)).toBe(before);
        // What came due since the last write is the time effects between it and `later`, in order.
        for (const applied of explained.sinceLastWrite) {
          expect(applied.at).toBeGreaterThanOrEqual(state.asOf);
          expect(applied.at).toBeLessThanOrEqual(later);
        }
        expect(explained.runningAwards.every((award) => award.expiresAt > later)).toBe(true);
        const dueTimes = explained.waitingAbsences.map((absence) => absence.dueAt);
        expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
        expect(dueTimes.every((dueAt) => dueAt > later)).toBe(true);
        // Every rule with points is listed (a score change carries the top ten only).
        const rulesWithPoints = [
          ...Object.keys(state.fit.rules).filter((id) => (state.fit.rules[id] ?? 0) !== 0),
        ];
        for (const id of rulesWithPoints)
          expect(explained.contributions.some((c) => c.ruleId === id && c.kind === 'fit')).toBe(true);
      }),
    );
  });

  it('keeps states as plain JSON: what PostgreSQL stores and gives back is the same state, key for key', () => {
    fc.assert(
      fc.property(models, deliveries, fc.integer({ min: 0, max: 30 * DAY_MS }), (model, stream, later) => {
        const { state, time } = play(model, stream, (each) =>
          // No key with an undefined value, anywhere: jsonb drops those, and stored states are compared
          // with the engine's own (the scorer's crash test does, with isDeepStrictEqual).
          expect(JSON.parse(JSON.stringify(each))).toStrictEqual(each),
        );
        const advanced = advanceTo(model, state, time + later).state;
        expect(JSON.parse(JSON.stringify(advanced))).toStrictEqual(advanced);
      }),
    );
  });

  it('changes nothing when the same event id arrives again', () => {
    fc.assert(
      fc.property(models, deliveries, fc.integer({ min: 0, max: 10 * DAY_MS }), (model, stream, later) => {
        play(model, stream, (state, time, event) => {
          const again = applyEvent(model, state, event, time + later);
          expect(again.state).toBe(state);
          expect(again.change).toBeUndefined();
        });
      }),
    );
  });

  it('ends a stream with redeliveries in the same state as the stream delivered once', () => {
    fc.assert(
      fc.property(
        models,
        deliveries,
        fc.array(fc.boolean(), { maxLength: 40 }),
        (model, stream, redeliver) => {
          const once = play(model, stream);
          let state = emptyState(model, T0);
          let time = T0;
          stream.forEach((delivery, index) => {
            time += delivery.gapMs;
            const event = { id: `event-${delivery.idIndex}`, type: delivery.type, data: {} };
            state = applyEvent(model, state, event, time).state;
            if (redeliver[index] === true) state = applyEvent(model, state, event, time).state;
          });
          expect(state).toEqual(once.state);
        },
      ),
    );
  });

  it('keeps engagement and total within the caps and clamps at every step and any later time', () => {
    fc.assert(
      fc.property(models, deliveries, fc.integer({ min: 0, max: 60 * DAY_MS }), (model, stream, later) => {
        const caps = model.caps ?? {};
        const within = (value: number, min: number | undefined, max: number | undefined) =>
          value >= (min ?? -Infinity) - 1e-9 && value <= (max ?? Infinity) + 1e-9;
        play(model, stream, (state, time) => {
          for (const at of [time, time + later]) {
            const score = scoreAt(model, state, at);
            expect(within(score.engagement, caps.minEngagement, caps.maxEngagement)).toBe(true);
            expect(within(score.total, caps.minTotal, caps.maxTotal)).toBe(true);
          }
          const published = state.reported;
          if (published) expect(within(published.total, caps.minTotal, caps.maxTotal)).toBe(true);
        });
      }),
    );
  });

  it('never decays fit', () => {
    fc.assert(
      fc.property(
        models,
        deliveries,
        fc.constantFrom('pro', 'free'),
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        (model, stream, plan, later) => {
          const profiled = refit(model, emptyState(model, T0), { plan }, T0).state;
          const fit = plan === 'pro' && model.fit !== undefined ? 20 : 0;
          play(
            model,
            stream,
            (state, time) => {
              expect(scoreAt(model, state, time).fit).toBe(fit);
              expect(scoreAt(model, state, time + later).fit).toBe(fit);
            },
            profiled,
          );
        },
      ),
    );
  });

  it('drops points exactly when their lifetime ends, and keeps them until 1 ms before', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.integer({ min: -50, max: 50 }).filter((p) => p !== 0),
        fc.oneof(fc.constant('none' as const), decayRate),
        fc.integer({ min: 0, max: DAY_MS }),
        (lifetimeDays, points, decay, offset) => {
          const model = modelWith({
            engagement: [{ id: 'r', event: 'email.clicked', points, expiresAfterDays: lifetimeDays, decay }],
          });
          const at = T0 + offset;
          const { state } = applyEvent(model, emptyState(model, T0), { id: 'e', type: 'email.clicked' }, at);
          const expiresAt = at + Math.round(lifetimeDays * DAY_MS);
          const factor =
            decay === 'none'
              ? 1
              : 'percentPerDay' in decay
                ? (1 - decay.percentPerDay / 100) ** ((expiresAt - 1 - at) / DAY_MS)
                : 0.5 ** ((expiresAt - 1 - at) / DAY_MS / decay.halfLifeDays);
          const before = scoreAt(model, state, expiresAt - 1).engagement;
          expect(closeTo(before, points * factor)).toBe(true);
          expect(before).not.toBe(0);
          expect(Math.abs(scoreAt(model, state, expiresAt).engagement)).toBeLessThan(1e-9);
          expect(
            Math.abs(advanceTo(model, state, expiresAt).state.engagement.buckets['none']?.value ?? 0),
          ).toBeLessThan(1e-9);
          // Reads that run before expireAwards (decay alone) leave ended awards out as well.
          expect(decayTo(model, state, expiresAt).state.reported?.engagement ?? 0).toBe(0);
          expect(
            Math.abs(
              (decayTo(model, state, expiresAt - 1).state.reported?.engagement ?? 0) - points * factor,
            ),
          ).toBeLessThan(0.006);
        },
      ),
    );
  });

  it('never lets a rule award more often than its limits allow', () => {
    fc.assert(
      fc.property(
        limits,
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 2 * DAY_MS })),
          { maxLength: 60 },
        ),
        (ruleLimits, gaps) => {
          const model = modelWith({
            engagement: [{ id: 'r', event: 'email.clicked', points: 1, limits: ruleLimits }],
          });
          let state = emptyState(model, T0);
          let time = T0;
          const awarded: number[] = [];
          gaps.forEach((gap, index) => {
            time += gap;
            const result = applyEvent(model, state, { id: `e${index}`, type: 'email.clicked' }, time);
            state = result.state;
            for (const applied of result.change?.applied ?? [])
              if (applied.outcome === 'awarded') awarded.push(applied.at);
          });
          if (ruleLimits.once === true) expect(awarded.length).toBeLessThanOrEqual(1);
          if (ruleLimits.lifetime !== undefined)
            expect(awarded.length).toBeLessThanOrEqual(ruleLimits.lifetime);
          if (ruleLimits.perDay !== undefined) {
            const perDay = new Map<number, number>();
            for (const at of awarded) perDay.set(utcDay(at), (perDay.get(utcDay(at)) ?? 0) + 1);
            for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(ruleLimits.perDay);
          }
          const window = ruleLimits.window;
          if (window !== undefined) {
            for (const end of awarded) {
              expect(
                awarded.filter((at) => at > end - window.days * DAY_MS && at <= end).length,
              ).toBeLessThanOrEqual(window.max);
            }
          }
          expect(state.reported?.engagement ?? 0).toBe(awarded.length);
        },
      ),
    );
  });
});
