import { DataSource } from 'typeorm';
import { ConsumerOffsetEntity } from './entities/consumer-offset.entity.js';
import { ContactProfileEntity } from './entities/contact-profile.entity.js';
import { ContactScoreEntity } from './entities/contact-score.entity.js';
import { OutboxMessageEntity } from './entities/outbox-message.entity.js';
import { ProcessedEventEntity } from './entities/processed-event.entity.js';
import { ScoringModelEntity } from './entities/scoring-model.entity.js';
import { WorkspaceEntity } from './entities/workspace.entity.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { AuditLogEntity } from './entities/audit-log.entity.js';
import { WorkspaceSettingsEntity } from './entities/workspace-settings.entity.js';
import { ProviderSecretEntity } from './entities/provider-secret.entity.js';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema.js';
import { RetentionIndexes1763950000000 } from './migrations/1763950000000-retention-indexes.js';
import { OutboxPayloadText1763960000000 } from './migrations/1763960000000-outbox-payload-text.js';
import { DecayRuns1764000000000 } from './migrations/1764000000000-decay-runs.js';
import { ThresholdSchema1764004000000 } from './migrations/1764004000000-threshold-schema.js';
import { OutboxCursors1764100000000 } from './migrations/1764100000000-outbox-cursors.js';
import { ContactScoresHotUpdates1764200000000 } from './migrations/1764200000000-contact-scores-hot-updates.js';
import { ProcessedEventsSource1764300000000 } from './migrations/1764300000000-processed-events-source.js';
import { WorkspacesAndKeys1764400000000 } from './migrations/1764400000000-workspaces-and-keys.js';
import { WorkspaceSettings1764500000000 } from './migrations/1764500000000-workspace-settings.js';
import { WebhookSubscriptionManagement1764600000000 } from './migrations/1764600000000-webhook-subscription-management.js';
import { ScoringModelSources1764700000000 } from './migrations/1764700000000-scoring-model-sources.js';
import { ContactRanks1764800000000 } from './migrations/1764800000000-contact-ranks.js';
import { ContactErasure1764900000000 } from './migrations/1764900000000-contact-erasure.js';
import { ConsoleUsers1765000000000 } from './migrations/1765000000000-console-users.js';
import { NamedTiers1765100000000 } from './migrations/1765100000000-named-tiers.js';
import { ContactAliases1765200000000 } from './migrations/1765200000000-contact-aliases.js';
import { Accounts1765300000000 } from './migrations/1765300000000-accounts.js';
import { AccountScoresByAccount1765300000001 } from './migrations/1765300000001-account-scores-by-account.js';
import { Rescores1765400000000 } from './migrations/1765400000000-rescores.js';
import { ApiKeyModelsWriteScope1765400000001 } from './migrations/1765400000001-api-key-models-write-scope.js';
import { RescoreDeferredContacts1765400000002 } from './migrations/1765400000002-rescore-deferred-contacts.js';
import { AttentionTimes1765500000000 } from './migrations/1765500000000-attention-times.js';

export const ENTITIES = [
  ContactScoreEntity,
  ContactProfileEntity,
  ProcessedEventEntity,
  ConsumerOffsetEntity,
  OutboxMessageEntity,
  ScoringModelEntity,
  WorkspaceEntity,
  ApiKeyEntity,
  AuditLogEntity,
  WorkspaceSettingsEntity,
  ProviderSecretEntity,
];
export const MIGRATIONS = [
  InitialSchema1763900000000,
  RetentionIndexes1763950000000,
  OutboxPayloadText1763960000000,
  DecayRuns1764000000000,
  ThresholdSchema1764004000000,
  OutboxCursors1764100000000,
  ContactScoresHotUpdates1764200000000,
  ProcessedEventsSource1764300000000,
  WorkspacesAndKeys1764400000000,
  WorkspaceSettings1764500000000,
  WebhookSubscriptionManagement1764600000000,
  ScoringModelSources1764700000000,
  ContactRanks1764800000000,
  ContactErasure1764900000000,
  ConsoleUsers1765000000000,
  NamedTiers1765100000000,
  ContactAliases1765200000000,
  Accounts1765300000000,
  AccountScoresByAccount1765300000001,
  Rescores1765400000000,
  ApiKeyModelsWriteScope1765400000001,
  RescoreDeferredContacts1765400000002,
  AttentionTimes1765500000000,
];

/** Arbitrary constant shared by every process that migrates leadscore's schema. */
const MIGRATION_LOCK_KEY = 7_236_001;

export interface DataSourceSettings {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  applicationName?: string;
}

/** A TypeORM DataSource for leadscore's schema. Never `synchronize`: the schema changes only by migrations. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName ?? 'leadscore',
    extra: { max: settings.poolSize ?? 10 },
  });
}

/** Connects and applies pending migrations (idempotent; safe on every start). */
export async function openDatabase(settings: DataSourceSettings): Promise<DataSource> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  // Replicas starting together must not run the same migration twice: serialise on an advisory lock.
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
  return dataSource;
}
