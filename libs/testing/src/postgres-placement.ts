import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { canEnter, makeReachableDir, type ServerAccount } from './postgres-runtime.js';

export interface ClusterPlacement {
  /** The directory PostgreSQL is given with -D. */
  readonly clusterDir: string;
  /** Deletes the cluster (and the link to it, when it was moved). */
  remove(): void;
}

/**
 * Where the cluster of `dataDir` lives: `<dataDir>/cluster` when the server's account can enter
 * `dataDir`; otherwise `<runtimeDir>/clusters/<hash of dataDir>`, with `<dataDir>/cluster` a symbolic
 * link to it. Deleting `dataDir` (say `rm -rf .local`) still means a fresh cluster next time: a moved
 * cluster whose link is gone is deleted before it could be reused.
 */
export function placeCluster(options: {
  dataDir: string;
  account: ServerAccount | undefined;
  runtimeDir: string;
}): ClusterPlacement {
  const { dataDir, account } = options;
  mkdirSync(dataDir, { recursive: true });
  const link = join(dataDir, 'cluster');
  if (canEnter(dataDir, account)) {
    return { clusterDir: link, remove: () => rmSync(link, { recursive: true, force: true }) };
  }

  const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  const clusters = join(options.runtimeDir, 'clusters');
  const target = join(clusters, id);
  makeReachableDir(clusters);
  const linkStat = lstatIfAny(link);
  if (linkStat?.isSymbolicLink()) {
    if (readlinkSync(link) !== target || !existsSync(target)) {
      rmSync(link, { force: true });
      rmSync(target, { recursive: true, force: true });
      symlinkSync(target, link);
    }
  } else if (linkStat?.isDirectory()) {
    // A cluster made while dataDir was still reachable: move it where the server can reach it.
    rmSync(target, { recursive: true, force: true });
    cpSync(link, target, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    if (account) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, target]);
    rmSync(link, { recursive: true, force: true });
    symlinkSync(target, link);
  } else {
    rmSync(target, { recursive: true, force: true });
    symlinkSync(target, link);
  }
  if (!canEnter(clusters, account)) {
    throw new Error(
      `the postgres OS user can enter neither ${dataDir} nor ${clusters}: make ${options.runtimeDir} searchable by all (chmod 755) or set LEADSCORE_RUNTIME_DIR to a directory that is`,
    );
  }
  return {
    clusterDir: target,
    remove: () => {
      rmSync(target, { recursive: true, force: true });
      rmSync(link, { force: true });
    },
  };
}

function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
