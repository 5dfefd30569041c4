import { type SqlRunner } from './sql-types.js';

export interface WorkspaceContact {
  workspaceId: string;
  contactId: string;
}

export interface ContactScoreRow {
  workspaceId: string;
  modelId: string;
  contactId: string;
  modelVersion: number;
  /** Sequence of the last score-changed event for this (workspace, model, contact). */
  sequence: number;
  fit: number;
  engagement: number;
  total: number;
  tier: string | null;
  grade: string | null;
  /** The scoring engine's state, JSON-serialisable. */
  state: unknown;
  updatedAt: Date;
}

interface ContactScoreRecord {
  workspace_id: string;
  model_id: string;
  contact_id: string;
  model_version: number;
  sequence: string;
  fit: number;
  engagement: number;
  total: number;
  tier: string | null;
  grade: string | null;
  state: unknown;
  updated_at: Date;
}

function fromRecord(r: ContactScoreRecord): ContactScoreRow {
  return {
    workspaceId: r.workspace_id,
    modelId: r.model_id,
    contactId: r.contact_id,
    modelVersion: r.model_version,
    sequence: Number(r.sequence),
    fit: r.fit,
    engagement: r.engagement,
    total: r.total,
    tier: r.tier,
    grade: r.grade,
    state: r.state,
    updatedAt: r.updated_at,
  };
}

/** A row's columns other than `state`, as the JSON records the write statements read. */
function scoreColumns(r: ContactScoreRow) {
  return {
    workspace_id: r.workspaceId,
    model_id: r.modelId,
    contact_id: r.contactId,
    model_version: r.modelVersion,
    sequence: r.sequence,
    fit: r.fit,
    engagement: r.engagement,
    total: r.total,
    tier: r.tier,
    grade: r.grade,
    updated_at: r.updatedAt.toISOString(),
  };
}

/** Contact scores, read and written set-based: one statement per batch, never one per contact. */
export const contactScoreRepository = {
  /** Every model's score of the given contacts in one query, unlocked (to lock, use `lockMany`). */
  async loadMany(sql: SqlRunner, contacts: WorkspaceContact[]): Promise<ContactScoreRow[]> {
    if (contacts.length === 0) return [];
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT s.* FROM contact_scores s
       JOIN UNNEST($1::text[], $2::text[]) AS t(w, c) ON s.workspace_id = t.w AND s.contact_id = t.c`,
      [contacts.map((c) => c.workspaceId), contacts.map((c) => c.contactId)],
    );
    return rows.map(fromRecord);
  },

  /**
   * The scores of exact (workspace, model, contact) keys, row-locked until commit in key order (the same
   * locks a decay range takes, so the scorer and the decay pass never interleave on one contact): a full
   * primary-key lookup per key, where `loadMany` by contact only has to skip through the model ids.
   */
  async lockMany(
    sql: SqlRunner,
    keys: (WorkspaceContact & { modelId: string })[],
  ): Promise<ContactScoreRow[]> {
    if (keys.length === 0) return [];
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT s.* FROM contact_scores s
       JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c)
         ON s.workspace_id = t.w AND s.model_id = t.m AND s.contact_id = t.c
       ORDER BY s.workspace_id, s.model_id, s.contact_id FOR UPDATE OF s`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.modelId), keys.map((k) => k.contactId)],
    );
    return rows.map(fromRecord);
  },

  async loadOne(
    sql: SqlRunner,
    key: WorkspaceContact & { modelId: string },
  ): Promise<ContactScoreRow | undefined> {
    const rows = await sql.query<ContactScoreRecord[]>(
      'SELECT * FROM contact_scores WHERE workspace_id = $1 AND model_id = $2 AND contact_id = $3',
      [key.workspaceId, key.modelId, key.contactId],
    );
    return rows[0] ? fromRecord(rows[0]) : undefined;
  },

  /**
   * Inserts or replaces many scores in one statement, the rows as one JSON document (jsonb_to_recordset):
   * less work in the client than UNNEST over a jsonb[] literal, whose every state is escaped twice.
   */
  async upsertMany(sql: SqlRunner, rows: ContactScoreRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO contact_scores
         (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, state, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(workspace_id text, model_id text, contact_id text,
         model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text,
         grade text, state jsonb, updated_at timestamptz)
       ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
         model_version = EXCLUDED.model_version, sequence = EXCLUDED.sequence, fit = EXCLUDED.fit,
         engagement = EXCLUDED.engagement, total = EXCLUDED.total, tier = EXCLUDED.tier,
         grade = EXCLUDED.grade, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(rows.map((r) => ({ ...scoreColumns(r), state: r.state })))],
    );
  },

  /**
   * The next `limit` scores of a model after `afterContactId`, in contact-id order, locked until commit
   * (the same row locks the scorer takes, so a contact is never decayed and scored at once).
   */
  async lockModelRange(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    afterContactId: string | null,
    limit: number,
  ): Promise<ContactScoreRow[]> {
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT * FROM contact_scores
       WHERE workspace_id = $1 AND model_id = $2 AND ($3::text IS NULL OR contact_id > $3)
       ORDER BY contact_id LIMIT $4 FOR UPDATE`,
      [workspaceId, modelId, afterContactId, limit],
    );
    return rows.map(fromRecord);
  },

  /**
   * Writes back the advanced scores of rows the caller locked with `lockModelRange`: one `UPDATE … FROM
   * jsonb_to_recordset` with the whole range as a single JSON document (markedly cheaper than an upsert
   * of UNNEST arrays, whose array literals are escaped, sent and parsed twice).
   */
  async updateMany(sql: SqlRunner, rows: ContactScoreRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `UPDATE contact_scores s SET
         model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement,
         total = u.total, tier = u.tier, grade = u.grade, state = u.state, updated_at = u.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS u(workspace_id text, model_id text, contact_id text,
         model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text,
         grade text, state jsonb, updated_at timestamptz)
       WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`,
      [JSON.stringify(rows.map((r) => ({ ...scoreColumns(r), state: r.state })))],
    );
  },

  /**
   * Writes back rows locked with `lockModelRange` whose state changed only in its report fields (`asOf`,
   * `model`, `reported`, `sequence`; libs/scoring `onlyReportChanged`): those four are merged into the
   * stored state by PostgreSQL and the score columns set, so a range that only decayed ships a few
   * hundred bytes per contact instead of its whole state. The document travels as `json`, which
   * PostgreSQL takes without building a jsonb of the whole range first.
   */
  async updateReports(sql: SqlRunner, rows: ContactScoreRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `UPDATE contact_scores s SET
         model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement,
         total = u.total, tier = u.tier, grade = u.grade, updated_at = u.updated_at,
         state = s.state || jsonb_build_object('asOf', u.as_of, 'model', u.model, 'reported', u.reported,
                                               'sequence', u.sequence)
       FROM json_to_recordset($1::json) AS u(workspace_id text, model_id text, contact_id text,
         model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text,
         grade text, updated_at timestamptz, as_of bigint, model jsonb, reported jsonb)
       WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`,
      [
        JSON.stringify(
          rows.map((r) => {
            const state = r.state as { asOf: number; model: unknown; reported: unknown };
            return { ...scoreColumns(r), as_of: state.asOf, model: state.model, reported: state.reported };
          }),
        ),
      ],
    );
  },
};
