import { type DataSource, type QueryRunner } from 'typeorm';

/**
 * Leadership held through a PostgreSQL session advisory lock on a connection of its own. Only one
 * process holds a name at a time; the lock goes when the holder's connection does (crash, kill), so a
 * standby's next try takes over.
 */
export interface LeaderLease {
  /** Checks that the lock's connection is still alive (the lock lives exactly as long as it). */
  stillHeld(): Promise<boolean>;
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
  let released = false;
  return {
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
