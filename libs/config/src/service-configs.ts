import { configVariableNames } from './describe-config.js';
import { type EnvSchema } from './env-schema.js';
import { analyticsConfigSchema } from './services/analytics.config.js';
import { apiConfigSchema } from './services/api.config.js';
import { decayConfigSchema } from './services/decay.config.js';
import { ingestConfigSchema } from './services/ingest.config.js';
import { scorerConfigSchema } from './services/scorer.config.js';
import { thresholdConfigSchema } from './services/threshold.config.js';
import { type ServiceName } from './shared.env.js';

/** Every service's schema by name: docs and the docker-compose check enumerate variables from here. */
export const SERVICE_CONFIG_SCHEMAS = {
  api: apiConfigSchema,
  ingest: ingestConfigSchema,
  scorer: scorerConfigSchema,
  decay: decayConfigSchema,
  threshold: thresholdConfigSchema,
  analytics: analyticsConfigSchema,
} as const satisfies Record<ServiceName, EnvSchema>;

/** The variable names each service reads. */
export const SERVICE_CONFIG_VARIABLES: Readonly<Record<ServiceName, readonly string[]>> = {
  api: configVariableNames(apiConfigSchema),
  ingest: configVariableNames(ingestConfigSchema),
  scorer: configVariableNames(scorerConfigSchema),
  decay: configVariableNames(decayConfigSchema),
  threshold: configVariableNames(thresholdConfigSchema),
  analytics: configVariableNames(analyticsConfigSchema),
};
