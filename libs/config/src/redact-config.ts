import { type EnvSchema } from './env-schema.js';
import { envVarMeta } from './env-var.js';

export const REDACTED = '[redacted]';

/** A copy of a loaded configuration that is safe to log: secret variables replaced by `[redacted]`. */
export function redactConfig(
  schema: EnvSchema,
  config: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => {
      const variable = schema.shape[name];
      const secret = variable ? (envVarMeta(variable)?.secret ?? true) : true;
      return [name, secret && value !== undefined ? REDACTED : value];
    }),
  );
}
