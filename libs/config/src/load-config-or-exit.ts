import { ConfigError } from './config.error.js';
import { type EnvSchema } from './env-schema.js';
import { type Config, type Environment, loadConfig } from './load-config.js';

/** Where a failed start reports to; tests pass fakes. */
export interface ExitPort {
  writeStderr(text: string): void;
  exit(code: number): never;
}

const processExit: ExitPort = {
  writeStderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/**
 * For a service's main.ts: load the configuration, or print every problem to stderr and exit(1)
 * before anything else starts. Errors other than `ConfigError` are bugs and propagate.
 */
export function loadConfigOrExit<S extends EnvSchema>(
  schema: S,
  env: Environment = process.env,
  port: ExitPort = processExit,
): Config<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    port.writeStderr(`${error.message}\n`);
    return port.exit(1);
  }
}
