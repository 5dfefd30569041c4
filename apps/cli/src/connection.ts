import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CommandError } from './api-client.js';
import { ExitCode } from './exit-codes.js';

/** Where the api is and which key to use (never printed). */
export interface Connection {
  readonly url: string;
  readonly key: string | undefined;
  readonly profile: string;
}

export interface ConnectionFlags {
  readonly url?: string | undefined;
  readonly key?: string | undefined;
  readonly profile?: string | undefined;
}

interface ConfigFile {
  profiles: Record<string, { url?: string; key?: string }>;
}

/** The local stack's api (`npm start`), used when nothing else names one. */
export const DEFAULT_URL = 'http://127.0.0.1:3000';
export const DEFAULT_PROFILE = 'default';

/** `$LEADSCORE_CONFIG`, else `~/.config/leadscore/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['LEADSCORE_CONFIG'] ?? join(homedir(), '.config', 'leadscore', 'config.json');
}

async function readConfig(path: string): Promise<ConfigFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<ConfigFile>;
    return { profiles: parsed.profiles ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw new CommandError(
      ExitCode.usage,
      `${path} is not a leadscore config file (${String(error)}): fix it or run leadscore login again`,
      undefined,
      { cause: error },
    );
  }
}

/** Flags first, then LEADSCORE_URL / LEADSCORE_KEY, then the profile in the config file, then the local stack. */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const profile = flags.profile ?? env['LEADSCORE_PROFILE'] ?? DEFAULT_PROFILE;
  const saved = (await readConfig(configPath(env))).profiles[profile] ?? {};
  return {
    url: (flags.url ?? env['LEADSCORE_URL'] ?? saved.url ?? DEFAULT_URL).replace(/\/+$/, ''),
    key: flags.key ?? env['LEADSCORE_KEY'] ?? saved.key,
    profile,
  };
}

/** Stores a profile, readable by its owner only (the file holds a key). */
export async function saveProfile(
  profile: string,
  url: string,
  key: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = configPath(env);
  const config = await readConfig(path);
  config.profiles[profile] = { url, key };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}
