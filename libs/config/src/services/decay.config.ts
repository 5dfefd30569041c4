import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

export const decayConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('decay'),
  ...kafkaEnv,
  ...databaseEnv,
});

export type DecayConfig = Config<typeof decayConfigSchema>;
