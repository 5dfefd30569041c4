export {
  ANALYTICS_SETTINGS,
  analyticsConnectionFromEnv,
  clusterOf,
  createAnalyticsClient,
  type AnalyticsClient,
  type AnalyticsConnection,
} from './analytics-client.js';
export {
  ARCHIVE_TABLES,
  CONTACT_TABLES,
  ERASED_CONTACTS_TABLE,
  archiveRowOf,
  type ArchiveRole,
  type ArchiveRow,
  type ArchivedRecord,
} from './archive-rows.js';
export { ArchiveStore, type ArchiveBatch } from './archive-store.js';
export {
  applyEventsTtl,
  checkedDatabase,
  migrateAnalytics,
  readMigrations,
  type MigrateOptions,
  type Migration,
} from './migrate.js';
export { CLUSTER_SETTINGS, clusterStatements } from './cluster.js';
export {
  AnalyticsQueries,
  AnalyticsQueryRunner,
  type ContactEventRow,
  type ReplayEventRow,
  type ReplayContactEventRow,
  type OldestEventRow,
  type ContactLifecycleChangeRow,
  type DeadLettersRow,
  type DistributionAtRow,
  type LeadFunnelRow,
  type TopRuleRow,
  type EventsPerDayRow,
  type NamedQuery,
  type ScoreHistoryRow,
  type TimelineRow,
} from './queries.js';
export { clickHouseTimeOf, isoTimeOf, type ClickHouseTime } from './clickhouse-time.js';
