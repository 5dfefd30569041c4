import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import {
  databaseEnv,
  httpEnv,
  kafkaEnv,
  runtimeEnv,
  settingsEncryptionEnv,
  webhookTargetEnv,
} from '../shared.env.js';

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

export const thresholdConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('threshold'),
  ...kafkaEnv,
  ...databaseEnv,
  ...webhookTargetEnv,
  // Opens the CRM webhook secrets the api sealed.
  ...settingsEncryptionEnv,
  THRESHOLD_CONSUMER_GROUP: env.string({
    description:
      'Consumer group of leads.score-changed.v1; its offsets are stored in PostgreSQL under this name',
    default: 'leadscore-threshold',
  }),
  THRESHOLD_SCORE_CHANGED_TOPIC: env.string({
    description: 'Topic the score changes are read from (tests use a topic of their own)',
    default: 'leads.score-changed.v1',
  }),
  THRESHOLD_LIFECYCLE_TOPIC: env.string({
    description: 'Topic the tier and stage transitions are published to (tests use a topic of their own)',
    default: 'leads.lifecycle.v1',
  }),
  THRESHOLD_EVENTS_TOPIC: env.string({
    description:
      'Topic of engagement and profile events, read for contact.updated with the sales_accepted trait (tests use a topic of their own)',
    default: 'leads.events.v1',
  }),
  THRESHOLD_ACCOUNT_SCORE_CHANGED_TOPIC: env.string({
    description:
      "Topic accounts' score changes are published to (rolled up from their members'; tests use a topic of their own)",
    default: 'leads.account-score-changed.v1',
  }),
  THRESHOLD_WEBHOOK_TIMEOUT_MS: env.integer({
    description: 'How long one webhook attempt may take before it counts as a timeout (retried)',
    default: 10 * SECOND,
    min: 100,
    max: 120 * SECOND,
  }),
  THRESHOLD_WEBHOOK_MAX_ATTEMPTS: env.integer({
    description: 'Attempts per webhook delivery, the first included; then it is dead-lettered',
    default: 8,
    min: 1,
    max: 50,
  }),
  THRESHOLD_WEBHOOK_BASE_DELAY_MS: env.integer({
    description: 'Backoff before the second attempt; it doubles per attempt (with jitter)',
    default: 5 * SECOND,
    min: 1,
    max: HOUR,
  }),
  THRESHOLD_WEBHOOK_MAX_DELAY_MS: env.integer({
    description: 'Longest backoff between attempts, and the most a Retry-After header is honoured',
    default: 6 * HOUR,
    min: 1,
    max: 48 * HOUR,
  }),
  THRESHOLD_WEBHOOK_ENDPOINT_CONCURRENCY: env.integer({
    description: 'Webhook attempts in flight per subscription (endpoint), so one slow CRM cannot take all',
    default: 4,
    min: 1,
    max: 1_000,
  }),
  THRESHOLD_WEBHOOK_CONCURRENCY: env.integer({
    description: 'Webhook attempts in flight in this process in all',
    default: 64,
    min: 1,
    max: 10_000,
  }),
  THRESHOLD_WEBHOOK_LEASE_MS: env.integer({
    description:
      'How long a claimed delivery belongs to this process; a crashed process’s claims are retried after it (keep it above the timeout)',
    default: 60 * SECOND,
    min: 200,
    max: HOUR,
  }),
  THRESHOLD_WEBHOOK_POLL_MS: env.integer({
    description: 'How often the delivery worker looks for due deliveries when it found none',
    default: 500,
    min: 10,
    max: 60 * SECOND,
  }),
  THRESHOLD_CIRCUIT_FAILURE_THRESHOLD: env.integer({
    description: 'Consecutive failed attempts that open an endpoint’s circuit',
    default: 5,
    min: 1,
    max: 1_000,
  }),
  THRESHOLD_CIRCUIT_OPEN_MS: env.integer({
    description: 'How long an open circuit sends nothing to its endpoint before one probe',
    default: 30 * SECOND,
    min: 10,
    max: HOUR,
  }),
});

export type ThresholdConfig = Config<typeof thresholdConfigSchema>;
