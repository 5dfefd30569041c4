export {
  emptyState,
  onlyReportChanged,
  PROCESSED_EVENT_IDS_KEPT,
  type ContactScoreState,
  type ContributionKind,
  type CorrelationValue,
  type DecayBucket,
  type ExpiringAward,
  type InactivityMark,
  type PendingAbsence,
  type PredictiveInputs,
  type RuleContribution,
  type RuleCounter,
  type ScoreSnapshot,
  type Tier,
} from './contact-score.state.js';
export { applyEvent, rememberedEventKey, type ScoringEvent } from './apply-event.js';
export { refit, type ContactProfile } from './refit.js';
export {
  adoptState,
  profileAfter,
  profileChangeOf,
  replayContact,
  rescoreState,
  scoreContactEvent,
  type ContactReplay,
  type ContactStep,
  type ReplayEvent,
} from './replay.js';
export { scoreAt } from './score-at.js';
export { fieldAt } from './field-conditions.js';
export { predictiveContributionsOf, probabilityOf, type PredictiveContribution } from './predictive-score.js';
export { explainAt, type RunningAward, type ScoreExplanation, type WaitingAbsence } from './explain-score.js';
export { type FrequencyCount } from './frequency-points.js';
export { rankStatsOf, relativeScore, type RankStats } from './relative-score.js';
export { rankOf, roundScore, TOP_CONTRIBUTIONS, type Contribution, type Rank, type Score } from './score.js';
export { tierOf, type TierPlacement } from './tiers.js';
export { toScoreChangedData, type ScoreCause, type ScoreChange, type ScoringResult } from './score-change.js';
export { type AppliedPoints } from './engagement-points.js';
export {
  advanceTo,
  applyAbsences,
  applyInactivity,
  decayTo,
  dueAbsences,
  expireAwards,
  type DueAbsence,
} from './time-effects.js';
export { decayFactor, decayKeyOf, type DecayKey } from './decay-rate.js';
export { nextAttentionAt } from './next-attention.js';
export { pointsFromCloseRates, type CloseRates } from './close-rates.js';
export { ScoringInputError } from './errors.js';
export { DAY_MS } from './scoring-time.js';
export {
  accountFitOf,
  accountOfProfile,
  accountScoresOf,
  accountTraitsOf,
  fromCentiPoints,
  isFreeMailDomain,
  membersRead,
  rollUpEngagement,
  rollupView,
  sameAccountScores,
  toCentiPoints,
  updateMember,
  type AccountEffect,
  type MemberChange,
  type MemberRecord,
  type MemberUpdate,
  type RollupInput,
} from './accounts.js';
export {
  conversionBy,
  liftByDecile,
  metricsAt,
  rocAuc,
  type DecileLift,
  type ScoredOutcome,
  type ThresholdMetrics,
} from './backtest-metrics.js';
export { stitchedReplayOrder, type StitchedHistory } from './stitched-replay.js';
