import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

export const ingestConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('ingest'),
  ...kafkaEnv,
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
});

export type IngestConfig = Config<typeof ingestConfigSchema>;
