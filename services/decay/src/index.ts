export {
  planDecayRange,
  DECAY_EVENT_SOURCE,
  DECAY_OUTBOX_SOURCE,
  type DecayRangePlan,
  type DecayCause,
} from './decay/decay-plan.js';
export {
  DecayRunner,
  loadModels,
  PassInterruptedError,
  DEFAULT_RANGE_SIZE,
  type ModelPassResult,
  type DecayRunnerOptions,
} from './decay/decay-runner.js';
export {
  lastScheduledTime,
  nextScheduledTime,
  decayScheduleOf,
  DEFAULT_DECAY_CRON,
  DEFAULT_DECAY_TIMEZONE,
  DecayScheduleError,
  type DecaySchedule,
} from './decay/decay-schedule.js';
export {
  parseWorkspaceTimeZones,
  WORKSPACE_TIME_ZONES_VARIABLE,
  type WorkspaceTimeZones,
} from './decay/workspace-time-zones.js';
export {
  DecayRuntime,
  DECAY_LEADER_LOCK,
  NotLeaderError,
  UnknownModelError,
  type RunRequest,
  type DecayRuntimeOptions,
} from './app/decay.runtime.js';
