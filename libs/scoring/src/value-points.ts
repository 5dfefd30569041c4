import { type ValuePoints } from '@leadscore/contracts';
import { asNumber, fieldAt } from './field-conditions.js';
import { clamp } from './limits.js';

const ROUNDINGS: Readonly<Record<NonNullable<ValuePoints['round']>, (steps: number) => number>> = {
  down: Math.floor,
  up: Math.ceil,
  nearest: Math.round,
  none: (steps) => steps,
};

/**
 * A rule's points for `root` (the event data, or the profile for fit rules): a fixed number as it is, or
 * computed from a numeric field (value ÷ per steps, rounded, × each, within [min, max]); undefined when
 * that field is missing or not a number — the rule then gives nothing.
 */
export function pointsOf(points: number | ValuePoints, root: unknown): number | undefined {
  if (typeof points === 'number') return points;
  const value = asNumber(fieldAt(root, points.from));
  if (value === undefined) return undefined;
  const round = ROUNDINGS[points.round ?? 'down'];
  const steps = round(value / (points.per ?? 1));
  const computed = steps * (points.each ?? 1);
  const clamped = clamp(computed, points.min, points.max);
  // No negative zero in scores or explanations.
  return clamped === 0 ? 0 : clamped;
}
