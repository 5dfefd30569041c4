export { conditionMet, stageMet, type ScoreReading } from './stage-conditions.js';
export {
  applyMergedScores,
  applyScores,
  setSalesAccepted,
  targetStage,
  tierNamesOf,
  tierTransitions,
  INITIAL_LIFECYCLE,
  type ContactLifecycle,
  type LifecyclePlan,
  type LifecycleStageName,
  type TierName,
  type Transition,
} from './transitions.js';
export {
  backoffDelayMs,
  decideAfterAttempt,
  isRetriable,
  parseRetryAfter,
  DEFAULT_RETRY_POLICY,
  type AttemptDecision,
  type AttemptResult,
  type RetryPolicy,
} from './retry-schedule.js';
export {
  admitAttempt,
  blockedUntil,
  recordAttempt,
  CLOSED_CIRCUIT,
  DEFAULT_CIRCUIT_POLICY,
  type CircuitPolicy,
  type CircuitState,
} from './circuit-breaker.js';
export {
  generateWebhookSecret,
  signWebhook,
  signatureOf,
  secretKey,
  webhookIdOf,
  InvalidWebhookSecretError,
  WebhookHeaders,
} from './standard-webhooks.js';
export {
  wantsAccountScoreChanges,
  wantsAccountTransition,
  wantsScoreChanges,
  wantsTransition,
  type SubscriptionFilter,
} from './subscription-filter.js';
export {
  applyAccountScores,
  INITIAL_ACCOUNT_LIFECYCLE,
  type AccountLifecycle,
  type AccountLifecyclePlan,
  type AccountStageName,
  type AccountTransition,
} from './account-transitions.js';
export {
  backtestModels,
  type BacktestContact,
  type BacktestPosition,
  type BacktestReport,
  type BacktestSide,
} from './backtest.js';
