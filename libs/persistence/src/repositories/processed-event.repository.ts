import { type SqlRunner } from './sql-types.js';

/** An event's dedupe key: CloudEvents ids are unique per source, within a workspace. */
export interface WorkspaceEventId {
  workspaceId: string;
  source: string;
  eventId: string;
}

const keyOf = (id: WorkspaceEventId) => `${id.workspaceId}\u0000${id.source}\u0000${id.eventId}`;

const columns = (ids: WorkspaceEventId[]) => [
  ids.map((i) => i.workspaceId),
  ids.map((i) => i.source),
  ids.map((i) => i.eventId),
];

/** Event ids already applied: the dedupe that makes a re-sent event count once. */
export const processedEventRepository = {
  /**
   * Records the ids and returns, as `keyOf` keys, those not recorded before: the dedupe
   * lookup and the record in one statement. Inside the batch's transaction, so a rollback forgets them.
   */
  async claim(sql: SqlRunner, ids: WorkspaceEventId[], processedAt: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // An id recorded before sources were kept (source '') still stands for that id from any source; the
    // partial index holding only those rows answers the NOT EXISTS, and is empty once they aged out.
    const rows = await sql.query<{ w: string; s: string; e: string }[]>(
      `INSERT INTO processed_events (workspace_id, source, event_id, processed_at)
       SELECT w, s, e, $4 FROM UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, s, e)
       WHERE NOT EXISTS (
         SELECT 1 FROM processed_events legacy
         WHERE legacy.source = '' AND legacy.workspace_id = t.w AND legacy.event_id = t.e
       )
       ON CONFLICT DO NOTHING
       RETURNING workspace_id AS w, source AS s, event_id AS e`,
      [...columns(ids), processedAt],
    );
    return new Set(rows.map((r) => keyOf({ workspaceId: r.w, source: r.s, eventId: r.e })));
  },

  /** Forgets ids recorded by `claim` whose events were not applied after all (dead-lettered). */
  async forget(sql: SqlRunner, ids: WorkspaceEventId[]): Promise<void> {
    if (ids.length === 0) return;
    await sql.query(
      `DELETE FROM processed_events p USING UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, s, e)
       WHERE p.workspace_id = t.w AND p.source = t.s AND p.event_id = t.e`,
      columns(ids),
    );
  },

  /**
   * Forgets up to `limit` ids applied before `before`; call until it returns less than `limit`. Safe once
   * `before` is older than the events topic's retention: Kafka can no longer redeliver those events.
   */
  async pruneBefore(sql: SqlRunner, before: Date, limit = 10_000): Promise<number> {
    const [row] = await sql.query<{ n: number }[]>(
      `WITH deleted AS (
         DELETE FROM processed_events WHERE ctid IN (
           SELECT ctid FROM processed_events WHERE processed_at < $1 LIMIT $2
         ) RETURNING 1
       ) SELECT count(*)::int AS n FROM deleted`,
      [before, limit],
    );
    return row?.n ?? 0;
  },

  keyOf,
};
