export {
  Topics,
  TOPIC_DECLARATIONS,
  Headers,
  contactKey,
  accountKey,
  accountSubject,
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
  phoneCountryCode,
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
  AllFitRule,
  AnyFitRule,
  NotFitRule,
  ValuePoints,
  FrequencyPoints,
  FrequencyRange,
  ScoreGroup,
  Condition,
  AllCondition,
  AnyCondition,
  NotCondition,
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
  NamedTier,
  NamedTiers,
  Lifecycle,
  AccountScoring,
  AccountRollup,
  LifecycleStage,
  LifecycleCondition,
  ScoreThreshold,
  GradeCondition,
  ConditionGroup,
  RecycledStage,
  Schedule,
  Predictive,
  PredictiveFeature,
  ProfilePredictiveFeature,
  CountPredictiveFeature,
} from './generated/model.js';
export { modelSchema } from './generated/model.schema.js';
export {
  parseModel,
  ModelValidationError,
  formatModelIssue,
  diffModels,
  type ParseModelOptions,
  type ModelIssue,
  type ModelFormat,
} from './model/index.js';
export type {
  ModelDiff,
  ModelRuleRef,
  ModelRuleChange,
  ModelRuleSection,
  ModelSectionChange,
  ModelFieldChange,
} from './generated/model-diff.js';
export { modelDiffSchema } from './generated/model-diff.schema.js';
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
// Accounts (companies): their score changes and lifecycle transitions (schemas/accounts/).
export type {
  AccountScoreChangedEvent,
  AccountScoreChangedData,
  AccountChangeCause,
  AccountScores,
  AccountMember,
  AccountFitContribution,
} from './generated/account-score-changed.js';
export { accountScoreChangedSchema } from './generated/account-score-changed.schema.js';
export type {
  AccountLifecycleChangedEvent,
  AccountLifecycleChangedData,
} from './generated/account-lifecycle-changed.js';
export { accountLifecycleChangedSchema } from './generated/account-lifecycle-changed.schema.js';
export type {
  AccountLeaderboardPage,
  AccountLeaderboardEntry,
} from './generated/account-leaderboard-page.js';
export type { AccountDetail, AccountModelScores } from './generated/account-detail.js';
export type { AccountMembersPage, AccountMemberEntry } from './generated/account-members-page.js';
export { accountLeaderboardPageSchema } from './generated/account-leaderboard-page.schema.js';
export { accountDetailSchema } from './generated/account-detail.schema.js';
export { accountMembersPageSchema } from './generated/account-members-page.schema.js';
// The api's request and response bodies (schemas/api/): validators compile the request schemas.
export type { CreateWorkspaceRequest } from './generated/create-workspace-request.js';
export { createWorkspaceRequestSchema } from './generated/create-workspace-request.schema.js';
export type { CreateKeyRequest } from './generated/create-key-request.js';
export { createKeyRequestSchema } from './generated/create-key-request.schema.js';
export type { ApiKey } from './generated/api-key.js';
export type { KeyCreated } from './generated/key-created.js';
export type { KeyList } from './generated/key-list.js';
export type { WorkspaceCreated } from './generated/workspace-created.js';
export type { Workspace } from './generated/workspace.js';
export type { WorkspaceList } from './generated/workspace-list.js';
export type { AuditEntry, AuditPage } from './generated/audit-page.js';
export type { FieldError, Problem } from './generated/problem.js';
export { problemSchema } from './generated/problem.schema.js';
export { contractSchemas } from './generated/contract-schemas.js';
export { apiKeySchema } from './generated/api-key.schema.js';
export { keyCreatedSchema } from './generated/key-created.schema.js';
export { keyListSchema } from './generated/key-list.schema.js';
export { workspaceCreatedSchema } from './generated/workspace-created.schema.js';
export { workspaceListSchema } from './generated/workspace-list.schema.js';
// The archive's answers (services/analytics, through the api).
export type { ContactScoreHistory } from './generated/contact-score-history.js';
export type { ContactTimeline } from './generated/contact-timeline.js';
export type { EventsPerDay } from './generated/events-per-day.js';
export type { DeadLetterSummary } from './generated/dead-letter-summary.js';
export { contactScoreHistorySchema } from './generated/contact-score-history.schema.js';
export { contactTimelineSchema } from './generated/contact-timeline.schema.js';
export { eventsPerDaySchema } from './generated/events-per-day.schema.js';
export { deadLetterSummarySchema } from './generated/dead-letter-summary.schema.js';
export type { ScoreDistributionAt } from './generated/score-distribution-at.js';
export type { LeadFunnel, LeadCohort } from './generated/lead-funnel.js';
export type { TopRules, RulePoints } from './generated/top-rules.js';
export { scoreDistributionAtSchema } from './generated/score-distribution-at.schema.js';
export { leadFunnelSchema } from './generated/lead-funnel.schema.js';
export { topRulesSchema } from './generated/top-rules.schema.js';
// Privacy: erasure and export of a contact (schemas/api/contact-*.schema.json).
export type { ContactErased } from './generated/contact-erased.js';
export type { ContactArchive } from './generated/contact-archive.js';
export type { ContactExport } from './generated/contact-export.js';
export { contactErasedSchema } from './generated/contact-erased.schema.js';
export { contactArchiveSchema } from './generated/contact-archive.schema.js';
export { contactExportSchema } from './generated/contact-export.schema.js';
// Identity stitching: the archive's events for a replay (internal, analytics → scorer).
export type { ReplayEvents, ReplayEvent as ArchivedReplayEvent } from './generated/replay-events.js';
export { replayEventsSchema } from './generated/replay-events.schema.js';
export type { ReplayContacts, ReplayContact, ReplayContactEvent } from './generated/replay-contacts.js';
export { replayContactsSchema } from './generated/replay-contacts.schema.js';
export type { ModelBacktest } from './generated/model-backtest.js';
export { modelBacktestSchema } from './generated/model-backtest.schema.js';
// Console users, invitations and sessions (schemas/api/console-*.schema.json and their requests).
export type { ConsoleUser } from './generated/console-user.js';
export type { ConsoleInvitation } from './generated/console-invitation.js';
export type { ConsoleSession } from './generated/console-session.js';
export type { ConsoleUserList } from './generated/console-user-list.js';
export type { SignInRequest } from './generated/sign-in-request.js';
export type { InviteUserRequest } from './generated/invite-user-request.js';
export type { InvitationCreated } from './generated/invitation-created.js';
export type { AcceptInvitationRequest } from './generated/accept-invitation-request.js';
export type { UpdateUserRequest } from './generated/update-user-request.js';
export type { ChangePasswordRequest } from './generated/change-password-request.js';
export { changePasswordRequestSchema } from './generated/change-password-request.schema.js';
export { consoleUserSchema } from './generated/console-user.schema.js';
export { consoleSessionSchema } from './generated/console-session.schema.js';
export { consoleUserListSchema } from './generated/console-user-list.schema.js';
export { signInRequestSchema } from './generated/sign-in-request.schema.js';
export { inviteUserRequestSchema } from './generated/invite-user-request.schema.js';
export { invitationCreatedSchema } from './generated/invitation-created.schema.js';
export { acceptInvitationRequestSchema } from './generated/accept-invitation-request.schema.js';
export { updateUserRequestSchema } from './generated/update-user-request.schema.js';
export type { ContactLifecycleLog } from './generated/contact-lifecycle.js';
export { contactLifecycleSchema } from './generated/contact-lifecycle.schema.js';
// The pipeline's health from the services' metrics (schemas/api/pipeline-health.schema.json).
export type { PipelineHealth, PipelineService, ConsumerGroupLag } from './generated/pipeline-health.js';
export { pipelineHealthSchema } from './generated/pipeline-health.schema.js';
// Ingest's answer (schemas/ingest/): clients such as the CLI read it.
export type { IngestReceipt, ReceiptResult } from './generated/ingest-receipt.js';
export { ingestReceiptSchema } from './generated/ingest-receipt.schema.js';
export { auditPageSchema } from './generated/audit-page.schema.js';
// CRM webhook subscriptions through the api (schemas/api/webhook-*.schema.json).
export type { CreateWebhookRequest } from './generated/create-webhook-request.js';
export { createWebhookRequestSchema } from './generated/create-webhook-request.schema.js';
export type { UpdateWebhookRequest } from './generated/update-webhook-request.js';
export { updateWebhookRequestSchema } from './generated/update-webhook-request.schema.js';
export type { RotateWebhookSecretRequest } from './generated/rotate-webhook-secret-request.js';
export { rotateWebhookSecretRequestSchema } from './generated/rotate-webhook-secret-request.schema.js';
export type { WebhookSubscription } from './generated/webhook-subscription.js';
export { webhookSubscriptionSchema } from './generated/webhook-subscription.schema.js';
export type { WebhookCreated } from './generated/webhook-created.js';
export { webhookCreatedSchema } from './generated/webhook-created.schema.js';
export type { WebhookList } from './generated/webhook-list.js';
export { webhookListSchema } from './generated/webhook-list.schema.js';
export type { WebhookSecretRotated } from './generated/webhook-secret-rotated.js';
export { webhookSecretRotatedSchema } from './generated/webhook-secret-rotated.schema.js';
export type { WebhookPingResult } from './generated/webhook-ping-result.js';
export { webhookPingResultSchema } from './generated/webhook-ping-result.schema.js';
export type {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryPage,
} from './generated/webhook-delivery-page.js';
export { webhookDeliveryPageSchema } from './generated/webhook-delivery-page.schema.js';
export type { WebhookReplayResult } from './generated/webhook-replay-result.js';
export { webhookReplayResultSchema } from './generated/webhook-replay-result.schema.js';
export type { ModelIssueDetail } from './generated/model-issue.js';
export type { ModelValidation, ModelIdentity } from './generated/model-validation.js';
export { modelValidationSchema } from './generated/model-validation.schema.js';
export type { ModelVersion } from './generated/model-version.js';
export { modelVersionSchema } from './generated/model-version.schema.js';
export type { ModelList } from './generated/model-list.js';
export { modelListSchema } from './generated/model-list.schema.js';
export type { ModelVersionList } from './generated/model-version-list.js';
export { modelVersionListSchema } from './generated/model-version-list.schema.js';
export type { ModelVersionDetail } from './generated/model-version-detail.js';
export { modelVersionDetailSchema } from './generated/model-version-detail.schema.js';
export type { ModelApplied } from './generated/model-applied.js';
export { modelAppliedSchema } from './generated/model-applied.schema.js';
export type { InvalidModelProblem } from './generated/invalid-model-problem.js';
export { invalidModelProblemSchema } from './generated/invalid-model-problem.schema.js';
// Workspace settings (GET/PATCH /v1/settings, PUT/DELETE /v1/settings/providers/{provider}).
export type { WorkspaceSettings } from './generated/workspace-settings.js';
export { workspaceSettingsSchema } from './generated/workspace-settings.schema.js';
export type { UpdateSettingsRequest } from './generated/update-settings-request.js';
export { updateSettingsRequestSchema } from './generated/update-settings-request.schema.js';
export type { ProviderSecretRequest } from './generated/provider-secret-request.js';
export { providerSecretRequestSchema } from './generated/provider-secret-request.schema.js';
export type { ProviderSecretStatus } from './generated/provider-secret-status.js';
export { providerSecretStatusSchema } from './generated/provider-secret-status.schema.js';
export type { RecordOutcomeRequest } from './generated/record-outcome-request.js';
export { recordOutcomeRequestSchema } from './generated/record-outcome-request.schema.js';
export type { OutcomeRecorded } from './generated/outcome-recorded.js';
export { outcomeRecordedSchema } from './generated/outcome-recorded.schema.js';
export type { ContactModelScore, ContactScores } from './generated/contact-scores.js';
export { contactScoresSchema } from './generated/contact-scores.schema.js';
export type { ScoreStats } from './generated/score-stats.js';
export { scoreStatsSchema } from './generated/score-stats.schema.js';
export type { LeaderboardEntry, LeaderboardPage } from './generated/leaderboard-page.js';
export { leaderboardPageSchema } from './generated/leaderboard-page.schema.js';
export type { ScoreDistribution, ScoreHistogramBucket } from './generated/score-distribution.js';
export { scoreDistributionSchema } from './generated/score-distribution.schema.js';
export { CONTACT_ERASED, contactHashOf } from './erasure.js';
export type { Rescore } from './generated/rescore.js';
export { rescoreSchema } from './generated/rescore.schema.js';
export type { RescoreList } from './generated/rescore-list.js';
export { rescoreListSchema } from './generated/rescore-list.schema.js';
export type { StartRescoreRequest } from './generated/start-rescore-request.js';
export { startRescoreRequestSchema } from './generated/start-rescore-request.schema.js';
export type {
  FeatureMapping,
  OutcomeColumn,
  CategoryFeature,
  CountFeature,
  IgnoredColumn,
} from './generated/feature-mapping.js';
export { featureMappingSchema } from './generated/feature-mapping.schema.js';
export type { LearnRequest } from './generated/learn-request.js';
export { learnRequestSchema } from './generated/learn-request.schema.js';
export type { ModelLearnReport, LearnedFeatureColumn } from './generated/learn-report.js';
export { learnReportSchema } from './generated/learn-report.schema.js';
