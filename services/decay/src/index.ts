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
  DEFAULT_DECAY_CRON,
  DEFAULT_DECAY_TIMEZONE,
  DecayScheduleError,
} from './decay/decay-schedule.js';
export {
  DecayRuntime,
  DECAY_LEADER_LOCK,
  NotLeaderError,
  UnknownModelError,
  type RunRequest,
  type DecayRuntimeOptions,
} from './app/decay.runtime.js';
