/* eslint-disable */
/**
 * generated — do not edit.
 * Source: every schema of schemas/
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

import { accountLifecycleChangedSchema } from './account-lifecycle-changed.schema.js'; // schemas/accounts/account-lifecycle-changed.schema.json
import { accountScoreChangedSchema } from './account-score-changed.schema.js'; // schemas/accounts/account-score-changed.schema.json
import { acceptInvitationRequestSchema } from './accept-invitation-request.schema.js'; // schemas/api/accept-invitation-request.schema.json
import { accountDetailSchema } from './account-detail.schema.js'; // schemas/api/account-detail.schema.json
import { accountLeaderboardPageSchema } from './account-leaderboard-page.schema.js'; // schemas/api/account-leaderboard-page.schema.json
import { accountMembersPageSchema } from './account-members-page.schema.js'; // schemas/api/account-members-page.schema.json
import { apiKeySchema } from './api-key.schema.js'; // schemas/api/api-key.schema.json
import { auditPageSchema } from './audit-page.schema.js'; // schemas/api/audit-page.schema.json
import { changePasswordRequestSchema } from './change-password-request.schema.js'; // schemas/api/change-password-request.schema.json
import { consoleInvitationSchema } from './console-invitation.schema.js'; // schemas/api/console-invitation.schema.json
import { consoleSessionSchema } from './console-session.schema.js'; // schemas/api/console-session.schema.json
import { consoleUserListSchema } from './console-user-list.schema.js'; // schemas/api/console-user-list.schema.json
import { consoleUserSchema } from './console-user.schema.js'; // schemas/api/console-user.schema.json
import { contactArchiveSchema } from './contact-archive.schema.js'; // schemas/api/contact-archive.schema.json
import { contactErasedSchema } from './contact-erased.schema.js'; // schemas/api/contact-erased.schema.json
import { contactExportSchema } from './contact-export.schema.js'; // schemas/api/contact-export.schema.json
import { contactLifecycleSchema } from './contact-lifecycle.schema.js'; // schemas/api/contact-lifecycle.schema.json
import { contactScoreHistorySchema } from './contact-score-history.schema.js'; // schemas/api/contact-score-history.schema.json
import { contactScoresSchema } from './contact-scores.schema.js'; // schemas/api/contact-scores.schema.json
import { contactTimelineSchema } from './contact-timeline.schema.js'; // schemas/api/contact-timeline.schema.json
import { createKeyRequestSchema } from './create-key-request.schema.js'; // schemas/api/create-key-request.schema.json
import { createWebhookRequestSchema } from './create-webhook-request.schema.js'; // schemas/api/create-webhook-request.schema.json
import { createWorkspaceRequestSchema } from './create-workspace-request.schema.js'; // schemas/api/create-workspace-request.schema.json
import { deadLetterSummarySchema } from './dead-letter-summary.schema.js'; // schemas/api/dead-letter-summary.schema.json
import { eventsPerDaySchema } from './events-per-day.schema.js'; // schemas/api/events-per-day.schema.json
import { invalidModelProblemSchema } from './invalid-model-problem.schema.js'; // schemas/api/invalid-model-problem.schema.json
import { invitationCreatedSchema } from './invitation-created.schema.js'; // schemas/api/invitation-created.schema.json
import { inviteUserRequestSchema } from './invite-user-request.schema.js'; // schemas/api/invite-user-request.schema.json
import { keyCreatedSchema } from './key-created.schema.js'; // schemas/api/key-created.schema.json
import { keyListSchema } from './key-list.schema.js'; // schemas/api/key-list.schema.json
import { leadFunnelSchema } from './lead-funnel.schema.js'; // schemas/api/lead-funnel.schema.json
import { leaderboardPageSchema } from './leaderboard-page.schema.js'; // schemas/api/leaderboard-page.schema.json
import { learnReportSchema } from './learn-report.schema.js'; // schemas/api/learn-report.schema.json
import { learnRequestSchema } from './learn-request.schema.js'; // schemas/api/learn-request.schema.json
import { modelAppliedSchema } from './model-applied.schema.js'; // schemas/api/model-applied.schema.json
import { modelBacktestSchema } from './model-backtest.schema.js'; // schemas/api/model-backtest.schema.json
import { modelIssueSchema } from './model-issue.schema.js'; // schemas/api/model-issue.schema.json
import { modelListSchema } from './model-list.schema.js'; // schemas/api/model-list.schema.json
import { modelValidationSchema } from './model-validation.schema.js'; // schemas/api/model-validation.schema.json
import { modelVersionDetailSchema } from './model-version-detail.schema.js'; // schemas/api/model-version-detail.schema.json
import { modelVersionListSchema } from './model-version-list.schema.js'; // schemas/api/model-version-list.schema.json
import { modelVersionSchema } from './model-version.schema.js'; // schemas/api/model-version.schema.json
import { outcomeRecordedSchema } from './outcome-recorded.schema.js'; // schemas/api/outcome-recorded.schema.json
import { pipelineHealthSchema } from './pipeline-health.schema.js'; // schemas/api/pipeline-health.schema.json
import { problemSchema } from './problem.schema.js'; // schemas/api/problem.schema.json
import { providerSecretRequestSchema } from './provider-secret-request.schema.js'; // schemas/api/provider-secret-request.schema.json
import { providerSecretStatusSchema } from './provider-secret-status.schema.js'; // schemas/api/provider-secret-status.schema.json
import { recordOutcomeRequestSchema } from './record-outcome-request.schema.js'; // schemas/api/record-outcome-request.schema.json
import { replayContactsSchema } from './replay-contacts.schema.js'; // schemas/api/replay-contacts.schema.json
import { replayEventsSchema } from './replay-events.schema.js'; // schemas/api/replay-events.schema.json
import { rescoreListSchema } from './rescore-list.schema.js'; // schemas/api/rescore-list.schema.json
import { rescoreSchema } from './rescore.schema.js'; // schemas/api/rescore.schema.json
import { rotateWebhookSecretRequestSchema } from './rotate-webhook-secret-request.schema.js'; // schemas/api/rotate-webhook-secret-request.schema.json
import { scoreDistributionAtSchema } from './score-distribution-at.schema.js'; // schemas/api/score-distribution-at.schema.json
import { scoreDistributionSchema } from './score-distribution.schema.js'; // schemas/api/score-distribution.schema.json
import { scoreStatsSchema } from './score-stats.schema.js'; // schemas/api/score-stats.schema.json
import { signInRequestSchema } from './sign-in-request.schema.js'; // schemas/api/sign-in-request.schema.json
import { startRescoreRequestSchema } from './start-rescore-request.schema.js'; // schemas/api/start-rescore-request.schema.json
import { topRulesSchema } from './top-rules.schema.js'; // schemas/api/top-rules.schema.json
import { updateSettingsRequestSchema } from './update-settings-request.schema.js'; // schemas/api/update-settings-request.schema.json
import { updateUserRequestSchema } from './update-user-request.schema.js'; // schemas/api/update-user-request.schema.json
import { updateWebhookRequestSchema } from './update-webhook-request.schema.js'; // schemas/api/update-webhook-request.schema.json
import { webhookCreatedSchema } from './webhook-created.schema.js'; // schemas/api/webhook-created.schema.json
import { webhookDeliveryPageSchema } from './webhook-delivery-page.schema.js'; // schemas/api/webhook-delivery-page.schema.json
import { webhookListSchema } from './webhook-list.schema.js'; // schemas/api/webhook-list.schema.json
import { webhookPingResultSchema } from './webhook-ping-result.schema.js'; // schemas/api/webhook-ping-result.schema.json
import { webhookReplayResultSchema } from './webhook-replay-result.schema.js'; // schemas/api/webhook-replay-result.schema.json
import { webhookSecretRotatedSchema } from './webhook-secret-rotated.schema.js'; // schemas/api/webhook-secret-rotated.schema.json
import { webhookSubscriptionSchema } from './webhook-subscription.schema.js'; // schemas/api/webhook-subscription.schema.json
import { workspaceCreatedSchema } from './workspace-created.schema.js'; // schemas/api/workspace-created.schema.json
import { workspaceListSchema } from './workspace-list.schema.js'; // schemas/api/workspace-list.schema.json
import { workspaceSettingsSchema } from './workspace-settings.schema.js'; // schemas/api/workspace-settings.schema.json
import { workspaceSchema } from './workspace.schema.js'; // schemas/api/workspace.schema.json
import { cloudeventSchema } from './cloudevent.schema.js'; // schemas/events/cloudevent.schema.json
import { contactSchema } from './contact.schema.js'; // schemas/events/contact.schema.json
import { customSchema } from './custom.schema.js'; // schemas/events/custom.schema.json
import { emailSchema } from './email.schema.js'; // schemas/events/email.schema.json
import { outcomeSchema } from './outcome.schema.js'; // schemas/events/outcome.schema.json
import { smsSchema } from './sms.schema.js'; // schemas/events/sms.schema.json
import { webSchema } from './web.schema.js'; // schemas/events/web.schema.json
import { webinarSchema } from './webinar.schema.js'; // schemas/events/webinar.schema.json
import { ingestReceiptSchema } from './ingest-receipt.schema.js'; // schemas/ingest/ingest-receipt.schema.json
import { featureMappingSchema } from './feature-mapping.schema.js'; // schemas/learning/feature-mapping.schema.json
import { lifecycleChangedSchema } from './lifecycle-changed.schema.js'; // schemas/lifecycle/lifecycle-changed.schema.json
import { modelDiffSchema } from './model-diff.schema.js'; // schemas/models/model-diff.schema.json
import { modelSchema } from './model.schema.js'; // schemas/models/model.schema.json
import { scoreChangedSchema } from './score-changed.schema.js'; // schemas/scores/score-changed.schema.json

/** Every schema of schemas/, for resolving `$ref`s by `$id` (the api's OpenAPI document). */
export const contractSchemas: readonly Readonly<Record<string, unknown>>[] = [
  accountLifecycleChangedSchema,
  accountScoreChangedSchema,
  acceptInvitationRequestSchema,
  accountDetailSchema,
  accountLeaderboardPageSchema,
  accountMembersPageSchema,
  apiKeySchema,
  auditPageSchema,
  changePasswordRequestSchema,
  consoleInvitationSchema,
  consoleSessionSchema,
  consoleUserListSchema,
  consoleUserSchema,
  contactArchiveSchema,
  contactErasedSchema,
  contactExportSchema,
  contactLifecycleSchema,
  contactScoreHistorySchema,
  contactScoresSchema,
  contactTimelineSchema,
  createKeyRequestSchema,
  createWebhookRequestSchema,
  createWorkspaceRequestSchema,
  deadLetterSummarySchema,
  eventsPerDaySchema,
  invalidModelProblemSchema,
  invitationCreatedSchema,
  inviteUserRequestSchema,
  keyCreatedSchema,
  keyListSchema,
  leadFunnelSchema,
  leaderboardPageSchema,
  learnReportSchema,
  learnRequestSchema,
  modelAppliedSchema,
  modelBacktestSchema,
  modelIssueSchema,
  modelListSchema,
  modelValidationSchema,
  modelVersionDetailSchema,
  modelVersionListSchema,
  modelVersionSchema,
  outcomeRecordedSchema,
  pipelineHealthSchema,
  problemSchema,
  providerSecretRequestSchema,
  providerSecretStatusSchema,
  recordOutcomeRequestSchema,
  replayContactsSchema,
  replayEventsSchema,
  rescoreListSchema,
  rescoreSchema,
  rotateWebhookSecretRequestSchema,
  scoreDistributionAtSchema,
  scoreDistributionSchema,
  scoreStatsSchema,
  signInRequestSchema,
  startRescoreRequestSchema,
  topRulesSchema,
  updateSettingsRequestSchema,
  updateUserRequestSchema,
  updateWebhookRequestSchema,
  webhookCreatedSchema,
  webhookDeliveryPageSchema,
  webhookListSchema,
  webhookPingResultSchema,
  webhookReplayResultSchema,
  webhookSecretRotatedSchema,
  webhookSubscriptionSchema,
  workspaceCreatedSchema,
  workspaceListSchema,
  workspaceSettingsSchema,
  workspaceSchema,
  cloudeventSchema,
  contactSchema,
  customSchema,
  emailSchema,
  outcomeSchema,
  smsSchema,
  webSchema,
  webinarSchema,
  ingestReceiptSchema,
  featureMappingSchema,
  lifecycleChangedSchema,
  modelDiffSchema,
  modelSchema,
  scoreChangedSchema,
];
