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
