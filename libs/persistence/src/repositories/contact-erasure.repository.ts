import { contactHashOf } from '@leadscore/contracts';
import { workspaceContactKey, type WorkspaceContact } from './contact-score.repository.js';
import { returnedRows, type SqlRunner } from './sql-types.js';

export interface ContactErasure extends WorkspaceContact {
  /** The api's id of the erasure (its audit row and the contact.erased event carry it). */
  readonly erasureId: string;
  /**
   * Rows dated at or before it are the erased contact's; later activity is a new start. A function is
   * called once the stores are emptied, so that the time follows every write the erasure waited for.
   */
  readonly erasedAt: Date | (() => Date);
}

/** What an erasure removed from PostgreSQL, per store. */
export interface ErasedRows {
  readonly scores: number;
  readonly ranks: number;
  readonly profiles: number;
  readonly lifecycleStates: number;
  readonly webhookDeliveries: number;
  /** Audit rows naming the contact, whose target now names the erasure instead. */
  readonly auditTargets: number;
  /** Merges naming the contact (contact_aliases rows). */
  readonly aliases: number;
  /** The contact's rows in accounts' roll-ups (account_members), taken out of their accounts' sums. */
  readonly accountMemberships: number;
}

/** The histogram shard erasures write their decrements to (each writer has its own shard). */
export const ERASURE_HISTOGRAM_SHARD = 'erasure';

const lockKeyOf = workspaceContactKey;
const erasedTarget = (c: WorkspaceContact) => `erased:${contactHashOf(c.workspaceId, c.contactId)}`;

/**
 * Erasure of contacts, and what keeps it erased. Every writer that could create a contact's rows (the
 * scorer, the threshold service) takes a shared advisory lock on each contact of its batch, then reads
 * their tombstones, in its transaction; an erasure takes the exclusive lock. So an erasure waits for the
 * batches writing the contact to commit (then deletes what they wrote), and a batch that starts after it
 * sees its tombstone — no row of the contact comes back from a batch in flight.
 */
export const contactErasureRepository = {
  /** Shared locks on the contacts, in one order (key order), until the transaction ends. */
  async lockShared(sql: SqlRunner, contacts: readonly WorkspaceContact[]): Promise<void> {
    if (contacts.length === 0) return;
    await sql.query(
      `SELECT count(pg_advisory_xact_lock_shared(hashtextextended(k, 0)))
       FROM (SELECT DISTINCT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`,
      [contacts.map(lockKeyOf)],
    );
  },

  /**
   * The exclusive lock on one contact until the transaction ends: it waits for every batch holding the
   * contact's shared lock to commit, and holds off those that ask after it (an erasure, a merge).
   */
  async lockExclusive(sql: SqlRunner, contact: WorkspaceContact): Promise<void> {
    await sql.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKeyOf(contact)]);
  },

  /** When each of the contacts was last erased, by `keyOf(contact)`; erased contacts only. */
  async erasedAt(sql: SqlRunner, contacts: readonly WorkspaceContact[]): Promise<Map<string, Date>> {
    if (contacts.length === 0) return new Map();
    const unique = [...new Map(contacts.map((c) => [lockKeyOf(c), c])).values()];
    const hashes = unique.map((c) => contactHashOf(c.workspaceId, c.contactId));
    const byHash = new Map(unique.map((c, index) => [`${c.workspaceId}/${hashes[index] ?? ''}`, c]));
    const rows = await sql.query<{ workspace_id: string; contact_hash: string; erased_at: Date }[]>(
      `SELECT e.workspace_id, e.contact_hash, e.erased_at FROM erased_contacts e
       JOIN unnest($1::text[], $2::text[]) AS t(w, h) ON e.workspace_id = t.w AND e.contact_hash = t.h`,
      [unique.map((c) => c.workspaceId), hashes],
    );
    const erased = new Map<string, Date>();
    for (const row of rows) {
      const contact = byHash.get(`${row.workspace_id}/${row.contact_hash}`);
      if (contact) erased.set(lockKeyOf(contact), row.erased_at);
    }
    return erased;
  },

  /**
   * What a writer's batch needs to keep erasures holding: the contacts' shared locks (held until the
   * transaction ends), then their tombstones, as one guard that says which records to drop.
   */
  async guard(sql: SqlRunner, contacts: readonly WorkspaceContact[]): Promise<ErasureGuard> {
    await contactErasureRepository.lockShared(sql, contacts);
    return new ErasureGuard(await contactErasureRepository.erasedAt(sql, contacts));
  },

  keyOf: lockKeyOf,

  /**
   * Erases one contact from every PostgreSQL store in the caller's transaction: its tombstone (kept at
   * the latest erasure time), its scores, leaderboard ranks (and their histogram counts), profile,
   * lifecycle states and webhook deliveries (with their attempts), and its key in audit targets.
   * Repeating it is harmless.
   */
  async erase(sql: SqlRunner, erasure: ContactErasure): Promise<{ erasedAt: Date; rows: ErasedRows }> {
    const { workspaceId, contactId } = erasure;
    await contactErasureRepository.lockExclusive(sql, erasure);
    const rows = await deleteRowsOf(sql, erasure);
    const erasedAt = typeof erasure.erasedAt === 'function' ? erasure.erasedAt() : erasure.erasedAt;
    await sql.query(
      `INSERT INTO erased_contacts AS e (workspace_id, contact_hash, erased_at, erasure_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, contact_hash) DO UPDATE
         SET erased_at = EXCLUDED.erased_at, erasure_id = EXCLUDED.erasure_id
         WHERE EXCLUDED.erased_at > e.erased_at`,
      [workspaceId, contactHashOf(workspaceId, contactId), erasedAt.toISOString(), erasure.erasureId],
    );
    return { erasedAt, rows };
  },
};

async function deleteRowsOf(sql: SqlRunner, erasure: ContactErasure): Promise<ErasedRows> {
  const { workspaceId, contactId } = erasure;
  const count = async (query: string, parameters: unknown[]) => {
    const [row] = returnedRows<{ n: number }>(await sql.query(query, parameters));
    return Number(row?.n ?? 0);
  };
  const contact = [workspaceId, contactId];
  const deleteFrom = (table: string) =>
    count(
      `WITH gone AS (DELETE FROM ${table} WHERE workspace_id = $1 AND contact_id = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      contact,
    );
  return {
    scores: await deleteFrom('contact_scores'),
    ranks: await count(
      `WITH gone AS (
           DELETE FROM contact_ranks WHERE workspace_id = $1 AND contact_id = $2 RETURNING model_id, total),
         counted AS (
           INSERT INTO score_histogram AS h (workspace_id, model_id, shard, bucket, contacts)
           SELECT $1, model_id, $3, score_bucket(total), -count(*) FROM gone
           GROUP BY model_id, score_bucket(total) ORDER BY model_id, score_bucket(total)
           ON CONFLICT (workspace_id, model_id, shard, bucket) DO UPDATE SET contacts = h.contacts + EXCLUDED.contacts
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      [...contact, ERASURE_HISTOGRAM_SHARD],
    ),
    profiles: await deleteFrom('contact_profiles'),
    lifecycleStates: await deleteFrom('lifecycle_states'),
    webhookDeliveries: await deleteFrom('webhook_deliveries'),
    auditTargets: await count(
      `WITH renamed AS (
           UPDATE audit_log SET target = $3 WHERE workspace_id = $1 AND target = $2 RETURNING 1)
         SELECT count(*)::int AS n FROM renamed`,
      [...contact, erasedTarget(erasure)],
    ),
    // The merges that name it (as the key merged away, or as the survivor): keys are personal data.
    aliases: await count(
      `WITH gone AS (
           DELETE FROM contact_aliases WHERE workspace_id = $1 AND (alias = $2 OR survivor = $2) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      contact,
    ),
    // Its share leaves its accounts' roll-up now; their published scores follow at their next change.
    accountMemberships: await count(
      `WITH gone AS (
           DELETE FROM account_members WHERE workspace_id = $1 AND contact_id = $2
           RETURNING model_id, account_id, engagement_centi),
         shares AS (
           SELECT model_id, account_id, count(*)::int AS members, sum(engagement_centi) AS engagement
           FROM gone WHERE account_id IS NOT NULL GROUP BY model_id, account_id),
         moved AS (
           UPDATE account_scores s SET members = s.members - shares.members,
             engagement_sum_centi = s.engagement_sum_centi - shares.engagement
           FROM shares
           WHERE s.workspace_id = $1 AND s.model_id = shares.model_id AND s.account_id = shares.account_id
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      contact,
    ),
  };
}

/**
 * The tombstones of a batch's contacts: a record of a contact dated at or before its erasure is the
 * erased contact's, and must not be written; later ones are a new start.
 */
export class ErasureGuard {
  constructor(private readonly erased: Map<string, Date>) {}

  /** Whether an erasure of the contact at or after `time` is known. */
  covers(contact: WorkspaceContact, time: string | Date): boolean {
    const at = this.erased.get(lockKeyOf(contact));
    return at !== undefined && new Date(time).getTime() <= at.getTime();
  }

  /** Counts an erasure applied in this batch (`erase`) as known. */
  record(contact: WorkspaceContact, erasedAt: Date): void {
    if (!this.covers(contact, erasedAt)) this.erased.set(lockKeyOf(contact), erasedAt);
  }
}
