import { CronExpressionParser } from 'cron-parser';
import { type ScoringModel } from '@leadscore/contracts';

/** Daily at midnight: a model without a `schedule` section. */
export const DEFAULT_DECAY_CRON = '0 0 * * *';
export const DEFAULT_DECAY_TIMEZONE = 'UTC';

export class DecayScheduleError extends Error {
  override readonly name = 'DecayScheduleError';
}

/**
 * The latest time at or before `now` the model's schedule fired: what a pass at `now` decays to. Using
 * the fire time (not the wall clock) makes the pass's target the same for every replica and restart.
 */
export function lastScheduledTime(model: ScoringModel, now: number): number {
  const cron = model.schedule?.cron ?? DEFAULT_DECAY_CRON;
  const tz = model.schedule?.timezone ?? DEFAULT_DECAY_TIMEZONE;
  let expression;
  try {
    // +1 ms: prev() is strictly before currentDate, and a fire time exactly at `now` counts.
    expression = CronExpressionParser.parse(cron, { currentDate: new Date(now + 1), tz });
  } catch (error) {
    throw new DecayScheduleError(
      `model ${model.workspace}/${model.id} v${model.version}: schedule.cron "${cron}" (timezone ${tz}) cannot be read: ${
        error instanceof Error ? error.message : String(error)
      }; use five fields (minute hour day-of-month month day-of-week) and an IANA time zone`,
    );
  }
  return expression.prev().getTime();
}
