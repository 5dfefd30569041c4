import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

export const scorerConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('scorer'),
  ...kafkaEnv,
  ...databaseEnv,
});

export type ScorerConfig = Config<typeof scorerConfigSchema>;
