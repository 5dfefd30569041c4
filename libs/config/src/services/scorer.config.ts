import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, runtimeEnv } from '../shared.env.js';

export const scorerConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('scorer'),
  ...kafkaEnv,
  ...databaseEnv,
  SCORER_CONSUMER_GROUP: env.string({
    description: 'Consumer group of leads.events.v1; its offsets are stored in PostgreSQL under this name',
    default: 'leadscore-scorer',
  }),
});

export type ScorerConfig = Config<typeof scorerConfigSchema>;
