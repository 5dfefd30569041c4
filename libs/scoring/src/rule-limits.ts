import { type RuleLimits } from '@leadscore/contracts';
import { type StateDraft } from './contact-score.state.js';
import { DAY_MS, utcDay } from './scoring-time.js';

/** Whether a rule may award again at `at` (times only move forward, see effectiveTime). */
export function limitsAllow(
  draft: StateDraft,
  ruleId: string,
  limits: RuleLimits | undefined,
  at: number,
): boolean {
  if (!limits) return true;
  const counter = draft.counters[ruleId] ?? { lifetime: 0, recent: [] };
  if (limits.once === true && counter.lifetime >= 1) return false;
  if (limits.lifetime !== undefined && counter.lifetime >= limits.lifetime) return false;
  if (limits.perDay !== undefined) {
    const day = utcDay(at);
    if (counter.recent.filter((time) => utcDay(time) === day).length >= limits.perDay) return false;
  }
  if (limits.window !== undefined) {
    // Checking the window that ends at each award keeps every rolling window within the limit.
    const start = at - limits.window.days * DAY_MS;
    if (counter.recent.filter((time) => time > start).length >= limits.window.max) return false;
  }
  return true;
}

/** Counts an award, keeping only the recent times the limits still need. */
export function recordAward(
  draft: StateDraft,
  ruleId: string,
  limits: RuleLimits | undefined,
  at: number,
): void {
  if (!limits) return;
  const counter = (draft.counters[ruleId] ??= { lifetime: 0, recent: [] });
  counter.lifetime += 1;
  const needsTimes = limits.perDay !== undefined || limits.window !== undefined;
  if (!needsTimes) return;
  const horizon = Math.max(
    limits.perDay !== undefined ? DAY_MS : 0,
    limits.window !== undefined ? limits.window.days * DAY_MS : 0,
  );
  counter.recent = [...counter.recent.filter((time) => time > at - horizon), at];
}
