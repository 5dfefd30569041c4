import { ScoringInputError } from './errors.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The time an operation happens at: `now`, but never earlier than the time the state already reflects,
 * so a contact's clock only moves forward (an out-of-order event is scored as of the latest known time).
 */
export function effectiveTime(now: number, stateAsOf: number): number {
  if (!Number.isFinite(now))
    throw new ScoringInputError(`time must be epoch milliseconds, got ${String(now)}`);
  return Math.max(now, stateAsOf);
}

/** UTC calendar day number of an epoch-ms time (per-day limits count by it). */
export function utcDay(time: number): number {
  return Math.floor(time / DAY_MS);
}
