import { type SqlRunner } from './sql-types.js';

export interface LifecycleKey {
  workspaceId: string;
  modelId: string;
  contactId: string;
}

export interface LifecycleStateRow extends LifecycleKey {
  stage: 'lead' | 'recycled' | 'mql' | 'sql';
  tier: 'cold' | 'warm' | 'hot';
  /** The named tier under a model with named tiers (null otherwise). */
  tierName: string | null;
  grade: string | null;
  salesAccepted: boolean;
  /** The last score-changed sequence applied: an event at or below it is a duplicate or a replay. */
  lastSequence: number;
  /** Version of the model behind the last applied score change. */
  modelVersion: number;
  /** The score snapshot of the last applied change (what a transition set by sales reports). */
  scores: unknown;
}

interface LifecycleStateRecord {
  workspace_id: string;
  model_id: string;
  contact_id: string;
  stage: LifecycleStateRow['stage'];
  tier: LifecycleStateRow['tier'];
  tier_name: string | null;
  grade: string | null;
  sales_accepted: boolean;
  last_sequence: string;
  model_version: number;
  scores: unknown;
}

const toRow = (r: LifecycleStateRecord): LifecycleStateRow => ({
  workspaceId: r.workspace_id,
  modelId: r.model_id,
  contactId: r.contact_id,
  stage: r.stage,
  tier: r.tier,
  tierName: r.tier_name,
  grade: r.grade,
  salesAccepted: r.sales_accepted,
  lastSequence: Number(r.last_sequence),
  modelVersion: r.model_version,
  scores: r.scores,
});

const keyOf = (k: LifecycleKey) => `${k.workspaceId}\u0000${k.modelId}\u0000${k.contactId}`;

/** Each contact's tier, grade and lifecycle stage per model, kept by the threshold service. */
export const lifecycleStateRepository = {
  keyOf,

  /** Loads (and with `forUpdate` row-locks until the transaction ends) the states of many contacts. */
  async loadMany(
    sql: SqlRunner,
    keys: readonly LifecycleKey[],
    forUpdate: boolean,
  ): Promise<Map<string, LifecycleStateRow>> {
    if (keys.length === 0) return new Map();
    const rows = await sql.query<LifecycleStateRecord[]>(
      `SELECT s.workspace_id, s.model_id, s.contact_id, s.stage, s.tier, s.tier_name, s.grade, s.sales_accepted,
              s.last_sequence::text AS last_sequence, s.model_version, s.scores
       FROM lifecycle_states s
       JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS k(w, m, c)
         ON s.workspace_id = k.w AND s.model_id = k.m AND s.contact_id = k.c
       ORDER BY s.workspace_id, s.model_id, s.contact_id
       ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.modelId), keys.map((k) => k.contactId)],
    );
    return new Map(rows.map((r) => [keyOf(toRow(r)), toRow(r)]));
  },

  /** Every model's state of one contact, unlocked (a contact's data export). */
  async ofContact(sql: SqlRunner, workspaceId: string, contactId: string): Promise<LifecycleStateRow[]> {
    const rows = await sql.query<LifecycleStateRecord[]>(
      `SELECT workspace_id, model_id, contact_id, stage, tier, tier_name, grade, sales_accepted,
              last_sequence::text AS last_sequence, model_version, scores
       FROM lifecycle_states WHERE workspace_id = $1 AND contact_id = $2 ORDER BY model_id`,
      [workspaceId, contactId],
    );
    return rows.map(toRow);
  },

  /** Every model's state of these contacts, row-locked until the transaction ends (sales acceptance). */
  async lockContacts(
    sql: SqlRunner,
    contacts: readonly { workspaceId: string; contactId: string }[],
  ): Promise<LifecycleStateRow[]> {
    if (contacts.length === 0) return [];
    const rows = await sql.query<LifecycleStateRecord[]>(
      `SELECT s.workspace_id, s.model_id, s.contact_id, s.stage, s.tier, s.tier_name, s.grade, s.sales_accepted,
              s.last_sequence::text AS last_sequence, s.model_version, s.scores
       FROM lifecycle_states s
       JOIN UNNEST($1::text[], $2::text[]) AS k(w, c) ON s.workspace_id = k.w AND s.contact_id = k.c
       ORDER BY s.workspace_id, s.model_id, s.contact_id
       FOR UPDATE OF s`,
      [contacts.map((c) => c.workspaceId), contacts.map((c) => c.contactId)],
    );
    return rows.map(toRow);
  },

  /** Upserts many states in one statement. */
  async upsertMany(sql: SqlRunner, rows: readonly LifecycleStateRow[], updatedAt: Date): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO lifecycle_states
         (workspace_id, model_id, contact_id, stage, tier, grade, sales_accepted, last_sequence, updated_at,
          model_version, scores, tier_name)
       SELECT w, m, c, s, t, g, a, q, $9, v, j, n
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                   $8::bigint[], $10::int[], $11::jsonb[], $12::text[])
         AS u(w, m, c, s, t, g, a, q, v, j, n)
       ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
         stage = EXCLUDED.stage, tier = EXCLUDED.tier, tier_name = EXCLUDED.tier_name, grade = EXCLUDED.grade,
         sales_accepted = EXCLUDED.sales_accepted, last_sequence = EXCLUDED.last_sequence,
         model_version = EXCLUDED.model_version, scores = EXCLUDED.scores, updated_at = EXCLUDED.updated_at`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.modelId),
        rows.map((r) => r.contactId),
        rows.map((r) => r.stage),
        rows.map((r) => r.tier),
        rows.map((r) => r.grade),
        rows.map((r) => r.salesAccepted),
        rows.map((r) => r.lastSequence),
        updatedAt,
        rows.map((r) => r.modelVersion),
        rows.map((r) => JSON.stringify(r.scores)),
        rows.map((r) => r.tierName),
      ],
    );
  },
};
