import { type ScoringModel } from '@leadscore/contracts';
import { type ContactScoreState, type ScoreSnapshot } from './contact-score.state.js';
import { decayFactor, decayRatePerMs } from './decay-rate.js';
import { sameScores, zeroSnapshot } from './score-change.js';
import { scoreOfState, snapshotOf } from './score.js';
import { nextTimeEffectAt } from './time-effects.js';

/** The search gives up (answering early, which is safe) after this many steps. */
const MAX_STEPS = 64;
/** Slack against floating-point error in a value's distance to the edge of its hundredth. */
const EDGE_MARGIN = 1e-9;

/**
 * When the state next needs the decay service, in integer milliseconds after its `asOf`: the earliest
 * time at which advancing it (`advanceTo`) may do something visible: a time effect comes due (an award's lifetime
 * ends, an absence's window closes, an event leaves a frequency window, an inactivity penalty is due),
 * or decay alone moves a published figure (engagement or total leaves its hundredth; tier follows the
 * rounded total; fit, grade and probability do not decay). null: nothing ever will.
 *
 * Never late, possibly early: no integer time before the answer publishes anything or changes the
 * state's substance. An early answer costs the decay pass one contact that it advances without
 * publishing, after which it asks again. A state whose published scores already differ from its
 * report (e.g. an account change that republished older scores) needs attention at once: 1 ms after
 * its `asOf` (a pass skips states already at its time).
 *
 * Decay is a sum of exponentials, one per bucket and possibly of both signs, so the crossing of a
 * rounding edge has no closed form in general. The search steps forward by what the decay rates
 * prove: positive buckets can pull engagement down at most Σ v·rate per ms, negative ones push it up at
 * most Σ |v|·rate, and both bounds only shrink with time. Engagement and total (each a monotone,
 * 1-Lipschitz function of raw engagement, through the caps) cannot leave their hundredths before the
 * nearer edge is reached at that speed; at each step the real scores are computed and compared.
 */
export function nextAttentionAt(model: ScoringModel, state: ContactScoreState): number | null {
  const start = Math.floor(state.asOf);
  const effect = nextTimeEffectAt(model, state);
  // A pass skips states already at its time, so the earliest a pass can act on this one is just after.
  const first = start + 1;
  if (effect !== undefined && effect <= start) return first;
  const base = state.reported ?? zeroSnapshot(model);
  let time = start;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const score = scoreOfState(model, state, time);
    if (!sameScores(base, snapshotOf(score))) return Math.max(time, first);
    const bounds = decayBounds(state, time);
    if (bounds.staysPut || neverLeaves(model, state, base, time, bounds)) return effect ?? null;
    const wait = Math.min(
      waitFor(distanceDown(score.engagement), bounds.downPerMs),
      waitFor(distanceDown(score.total), bounds.downPerMs),
      waitFor(distanceUp(score.engagement), bounds.upPerMs),
      waitFor(distanceUp(score.total), bounds.upPerMs),
    );
    const next = Math.max(time + 1, Math.ceil(time + wait));
    if (effect !== undefined && next >= effect) return effect;
    if (!Number.isFinite(next)) return effect ?? null;
    time = next;
  }
  return effect !== undefined ? Math.min(time, effect) : time;
}

interface DecayBounds {
  /** Σ v·rate over positive buckets: the fastest engagement can fall, per ms (it only slows). */
  readonly downPerMs: number;
  /** Σ |v|·rate over negative buckets: the fastest engagement can rise, per ms. */
  readonly upPerMs: number;
  /** The lowest raw engagement can reach from here (every decaying positive bucket gone). */
  readonly floor: number;
  /** The highest raw engagement can reach from here (every decaying negative bucket gone). */
  readonly ceiling: number;
  /** Nothing decays any more. */
  readonly staysPut: boolean;
}

function decayBounds(state: ContactScoreState, time: number): DecayBounds {
  let downPerMs = 0;
  let upPerMs = 0;
  let floor = 0;
  let ceiling = 0;
  for (const [key, bucket] of Object.entries(state.engagement.buckets)) {
    const value = bucket.value * decayFactor(key, time - bucket.asOf);
    const rate = decayRatePerMs(key);
    if (rate === 0) {
      floor += value;
      ceiling += value;
    } else if (value > 0) {
      downPerMs += value * rate;
      ceiling += value;
    } else if (value < 0) {
      upPerMs -= value * rate;
      floor += value;
    }
  }
  return { downPerMs, upPerMs, floor, ceiling, staysPut: downPerMs === 0 && upPerMs === 0 };
}

/**
 * True when every engagement decay can still reach keeps the published scores (`published`, what the
 * state publishes now): the scores at both ends of the range are those (engagement and total are
 * monotone in raw engagement, so the range between them publishes the same too).
 */
function neverLeaves(
  model: ScoringModel,
  state: ContactScoreState,
  published: ScoreSnapshot,
  time: number,
  bounds: DecayBounds,
): boolean {
  return [bounds.floor, bounds.ceiling].every((raw) =>
    sameScores(published, snapshotAtRaw(model, state, raw, time)),
  );
}

/** The published scores of the state were its raw engagement `raw` (decay moves nothing else). */
function snapshotAtRaw(
  model: ScoringModel,
  state: ContactScoreState,
  raw: number,
  time: number,
): ScoreSnapshot {
  const frozen: ContactScoreState = {
    ...state,
    engagement: { buckets: { none: { value: raw, asOf: time } }, rules: state.engagement.rules },
  };
  return snapshotOf(scoreOfState(model, frozen, time));
}

/** How far a value may fall before its hundredth (as `roundScore` rounds it) changes. */
function distanceDown(value: number): number {
  const hundredths = Math.round(value * 100);
  return value - (hundredths - 0.5) / 100 - EDGE_MARGIN;
}

/** How far a value may rise before its hundredth changes. */
function distanceUp(value: number): number {
  const hundredths = Math.round(value * 100);
  return (hundredths + 0.5) / 100 - value - EDGE_MARGIN;
}

function waitFor(distance: number, perMs: number): number {
  if (perMs === 0) return Infinity;
  return Math.max(0, distance) / perMs;
}
