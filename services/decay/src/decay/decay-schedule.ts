import { CronExpressionParser } from 'cron-parser';
import { type ScoringModel } from '@leadscore/contracts';

/** Daily at midnight: a model without a `schedule` section. */
export const DEFAULT_DECAY_CRON = '0 0 * * *';
/** The zone of a model whose schedule names none, in a workspace without a configured zone. */
export const DEFAULT_DECAY_TIMEZONE = 'UTC';

export class DecayScheduleError extends Error {
  override readonly name = 'DecayScheduleError';
}

/** The cron expression a model's passes follow and the zone it is read in. */
export interface DecaySchedule {
  readonly cron: string;
  readonly timezone: string;
  /** Where the zone came from: the model's `schedule.timezone`, the workspace's zone, or the UTC default. */
  readonly timezoneFrom: 'model' | 'workspace' | 'default';
}

/**
 * The model's schedule with its zone resolved: the model's own `schedule.timezone`, else the zone of
 * its workspace (`workspaceTimeZone`: its settings', else DECAY_WORKSPACE_TIME_ZONES), else UTC. A model without a
 * schedule runs daily at 00:00 in that zone.
 */
export function decayScheduleOf(model: ScoringModel, workspaceTimeZone?: string): DecaySchedule {
  const cron = model.schedule?.cron ?? DEFAULT_DECAY_CRON;
  if (model.schedule?.timezone !== undefined)
    return { cron, timezone: model.schedule.timezone, timezoneFrom: 'model' };
  if (workspaceTimeZone !== undefined)
    return { cron, timezone: workspaceTimeZone, timezoneFrom: 'workspace' };
  return { cron, timezone: DEFAULT_DECAY_TIMEZONE, timezoneFrom: 'default' };
}

function parse(model: ScoringModel, schedule: DecaySchedule, currentDate: number) {
  try {
    return CronExpressionParser.parse(schedule.cron, {
      currentDate: new Date(currentDate),
      tz: schedule.timezone,
    });
  } catch (error) {
    const zone =
      schedule.timezoneFrom === 'workspace'
        ? `timezone ${schedule.timezone} of workspace ${model.workspace}`
        : `timezone ${schedule.timezone}`;
    throw new DecayScheduleError(
      `model ${model.workspace}/${model.id} v${model.version}: schedule.cron "${schedule.cron}" (${zone}) cannot be read: ${
        error instanceof Error ? error.message : String(error)
      }; use five fields (minute hour day-of-month month day-of-week) and an IANA time zone`,
    );
  }
}

/**
 * The latest time at or before `now` the model's schedule fired: what a pass at `now` decays to. Using
 * the fire time (not the wall clock) makes the pass's target the same for every replica and restart.
 */
export function lastScheduledTime(model: ScoringModel, now: number, workspaceTimeZone?: string): number {
  // +1 ms: prev() is strictly before currentDate, and a fire time exactly at `now` counts.
  return parse(model, decayScheduleOf(model, workspaceTimeZone), now + 1)
    .prev()
    .getTime();
}

/** The first time strictly after `now` the model's schedule fires: when its next pass comes due. */
export function nextScheduledTime(model: ScoringModel, now: number, workspaceTimeZone?: string): number {
  return parse(model, decayScheduleOf(model, workspaceTimeZone), now).next().getTime();
}
