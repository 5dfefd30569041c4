import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv, SERVICE_DEFAULT_PORTS } from '../shared.env.js';

export const scorerConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('scorer'),
  ...kafkaEnv,
  ...databaseEnv,
  SCORER_CONSUMER_GROUP: env.string({
    description: 'Consumer group of leads.events.v1; its offsets are stored in PostgreSQL under this name',
    default: 'leadscore-scorer',
  }),
  SCORER_EVENTS_TOPIC: env.string({
    description: 'Topic the events are scored from (tests use a topic of their own)',
    default: 'leads.events.v1',
  }),
  SCORER_MODELS_TOPIC: env.string({
    description: 'Topic the scoring models are read from (tests use a topic of their own)',
    default: 'leads.models.v1',
  }),
  SCORER_SCORE_CHANGED_TOPIC: env.string({
    description: 'Topic the score changes are published to (tests use a topic of their own)',
    default: 'leads.score-changed.v1',
  }),
  SCORER_DEAD_LETTER_TOPIC: env.string({
    description: 'Topic events that cannot be scored are dead-lettered to (tests use a topic of their own)',
    default: 'leads.events.dlq.v1',
  }),
  SCORER_ANALYTICS_URL: env.url({
    description:
      'Base URL of the analytics service: a merge of two contacts replays both contacts’ archived events, read from it',
    protocols: ['http:', 'https:'],
    example: 'http://analytics:3005',
    default: `http://127.0.0.1:${SERVICE_DEFAULT_PORTS.analytics}`,
  }),
  SCORER_PARTITIONS_CONCURRENTLY: env.integer({
    description:
      "Partitions of leads.events.v1 one scorer works on at once (order within each partition is kept); overlaps one batch's PostgreSQL and Kafka waits with another's scoring",
    default: 3,
    min: 1,
    max: 64,
  }),
  SCORER_SESSION_TIMEOUT_MS: env.integer({
    description:
      'Kafka group session timeout: how long a scorer that died without leaving holds its partitions before others take them',
    default: 30_000,
    min: 6_000,
    max: 300_000,
  }),
  SCORER_PROCESSED_EVENT_RETENTION_HOURS: env.integer({
    description:
      'How long applied event ids are kept for dedupe; keep it above the events topic retention (7 days), after which Kafka cannot redeliver',
    default: 192,
    min: 1,
    max: 87_600,
  }),
  SCORER_PUBLISHED_OUTBOX_RETENTION_HOURS: env.integer({
    description: 'How long published outbox rows are kept (for inspection) before housekeeping deletes them',
    default: 24,
    min: 1,
    max: 87_600,
  }),
  SCORER_RESCORE_ON_FIRST_APPLY: env.oneOf(['on', 'off'], {
    description:
      "Whether a model applied for the first time gets a rescore (reason first-apply) replaying the archive's engagement history, instead of starting every contact at zero",
    default: 'on',
  }),
  SCORER_RESCORE_TRANSITIONS_PER_SECOND: env.integer({
    description:
      'Pace of the tier and stage transitions a first-apply rescore causes (a requested one carries its own pace)',
    default: 50,
    min: 1,
    max: 10_000,
  }),
  SCORER_RESCORE_LEASE_MS: env.integer({
    description:
      'How long a rescore stays the claiming scorer’s without progress: a killed scorer’s rescore is resumed by another (or by it, restarted) after it',
    default: 30_000,
    min: 1_000,
    max: 600_000,
  }),
  SCORER_RESCORE_SWITCH_CONTACTS: env.integer({
    description:
      'Contacts per rescore switch transaction: their live rows stay locked while they are replayed and written (at most 100: a deferred switch reads them back from the archive in one call)',
    default: 100,
    min: 1,
    max: 100,
  }),
});

export type ScorerConfig = Config<typeof scorerConfigSchema>;
