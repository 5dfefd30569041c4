import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { clickhouseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

/** The only service that opens ClickHouse; it needs no PostgreSQL. */
export const analyticsConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('analytics'),
  ...kafkaEnv,
  ...clickhouseEnv,
  ANALYTICS_DATABASE: env.string({
    description:
      'ClickHouse database of the archive (a-z, 0-9, _); created and migrated at start (libs/analytics/migrations)',
    default: 'leadscore',
  }),
  ANALYTICS_CONSUMER_GROUP: env.string({
    description:
      'Consumer group of the archived topics; the offsets it resumes from are stored in the archive under this name',
    default: 'leadscore-analytics',
  }),
  ANALYTICS_EVENTS_TOPIC: env.string({
    description: 'Topic of the events archived (tests use a topic of their own)',
    default: 'leads.events.v1',
  }),
  ANALYTICS_SCORE_CHANGED_TOPIC: env.string({
    description: 'Topic of the score changes archived (tests use a topic of their own)',
    default: 'leads.score-changed.v1',
  }),
  ANALYTICS_LIFECYCLE_TOPIC: env.string({
    description: 'Topic of the lifecycle changes archived (tests use a topic of their own)',
    default: 'leads.lifecycle.v1',
  }),
  ANALYTICS_DEAD_LETTER_TOPIC: env.string({
    description: 'Topic of the dead letters archived (tests use a topic of their own)',
    default: 'leads.events.dlq.v1',
  }),
  ANALYTICS_SESSION_TIMEOUT_MS: env.integer({
    description:
      'Kafka group session timeout: how long an analytics process that died without leaving holds its partitions before another takes them',
    default: 30_000,
    min: 6_000,
    max: 300_000,
  }),
  ANALYTICS_MAX_BATCH_BYTES: env.integer({
    description:
      'Bytes fetched per partition and request: the most one archive insert per table holds (larger batches insert faster)',
    default: 8_388_608,
    min: 65_536,
    max: 104_857_600,
  }),
  ANALYTICS_CONCURRENT_PARTITIONS: env.integer({
    description: 'Partition batches archived at once (mapping one while another is inserted)',
    default: 3,
    min: 1,
    max: 64,
  }),
  ANALYTICS_MAX_WAIT_MS: env.integer({
    description:
      'How long a fetch waits for more records: an insert is cut by size (ANALYTICS_MAX_BATCH_BYTES) or by this time',
    default: 500,
    min: 10,
    max: 60_000,
  }),
  ANALYTICS_EVENTS_TTL_DAYS: env.integer({
    description:
      'Days raw events stay in the archive (a TTL on the events table, applied at merges); 0 keeps them for ever. Rescoring and backtests replay from the archive, so they cannot reach past it',
    default: 0,
    min: 0,
    max: 36_500,
  }),
});

export type AnalyticsConfig = Config<typeof analyticsConfigSchema>;
