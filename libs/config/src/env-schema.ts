import { z } from 'zod';
import { envVarMeta, type EnvVarSchema } from './env-var.js';

/** The variables one service reads, keyed by variable name. */
export type EnvShape = Readonly<Record<string, EnvVarSchema>>;

export type EnvSchema<Shape extends EnvShape = EnvShape> = z.ZodObject<Shape>;

/**
 * A service's configuration schema. Every field must be an `env.*` variable, so that docs, error
 * messages and secret redaction know about it; a bare zod schema is refused here, at import time.
 */
export function envSchema<Shape extends EnvShape>(shape: Shape): EnvSchema<Shape> {
  for (const [name, variable] of Object.entries(shape)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) {
      throw new Error(`${name}: environment variable names are UPPER_SNAKE_CASE`);
    }
    if (!envVarMeta(variable)) {
      throw new Error(
        `${name}: declare it with env.* (from @leadscore/config) so docs and errors describe it`,
      );
    }
  }
  return z.object(shape);
}
