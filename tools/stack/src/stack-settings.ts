import { join } from 'node:path';
import { workspaceRoot } from '@leadscore/testing';

/** Fixed local-stack ports (ARCHITECTURE.md, "Local stack defaults"); each overridable by env. */
export interface StackSettings {
  root: string;
  dataDir: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  postgresPort: number;
  database: string;
  stateFile: string;
}

export function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}: expected a TCP port (1-65535), got "${raw}"`);
  }
  return value;
}

export function stackSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const root = workspaceRoot();
  const dataDir = env['LEADSCORE_DATA_DIR'] ?? join(root, '.local');
  return {
    root,
    dataDir,
    kafkaPort: portFromEnv(env, 'KAFKA_PORT', 9092),
    kafkaControllerPort: portFromEnv(env, 'KAFKA_CONTROLLER_PORT', 9093),
    postgresPort: portFromEnv(env, 'POSTGRES_PORT', 5432),
    database: env['POSTGRES_DB'] ?? 'leadscore',
    stateFile: join(dataDir, 'stack.json'),
  };
}
