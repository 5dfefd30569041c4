import type { SettingsCipher } from '@leadscore/access';
import type { BatchingProducer } from '@leadscore/kafka';
import type { DataSource } from '@leadscore/persistence';
import type { WebhookTargetGuard } from '@leadscore/webhooks';
import type { ArchiveGateway } from '../archive/archive-gateway.js';
import type { PipelineMetricsGateway } from '../pipeline/pipeline-metrics-gateway.js';
import type { ModelDocuments } from '../scores/model-documents.js';
import type { ScoreStatsCache } from '../scores/score-stats.js';

/** The topics the api publishes to (tests give each suite topics of its own). */
export interface ApiTopics {
  /** leads.events.v1: outcomes recorded through the api travel with every other event. */
  readonly events: string;
  /** leads.models.v1: models applied through the api. */
  readonly models: string;
}

/** CRM webhooks: where they may go (the SSRF guard threshold uses too) and how long a ping may take. */
export interface ApiWebhooks {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS and NODE_ENV (https in production); tests inject a resolver. */
  readonly guard: WebhookTargetGuard;
  readonly pingTimeoutMs: number;
}

/**
 * What every use case works with: the database, Kafka (an idempotent producer whose `send` resolves
 * once the broker acknowledged), the cipher of workspace secrets (SETTINGS_ENCRYPTION_KEY) and the
 * clock (a parameter, so tests can set it).
 */
export interface ApiContext {
  readonly dataSource: DataSource;
  readonly producer: BatchingProducer;
  readonly topics: ApiTopics;
  readonly webhooks: ApiWebhooks;
  /** Seals provider secrets before they are stored (ingest opens them with the same key). */
  readonly settingsCipher: SettingsCipher;
  /** Median, percentiles and histogram per model, kept API_SCORE_STATS_MAX_AGE_MS (leaderboard, distribution, contact reads). */
  readonly scoreStats: ScoreStatsCache;
  /** Parsed model versions (immutable), so reads do not parse a model per request. */
  readonly modelDocuments: ModelDocuments;
  /** The analytics service (ANALYTICS_URL), which alone reads the ClickHouse archive. */
  readonly archive: ArchiveGateway;
  /** API_BACKTEST_MAX_CONTACTS: archived contacts one backtest replays at most (then `truncated`). */
  readonly backtestMaxContacts: number;
  /** API_RESCORE_TRANSITIONS_PER_SECOND: the pace of a requested rescore's transitions when its request names none. */
  readonly rescoreTransitionsPerSecond: number;
  /** The pipeline services' /metrics (PIPELINE_METRICS_URLS), scraped for GET /v1/pipeline/health. */
  readonly pipelineMetrics: PipelineMetricsGateway;
  readonly now: () => Date;
}
