export { ConfigError, type ConfigProblem } from './config.error.js';
export { defineEnvVar, type EnvVarMeta, type EnvVarSchema } from './env-var.js';
export { env } from './env-kinds.js';
export { envSchema, type EnvSchema, type EnvShape } from './env-schema.js';
export { loadConfig, type Config, type Environment } from './load-config.js';
export { loadConfigOrExit, type ExitPort } from './load-config-or-exit.js';
export {
  describeConfig,
  configVariableNames,
  configMarkdownTable,
  type ConfigVariable,
} from './describe-config.js';
export { redactConfig, REDACTED } from './redact-config.js';
export {
  SERVICE_DEFAULT_PORTS,
  SERVICE_NAMES,
  LOG_LEVELS,
  NODE_ENVS,
  runtimeEnv,
  httpEnv,
  kafkaEnv,
  databaseEnv,
  settingsEncryptionEnv,
  clickhouseEnv,
  operatorEnv,
  webhookTargetEnv,
  type ServiceName,
  type LogLevel,
  type NodeEnv,
} from './shared.env.js';
export { SERVICE_CONFIG_SCHEMAS, SERVICE_CONFIG_VARIABLES } from './service-configs.js';
export { apiConfigSchema, type ApiConfig } from './services/api.config.js';
export { ingestConfigSchema, type IngestConfig } from './services/ingest.config.js';
export { scorerConfigSchema, type ScorerConfig } from './services/scorer.config.js';
export { decayConfigSchema, type DecayConfig } from './services/decay.config.js';
export { thresholdConfigSchema, type ThresholdConfig } from './services/threshold.config.js';
export { analyticsConfigSchema, type AnalyticsConfig } from './services/analytics.config.js';
