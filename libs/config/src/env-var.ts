import { z } from 'zod';

/** What docs, error messages and redaction need to know about one environment variable. */
export interface EnvVarMeta {
  readonly description: string;
  /** The form a valid value takes, as a person reads it: `host:port[,host:port...]`. */
  readonly expected: string;
  /** Applied when the variable is unset or empty; written as it would be in the environment. */
  readonly default?: string;
  /**
   * Applied when unset and NODE_ENV is not `production`: lets the local stack run without secrets
   * while production must set them. Never shown in docs.
   */
  readonly developmentDefault?: string;
  /** Never echoed in errors, docs or logs. */
  readonly secret: boolean;
  /** Unset means `undefined` in the config object (e.g. CLICKHOUSE_URL: absent = embedded chDB). */
  readonly optional: boolean;
}

/** Environment schemas parse raw variable text (or `undefined`) into typed values. */
export type EnvVarSchema<T = unknown> = z.ZodType<T, string | undefined>;

const envVarRegistry = z.registry<EnvVarMeta>();

/** Attaches variable metadata to a schema; `envSchema` refuses fields declared without it. */
export function defineEnvVar<S extends EnvVarSchema>(schema: S, meta: EnvVarMeta): S {
  envVarRegistry.add(schema, meta);
  return schema;
}

export function envVarMeta(schema: z.ZodType): EnvVarMeta | undefined {
  return envVarRegistry.get(schema);
}
