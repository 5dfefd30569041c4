export {
  createDataSource,
  openDatabase,
  ENTITIES,
  MIGRATIONS,
  type DataSourceSettings,
} from './data-source.js';
export { ContactScoreEntity } from './entities/contact-score.entity.js';
export { ContactProfileEntity } from './entities/contact-profile.entity.js';
export { ProcessedEventEntity } from './entities/processed-event.entity.js';
export { ConsumerOffsetEntity } from './entities/consumer-offset.entity.js';
export { OutboxMessageEntity } from './entities/outbox-message.entity.js';
export { ScoringModelEntity } from './entities/scoring-model.entity.js';
export { WorkspaceEntity } from './entities/workspace.entity.js';
export { ApiKeyEntity } from './entities/api-key.entity.js';
export { AuditLogEntity } from './entities/audit-log.entity.js';
export { WorkspaceSettingsEntity } from './entities/workspace-settings.entity.js';
export { ProviderSecretEntity } from './entities/provider-secret.entity.js';
export { type SqlRunner } from './repositories/sql-types.js';
export { consumerOffsetRepository, type PartitionOffset } from './repositories/consumer-offset.repository.js';
export {
  processedEventRepository,
  type WorkspaceEventId,
} from './repositories/processed-event.repository.js';
export {
  outboxRepository,
  type OutboxMessage,
  type PendingOutboxMessage,
} from './repositories/outbox.repository.js';
export {
  contactScoreRepository,
  type ContactScoreRow,
  type RankedScoreRow,
  type WorkspaceContact,
} from './repositories/contact-score.repository.js';
export {
  contactRankRepository,
  BUCKET_LIMIT,
  type ContactRank,
  type ContactRankRow,
  type DueContact,
  type HistogramBucket,
  type LeaderboardEntry,
  type LeaderboardQuery,
  type LeaderboardRows,
  type OrderStatistics,
  type RankKey,
} from './repositories/contact-rank.repository.js';
export { contactReadRepository, type ContactModelRead } from './repositories/contact-read.repository.js';
export { DataSource, type EntityManager } from 'typeorm';
export {
  contactProfileRepository,
  type ContactProfileRow,
} from './repositories/contact-profile.repository.js';
export {
  scoringModelRepository,
  storedModelOf,
  type ScoringModelRow,
  type AppliedScoringModelRow,
  type StoredScoringModelRow,
  type ScoringModelVersionRow,
} from './repositories/scoring-model.repository.js';
export { withAdvisoryLock } from './advisory-lock.js';
export {
  contactAliasRepository,
  type ContactAlias,
  type EventPositions,
} from './repositories/contact-alias.repository.js';
export {
  lifecycleStateRepository,
  type LifecycleKey,
  type LifecycleStateRow,
} from './repositories/lifecycle-state.repository.js';
export {
  signingSecrets,
  webhookSubscriptionRepository,
  type ManagedWebhookSubscription,
  type NewWebhookSubscription,
  type WebhookSubscriptionChanges,
  type WebhookSubscriptionRow,
} from './repositories/webhook-subscription.repository.js';
export {
  contactErasureRepository,
  ErasureGuard,
  ERASURE_HISTOGRAM_SHARD,
  type ContactErasure,
  type ErasedRows,
} from './repositories/contact-erasure.repository.js';
export {
  webhookDeliveryRepository,
  type ContactWebhookDelivery,
  type ClaimOptions,
  type ClaimedWebhookDelivery,
  type NewWebhookDelivery,
  type WebhookAttemptLog,
  type WebhookDeliveryLogEntry,
  type WebhookDeliveryLogPage,
  type WebhookDeliveryStatus,
} from './repositories/webhook-delivery.repository.js';
export {
  decayRunRepository,
  type DecayPassMode,
  type DecayRunRow,
} from './repositories/decay-run.repository.js';
export {
  rescoreRepository,
  type ClaimedRescore,
  type NewRescore,
  type RescoreCounts,
  type RescoreStatus,
} from './repositories/rescore.repository.js';
export { LeadershipLostError, tryAcquireLeaderLease, type LeaderLease } from './leader-lease.js';
export { workspaceRepository, type WorkspaceRow } from './repositories/workspace.repository.js';
export {
  apiKeyRepository,
  type ApiKeyRow,
  type KeyDirectoryEntry,
  type KeyUse,
  type NewApiKeyRow,
  type RevokeOutcome,
} from './repositories/api-key.repository.js';
export {
  auditLogRepository,
  type AuditEntry,
  type AuditPage,
  type AuditRow,
} from './repositories/audit-log.repository.js';
export {
  workspaceSettingsRepository,
  type WorkspaceSettingsChange,
  type WorkspaceSettingsEntry,
  type WorkspaceSettingsRow,
} from './repositories/workspace-settings.repository.js';
export {
  providerSecretRepository,
  type ProviderSecretInfo,
  type ProviderSecretRow,
  type SealedProviderSecret,
} from './repositories/provider-secret.repository.js';
export {
  consoleUserRepository,
  type ConsoleInvitationRow,
  type ConsoleSessionRow,
  type ConsoleUserRow,
  type SignedInUser,
} from './repositories/console-user.repository.js';
export {
  accountKeyOf,
  accountMemberRepository,
  accountProfileRepository,
  accountScoreRepository,
  memberKeyOf,
  type AccountKey,
  type AccountMemberRow,
  type AccountProfileRow,
  type AccountScoreRow,
  type MemberKey,
} from './repositories/account.repository.js';
