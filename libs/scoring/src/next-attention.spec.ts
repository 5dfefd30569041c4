import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import fc from 'fast-check';
import { deliveries, models, type Delivery } from '../test/scoring-arbitraries.js';
import { T0, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';
import { nextAttentionAt } from './next-attention.js';
import { refit } from './refit.js';
import { type ScoreChange } from './score-change.js';
import { DAY_MS } from './scoring-time.js';
import { advanceTo } from './time-effects.js';

/** Models of the shared arbitrary, sometimes with an absence rule (the one time effect it lacks). */
const modelsWithAbsences = fc.tuple(models, fc.boolean()).map(([model, absence]) =>
  absence
    ? {
        ...model,
        absence: [
          {
            id: 'no-follow-up',
            trigger: { event: 'email.opened' },
            expect: { event: 'email.clicked' },
            windowDays: 2,
            points: -4,
          },
        ],
      }
    : model,
);

function play(model: ScoringModel, stream: readonly Delivery[]): ContactScoreState {
  let state = refit(model, emptyState(model, T0), { plan: 'pro' }, T0).state;
  let time = T0;
  for (const delivery of stream) {
    time += delivery.gapMs;
    state = applyEvent(
      model,
      state,
      { id: `e-${delivery.idIndex}`, type: delivery.type, data: {} },
      time,
    ).state;
  }
  return state;
}

/** What a pass changes in a state besides its report and decayed residue: the time effects' bookkeeping. */
const timeEffects = (state: ContactScoreState) => ({
  awards: state.awards,
  pendingAbsences: state.pendingAbsences,
  inactivity: state.inactivity,
  frequency: state.frequency,
});

describe('nextAttentionAt', () => {
  it('is never late: before it, advancing the state publishes nothing and no time effect comes due', () => {
    fc.assert(
      fc.property(
        modelsWithAbsences,
        deliveries,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (model, stream, fractions) => {
          const state = play(model, stream);
          const due = nextAttentionAt(model, state);
          expect(due === null || due > state.asOf).toBe(true);
          // Before the answer (or within 400 days of a state that never needs attention).
          const horizon = (due ?? state.asOf + 400 * DAY_MS) - state.asOf;
          for (const fraction of fractions) {
            const at = state.asOf + Math.floor(fraction * horizon);
            if (due !== null && at >= due) continue;
            const advanced = advanceTo(model, state, at);
            expect(advanced.change).toBeUndefined();
            expect(timeEffects(advanced.state)).toEqual(timeEffects(state));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lets passes skip contacts until their time and publish exactly what passes over every contact publish', () => {
    const passes = { skipped: 0, run: 0, published: 0 };
    fc.assert(
      fc.property(
        modelsWithAbsences,
        deliveries,
        fc.array(fc.integer({ min: 1, max: 3 * DAY_MS }), { minLength: 1, maxLength: 12 }),
        (model, stream, gaps) => {
          const start = play(model, stream);
          let everyPass = start;
          let duePasses = start;
          let due = nextAttentionAt(model, duePasses);
          const published: { every: ScoreChange[]; due: ScoreChange[] } = { every: [], due: [] };
          let at = start.asOf;
          for (const gap of gaps) {
            at += gap;
            const all = advanceTo(model, everyPass, at);
            everyPass = all.state;
            if (all.change) published.every.push(all.change);
            if (due === null || due > at) passes.skipped += 1;
            else {
              passes.run += 1;
              const advanced = advanceTo(model, duePasses, at);
              duePasses = advanced.state;
              if (advanced.change) published.due.push(advanced.change);
              due = nextAttentionAt(model, duePasses);
              expect(due === null || due > at).toBe(true);
            }
          }
          expect(published.due).toEqual(published.every);
          expect(duePasses.reported).toEqual(everyPass.reported);
          passes.published += published.every.length;
        },
      ),
      { numRuns: 300 },
    );
    // The comparison means something only if both kinds of pass happened, and changes were published.
    expect(passes.skipped).toBeGreaterThan(100);
    expect(passes.run).toBeGreaterThan(100);
    expect(passes.published).toBeGreaterThan(100);
  });

  const decaying = modelWith({
    engagement: [{ id: 'click', event: 'email.clicked', points: 10 }],
    decay: { percentPerDay: 2 },
    tiers: { warm: 8, hot: 20 },
  });
  const clicked = applyEvent(
    decaying,
    emptyState(decaying, T0),
    { id: 'c1', type: 'email.clicked', data: {} },
    T0,
  ).state;

  it('finds the millisecond decay moves the published score', () => {
    let state = clicked;
    for (let pass = 0; pass < 20; pass += 1) {
      const due = nextAttentionAt(decaying, state);
      if (due === null) throw new Error('a decaying score needs attention');
      expect(advanceTo(decaying, state, due - 1).change).toBeUndefined();
      const moved = advanceTo(decaying, state, due);
      expect(moved.change?.cause).toEqual({ type: 'decay' });
      expect(moved.change?.current.total).toBeCloseTo((state.reported?.total ?? 0) - 0.01, 9);
      state = moved.state;
    }
    // 10 × 0.98^days falls below 9.995 after about 0.025 days, then a hundredth every ~0.05 days.
    expect(state.asOf - T0).toBeGreaterThan(0.9 * DAY_MS);
    expect(state.asOf - T0).toBeLessThan(1.1 * DAY_MS);
  });

  it('needs no attention once the score has decayed to what it will stay at', () => {
    const faded = advanceTo(decaying, clicked, T0 + 400 * DAY_MS).state;
    expect(faded.reported?.total).toBe(0);
    expect(nextAttentionAt(decaying, faded)).toBeNull();
    // A fit-only contact neither.
    expect(nextAttentionAt(decaying, emptyState(decaying, T0))).toBeNull();
  });

  it('names the next time effect when decay moves nothing before it', () => {
    const quiet = modelWith({
      engagement: [{ id: 'click', event: 'email.clicked', points: 10, expiresAfterDays: 3 }],
      inactivity: [{ id: 'quiet', afterDays: 10, points: -5 }],
    });
    const state = applyEvent(
      quiet,
      emptyState(quiet, T0),
      { id: 'c1', type: 'email.clicked', data: {} },
      T0,
    ).state;
    expect(nextAttentionAt(quiet, state)).toBe(T0 + 3 * DAY_MS);
    const expired = advanceTo(quiet, state, T0 + 3 * DAY_MS).state;
    expect(nextAttentionAt(quiet, expired)).toBe(T0 + 10 * DAY_MS);
  });

  it('needs attention at once when the scores it would publish are not those it last published', () => {
    const stale: ContactScoreState = { ...clicked, reported: { ...clicked.reported!, total: 3 } };
    expect(nextAttentionAt(decaying, stale)).toBe(clicked.asOf + 1);
  });
});
