import { type DecayRate, type ScoringModel } from '@leadscore/contracts';
import { DAY_MS } from './scoring-time.js';

/**
 * A decay rate as a string, so that state stays plain JSON and engagement can be kept in one bucket per
 * rate: `none`, `percentPerDay:2`, `halfLifeDays:30`.
 */
export type DecayKey = string;

export const NO_DECAY: DecayKey = 'none';

export function decayKeyOf(rate: DecayRate | 'none' | undefined): DecayKey {
  if (rate === undefined || rate === 'none') return NO_DECAY;
  return 'percentPerDay' in rate
    ? `percentPerDay:${rate.percentPerDay}`
    : `halfLifeDays:${rate.halfLifeDays}`;
}

/** The key a rule's points decay by: its own override, else the model's decay. */
export function ruleDecayKey(model: ScoringModel, override: DecayRate | 'none' | undefined): DecayKey {
  return decayKeyOf(override ?? model.decay);
}

/**
 * The factor a value keeps after `elapsedMs`: (1 − p/100)^days or 0.5^(days / halfLife), with fractional
 * days, so decaying in one step or in many gives the same result. Time never runs backwards: a
 * non-positive elapsed time keeps the value.
 */
export function decayFactor(key: DecayKey, elapsedMs: number): number {
  if (elapsedMs <= 0 || key === NO_DECAY) return 1;
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  const amount = Number(key.slice(separator + 1));
  const days = elapsedMs / DAY_MS;
  if (kind === 'percentPerDay') return Math.pow(1 - amount / 100, days);
  if (kind === 'halfLifeDays') return Math.pow(0.5, days / amount);
  return 1;
}

/**
 * How fast a value decays under `key`, as a continuous rate per millisecond: the value keeps
 * e^(−rate × elapsedMs). Infinity for `percentPerDay:100` (gone after any time at all), 0 for `none`.
 */
export function decayRatePerMs(key: DecayKey): number {
  if (key === NO_DECAY) return 0;
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  const amount = Number(key.slice(separator + 1));
  if (kind === 'percentPerDay') return amount >= 100 ? Infinity : -Math.log(1 - amount / 100) / DAY_MS;
  if (kind === 'halfLifeDays') return Math.LN2 / (amount * DAY_MS);
  return 0;
}
