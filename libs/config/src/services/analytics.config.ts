import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { clickhouseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

/** The only service that opens ClickHouse; it needs no PostgreSQL. */
export const analyticsConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('analytics'),
  ...kafkaEnv,
  ...clickhouseEnv,
});

export type AnalyticsConfig = Config<typeof analyticsConfigSchema>;
