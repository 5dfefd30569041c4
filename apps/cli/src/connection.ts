import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CommandError, ExitCode } from './exit-codes.js';

/** Where the api is and which key to use (never printed). */
export interface Connection {
  readonly url: string;
  /** Where events go (`leadscore send`): ingest, a service of its own. */
  readonly ingestUrl: string;
  readonly key: string | undefined;
  readonly profile: string;
}

export interface ConnectionFlags {
  readonly url?: string | undefined;
  readonly ingestUrl?: string | undefined;
  readonly key?: string | undefined;
  readonly profile?: string | undefined;
}

interface ConfigFile {
  profiles: Record<string, { url?: string; ingestUrl?: string; key?: string }>;
}

/** The local stack's api (`npm start`), used when nothing else names one. */
export const DEFAULT_URL = 'http://127.0.0.1:3000';
/** The local stack's ingest, used with the local api when nothing names an ingest. */
export const DEFAULT_INGEST_URL = 'http://127.0.0.1:3001';
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

/**
 * Flags first, then LEADSCORE_URL / LEADSCORE_INGEST_URL / LEADSCORE_KEY, then the profile in the config
 * file, then the local stack. Without an ingest URL, events go to the local ingest with the local api,
 * else to the api's URL (a gateway that routes /v1/events to ingest).
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const profile = flags.profile ?? env['LEADSCORE_PROFILE'] ?? DEFAULT_PROFILE;
  const saved = (await readConfig(configPath(env))).profiles[profile] ?? {};
  const url = withoutTrailingSlash(flags.url ?? env['LEADSCORE_URL'] ?? saved.url ?? DEFAULT_URL);
  const ingestUrl = flags.ingestUrl ?? env['LEADSCORE_INGEST_URL'] ?? saved.ingestUrl;
  return {
    url,
    ingestUrl: ingestUrl ? withoutTrailingSlash(ingestUrl) : ingestUrlBesides(url),
    key: flags.key ?? env['LEADSCORE_KEY'] ?? saved.key,
    profile,
  };
}

/** The ingest URL used when none is named: the local ingest beside the local api, else the api's URL. */
export function ingestUrlBesides(apiUrl: string): string {
  return apiUrl === DEFAULT_URL ? DEFAULT_INGEST_URL : apiUrl;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Stores a profile, readable by its owner only (the file holds a key). */
export async function saveProfile(
  profile: string,
  saved: { url: string; ingestUrl?: string | undefined; key: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = configPath(env);
  const config = await readConfig(path);
  config.profiles[profile] = {
    url: saved.url,
    ...(saved.ingestUrl ? { ingestUrl: saved.ingestUrl } : {}),
    key: saved.key,
  };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}
