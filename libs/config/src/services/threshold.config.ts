import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

export const thresholdConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('threshold'),
  ...kafkaEnv,
  ...databaseEnv,
});

export type ThresholdConfig = Config<typeof thresholdConfigSchema>;
