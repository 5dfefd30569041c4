import { type DataSource, type QueryRunner } from 'typeorm';
import { type SqlRunner } from './repositories/sql-types.js';

/** The lease's lock is gone (its connection died): the holder must stop writing as the leader. */
export class LeadershipLostError extends Error {
  override readonly name = 'LeadershipLostError';
}

/**
 * Leadership held through a PostgreSQL session advisory lock on a connection of its own. Only one
 * process holds a name at a time; the lock goes when the holder's connection does (crash, kill), so a
 * standby's next try takes over.
 */
export interface LeaderLease {
  /** Checks that the lock's connection is still alive (the lock lives exactly as long as it). */
  stillHeld(): Promise<boolean>;
  /**
   * Throws LeadershipLostError unless the lock is still granted to the lease's connection, checked on
   * `sql` (another connection): call it inside a write transaction to fence the writes of a deposed leader.
   */
  assertHeld(sql: SqlRunner): Promise<void>;
  /** The PostgreSQL backend that holds the lock. */
  readonly backendPid: number;
  release(): Promise<void>;
}

/** Tries once to become the leader for `name`; undefined when another process holds it. */
export async function tryAcquireLeaderLease(
  dataSource: DataSource,
  name: string,
): Promise<LeaderLease | undefined> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  let acquired = false;
  try {
    const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
      name,
    ])) as { locked: boolean }[];
    acquired = rows[0]?.locked === true;
  } finally {
    if (!acquired) await runner.release();
  }
  if (!acquired) return undefined;
  const [backend] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
  const backendPid = backend?.pid ?? 0;
  let released = false;
  return {
    backendPid,
    async assertHeld(sql: SqlRunner) {
      // The lease's connection holds no other advisory lock, so any granted one of its backend is ours.
      const [row] = await sql.query<{ held: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1) AS held`,
        [backendPid],
      );
      if (released || row?.held !== true)
        throw new LeadershipLostError(
          `the leader lock "${name}" is no longer held by this process (its connection, backend ${backendPid}, is gone)`,
        );
    },
    async stillHeld() {
      if (released) return false;
      try {
        await runner.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]);
      } finally {
        await runner.release();
      }
    },
  };
}
