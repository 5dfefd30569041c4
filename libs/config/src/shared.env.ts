import { env } from './env-kinds.js';

/** The six services and their local-stack ports (ARCHITECTURE.md, "Local stack defaults"). */
export const SERVICE_DEFAULT_PORTS = {
  api: 3000,
  ingest: 3001,
  scorer: 3002,
  decay: 3003,
  threshold: 3004,
  analytics: 3005,
} as const;

export type ServiceName = keyof typeof SERVICE_DEFAULT_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_DEFAULT_PORTS) as readonly ServiceName[];

/** pino's levels, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Variables every service reads. */
export const runtimeEnv = {
  NODE_ENV: env.oneOf(NODE_ENVS, {
    description: 'Runtime mode; `production` demands real secrets instead of local-stack ones',
    default: 'development',
  }),
  LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'Lowest log level written (pino)', default: 'info' }),
};

/** The HTTP listener; it also serves /metrics, /healthz and /readyz. */
export function httpEnv(service: ServiceName) {
  return {
    HOST: env.host({ description: 'Address the HTTP server listens on', default: '127.0.0.1' }),
    PORT: env.port({
      description: `HTTP port of ${service} (also /metrics, /healthz, /readyz)`,
      default: SERVICE_DEFAULT_PORTS[service],
    }),
  };
}

/** The bearer token of operational endpoints (e.g. POST /v1/decay/run); unset = they are switched off. */
export const operatorEnv = {
  OPERATOR_TOKEN: env.optional(
    env.secret({
      description:
        'Bearer token that operational endpoints (POST /v1/decay/run, the api’s POST /v1/workspaces) require; unset = those endpoints answer 403',
      minLength: 24,
    }),
  ),
};

export const kafkaEnv = {
  KAFKA_BROKERS: env.hostPortList({ description: 'Kafka bootstrap brokers', default: '127.0.0.1:9092' }),
};

export const databaseEnv = {
  DATABASE_URL: env.url({
    description: 'PostgreSQL connection URL',
    protocols: ['postgres:', 'postgresql:'],
    example: 'postgres://user:password@host:5432/leadscore',
    default: 'postgres://postgres:postgres@127.0.0.1:5432/leadscore',
    // It carries a password in every real deployment.
    secret: true,
  }),
};

/**
 * The key that encrypts workspace secrets at rest (provider webhook secrets, AES-256-GCM): the api
 * seals with it, ingest opens with it, so both must have the same one; the keys it replaced only open.
 */
export const settingsEncryptionEnv = {
  SETTINGS_ENCRYPTION_KEY: env.secretKey({
    description:
      'Key that encrypts workspace secrets (provider webhook secrets, CRM webhook signing secrets) in PostgreSQL; the api, ingest and threshold must share it',
    bytes: 32,
    // 32 bytes of "local-stack-settings-key-0123456": for the local stack only.
    developmentDefault: 'bG9jYWwtc3RhY2stc2V0dGluZ3Mta2V5LTAxMjM0NTY=',
  }),
  SETTINGS_ENCRYPTION_PREVIOUS_KEYS: env.secretKeyList({
    description:
      'Keys SETTINGS_ENCRYPTION_KEY replaced, during a rotation: secrets sealed under them still open; new ones are sealed with SETTINGS_ENCRYPTION_KEY',
    bytes: 32,
  }),
};

export const clickhouseEnv = {
  CLICKHOUSE_URL: env.optional(
    env.url({
      description: 'ClickHouse server over HTTP; unset = the embedded engine (chDB) in this process',
      protocols: ['http:', 'https:'],
      example: 'http://127.0.0.1:8123',
      // May carry user:password.
      secret: true,
    }),
  ),
  CLICKHOUSE_CLUSTER: env.optional(
    env.string({
      description:
        'A cluster of the server\'s remote_servers: the archive is created ON CLUSTER as Replicated tables behind Distributed ones, sharded by contact (libs/analytics README, "On a cluster"); needs CLICKHOUSE_URL',
    }),
  ),
  CLICKHOUSE_DATA_PATH: env.path({
    description: 'Data directory of the embedded engine (used only when CLICKHOUSE_URL is unset)',
    default: '.local/clickhouse',
  }),
};

/** Where CRM webhooks may go (libs/webhooks): the api checks subscriptions, threshold every delivery. */
export const webhookTargetEnv = {
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: env.oneOf(['false', 'true'], {
    description:
      'true lets webhook URLs resolve to loopback, private (RFC 1918, CGNAT), link-local or unique-local addresses, for receivers inside your own network; false (the default) refuses them when a subscription is saved and at every delivery. Set it alike on the api and threshold',
    default: 'false',
  }),
};
