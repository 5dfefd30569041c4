import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import {
  databaseEnv,
  httpEnv,
  kafkaEnv,
  operatorEnv,
  runtimeEnv,
  settingsEncryptionEnv,
  SERVICE_DEFAULT_PORTS,
  webhookTargetEnv,
} from '../shared.env.js';

export const apiConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('api'),
  ...kafkaEnv,
  ...databaseEnv,
  ...operatorEnv,
  ...webhookTargetEnv,
  ...settingsEncryptionEnv,
  ANALYTICS_URL: env.url({
    description: 'Base URL of the analytics service, asked for history and trends',
    protocols: ['http:', 'https:'],
    example: 'http://analytics:3005',
    default: `http://127.0.0.1:${SERVICE_DEFAULT_PORTS.analytics}`,
  }),
});

export type ApiConfig = Config<typeof apiConfigSchema>;
