import { type z } from 'zod';
import { ConfigError, type ConfigProblem } from './config.error.js';
import { type EnvSchema } from './env-schema.js';
import { envVarMeta, type EnvVarMeta } from './env-var.js';

/** The process environment, or any map of the same shape (tests pass plain objects). */
export type Environment = Readonly<Record<string, string | undefined>>;

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A loaded configuration: typed by its schema, frozen all the way down. */
export type Config<S extends EnvSchema> = DeepReadonly<z.output<S>>;

const MAX_SHOWN_LENGTH = 80;

/**
 * Reads every variable of `schema` from `env` once, applies defaults, validates, and returns one
 * frozen object. On failure throws a `ConfigError` listing every bad or missing variable; secret
 * values are never part of the message. Unset and empty mean the same.
 */
export function loadConfig<S extends EnvSchema>(schema: S, env: Environment = process.env): Config<S> {
  const production = env['NODE_ENV'] === 'production';
  const input: Record<string, string | undefined> = {};
  for (const [name, variable] of Object.entries(schema.shape)) {
    input[name] = valueOrDefault(env[name], metaOf(name, variable), production);
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(problemsOf(schema, result.error.issues, input, production));
  }
  return deepFreeze(result.data) as Config<S>;
}

function valueOrDefault(raw: string | undefined, meta: EnvVarMeta, production: boolean): string | undefined {
  if (raw !== undefined && raw !== '') return raw;
  if (!production && meta.developmentDefault !== undefined) return meta.developmentDefault;
  return meta.default;
}

function metaOf(name: string, variable: z.ZodType): EnvVarMeta {
  const meta = envVarMeta(variable);
  if (!meta) throw new Error(`${name}: not declared with env.*; build the schema with envSchema()`);
  return meta;
}

function problemsOf(
  schema: EnvSchema,
  issues: readonly z.core.$ZodIssue[],
  input: Readonly<Record<string, string | undefined>>,
  production: boolean,
): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  for (const issue of issues) {
    const name = issue.path[0];
    const variable = typeof name === 'string' ? schema.shape[name] : undefined;
    if (typeof name !== 'string' || !variable) {
      // A rule across variables (an object-level refinement): its own message is all we have.
      const key = `configuration:${issue.message}`;
      problems.set(key, {
        variable: 'configuration',
        expected: issue.message,
        received: 'a combination that breaks it',
      });
      continue;
    }
    if (problems.has(name)) continue;
    const meta = metaOf(name, variable);
    problems.set(name, {
      variable: name,
      expected: meta.expected,
      received: describeReceived(input[name], meta, production),
    });
  }
  return [...problems.values()];
}

function describeReceived(value: string | undefined, meta: EnvVarMeta, production: boolean): string {
  if (value === undefined) {
    return meta.developmentDefault !== undefined && production
      ? 'nothing (not set; required when NODE_ENV=production)'
      : 'nothing (not set)';
  }
  if (meta.secret) return 'a value that is not shown (secret)';
  const shown = value.length > MAX_SHOWN_LENGTH ? `${value.slice(0, MAX_SHOWN_LENGTH)}…` : value;
  return JSON.stringify(shown);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
