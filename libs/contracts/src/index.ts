export {
  Topics,
  TOPIC_DECLARATIONS,
  Headers,
  contactKey,
  type TopicName,
  type TopicDeclaration,
} from './topics.js';
export {
  CLOUDEVENTS_SPEC_VERSION,
  CUSTOM_EVENT_TYPE_PREFIX,
  eventKey,
  eventFamily,
  isCustomEvent,
  isCustomEventType,
  isWellFormedCustomEventType,
  isOutcomeEventType,
  OUTCOME_EVENT_TYPES,
  type CanonicalEvent,
  type CanonicalEventOf,
  type CanonicalEventType,
  type CanonicalEventDataByType,
  type CustomEvent,
  type CustomEventType,
  type OutcomeEventType,
} from './events/canonical-event.js';
export type { OutcomeData, OutcomeActor } from './generated/outcome.js';
export {
  contactSubject,
  isSupportedCountry,
  normalizeEmail,
  normalizePhone,
  normalizeSubject,
  type IdentityKind,
  type IdentityResult,
  type IdentityRules,
} from './identity/contact-identity.js';
export type { CustomEventData } from './generated/custom.js';
export {
  createEventValidator,
  type EventValidator,
  type EventValidation,
  type EventValidationIssue,
} from './events/event-validator.js';
export { EVENT_SCHEMAS, familyEventTypes, type EventSchemaDocuments } from './events/event-schemas.js';
export {
  MAX_JSON_DEPTH,
  readUntrustedJson,
  findUntrustedJsonIssue,
  exceedsJsonDepth,
  type UntrustedJsonReading,
  type UntrustedJsonIssue,
  type UntrustedJsonProblem,
} from './json/untrusted-json.js';
export type {
  ScoringModel,
  FitRule,
  EqualsFitRule,
  InFitRule,
  RangeFitRule,
  RegexFitRule,
  ExistsFitRule,
  Condition,
  EqualsCondition,
  InCondition,
  RangeCondition,
  RegexCondition,
  ExistsCondition,
  Filters,
  Grade,
  GradeBand,
  EventType as ModelEventType,
  EngagementRule,
  RuleLimits,
  DecayRate,
  PercentPerDayDecay,
  HalfLifeDecay,
  AbsenceRule,
  EventMatch,
  InactivityRule,
  Caps,
  Tiers,
  Lifecycle,
  LifecycleStage,
  LifecycleCondition,
  ScoreThreshold,
  GradeCondition,
  ConditionGroup,
  RecycledStage,
  Schedule,
} from './generated/model.js';
export { modelSchema } from './generated/model.schema.js';
export {
  parseModel,
  ModelValidationError,
  formatModelIssue,
  type ModelIssue,
  type ModelFormat,
} from './model/index.js';
export type {
  ScoreChangedEvent,
  ScoreChangedData,
  ScoreChangeCause,
  ScoreContribution,
  ScoreSnapshot as PublishedScores,
} from './generated/score-changed.js';
export { scoreChangedSchema } from './generated/score-changed.schema.js';
export type {
  LifecycleChangedEvent,
  LifecycleChangedData,
  LifecycleScores,
  LifecycleContribution,
} from './generated/lifecycle-changed.js';
export { lifecycleChangedSchema } from './generated/lifecycle-changed.schema.js';
// The api's request and response bodies (schemas/api/): validators compile the request schemas.
export type { CreateWorkspaceRequest } from './generated/create-workspace-request.js';
export { createWorkspaceRequestSchema } from './generated/create-workspace-request.schema.js';
export type { CreateKeyRequest } from './generated/create-key-request.js';
export { createKeyRequestSchema } from './generated/create-key-request.schema.js';
export type { ApiKey } from './generated/api-key.js';
export type { KeyCreated } from './generated/key-created.js';
export type { KeyList } from './generated/key-list.js';
export type { WorkspaceCreated } from './generated/workspace-created.js';
export type { AuditEntry, AuditPage } from './generated/audit-page.js';
export type { RecordOutcomeRequest } from './generated/record-outcome-request.js';
export { recordOutcomeRequestSchema } from './generated/record-outcome-request.schema.js';
export type { OutcomeRecorded } from './generated/outcome-recorded.js';
export { outcomeRecordedSchema } from './generated/outcome-recorded.schema.js';
