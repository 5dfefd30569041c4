import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv, settingsEncryptionEnv } from '../shared.env.js';

export const ingestConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('ingest'),
  ...kafkaEnv,
  // The api's keys, workspace settings and provider secrets; INGEST_WORKSPACES stays as the bootstrap beside them.
  ...databaseEnv,
  ...settingsEncryptionEnv,
  INGEST_KEYS_REFRESH_MS: env.integer({
    description:
      'How often ingest reloads the workspace keys, settings and provider secrets from PostgreSQL (the longest a key revoked or a secret rotated through the api keeps working), and reads the contact aliases recorded since (until then a merged-away contact’s events take a hop through the scorer)',
    default: 2_000,
    min: 100,
    max: 60_000,
  }),
  INGEST_PIXEL_SECRET: env.secret({
    description: 'HMAC key that signs tracking-pixel URLs',
    minLength: 32,
    developmentDefault: 'local-stack-pixel-secret-not-for-production',
  }),
  INGEST_BODY_LIMIT_BYTES: env.integer({
    description: 'Largest request body accepted; larger requests get 413',
    default: 524_288,
    min: 1_024,
    max: 16_777_216,
  }),
  INGEST_MAX_BATCH_EVENTS: env.integer({
    description: 'Most events accepted in one batch request',
    default: 500,
    min: 1,
    max: 10_000,
  }),
  INGEST_MAX_EVENT_BYTES: env.integer({
    description: 'Largest single event accepted (serialized JSON)',
    default: 32_768,
    min: 256,
    max: 1_000_000,
  }),
  // Added by the ingest engineer (issue 4) after libs/config landed; parsed further by services/ingest.
  INGEST_WORKSPACES: env.optional(
    env.secret({
      description:
        'Bootstrap workspaces as JSON: [{"workspace","defaultCountry"?,"keys":[{"kind":"publishable"|"secret","sha256"}],"sendgrid"?:{"publicKey"},"twilio"?:{"authToken"},"zoom"?:{"secretToken"},"mailgun"?:{"signingKey"}}]; keys, settings and secrets set through the api take precedence; unset outside production = one local workspace',
      minLength: 2,
    }),
  ),
  INGEST_PUBLIC_URL: env.optional(
    env.url({
      description:
        'Public base URL of ingest as providers call it (Twilio signs the full URL); default: from the Host header',
      protocols: ['http:', 'https:'],
      example: 'https://ingest.example.com',
    }),
  ),
  INGEST_RATE_LIMIT_EVENTS_PER_SECOND: env.integer({
    description: 'Events per second one workspace may send to this instance before 429',
    default: 5_000,
    min: 1,
    max: 10_000_000,
  }),
  INGEST_RATE_LIMIT_BURST: env.integer({
    description: 'Events one workspace may send at once above its per-second rate',
    default: 20_000,
    min: 1,
    max: 10_000_000,
  }),
  INGEST_PRODUCE_LINGER_MS: env.integer({
    description: 'How long a Kafka send waits for concurrent requests to join its batch',
    default: 2,
    min: 0,
    max: 1_000,
  }),
  INGEST_PRODUCE_TIMEOUT_MS: env.integer({
    description: 'How long a request waits for the Kafka ack before answering 503',
    default: 10_000,
    min: 100,
    max: 120_000,
  }),
  INGEST_SIGNATURE_TOLERANCE_SECONDS: env.integer({
    description: 'Largest age of a signed provider webhook (SendGrid, Zoom, Mailgun) before 401',
    default: 300,
    min: 1,
    max: 86_400,
  }),
});

export type IngestConfig = Config<typeof ingestConfigSchema>;
