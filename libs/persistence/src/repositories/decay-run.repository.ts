import { type SqlRunner } from './sql-types.js';
import { type ContactScoreRow } from './contact-score.repository.js';

/** Where a model's decay pass stands: the time it decays to and the last contact id it committed. */
export interface DecayRunRow {
  workspaceId: string;
  modelId: string;
  targetAt: Date;
  /** Contacts up to and including this id are done (null: none yet). */
  lastContactId: string | null;
  startedAt: Date;
  /** Null while the pass is unfinished: a restart resumes it after `lastContactId`. */
  completedAt: Date | null;
}

interface DecayRunRecord {
  workspace_id: string;
  model_id: string;
  target_at: Date;
  last_contact_id: string | null;
  started_at: Date;
  completed_at: Date | null;
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

/** The decay service's bookkeeping and its set-based reads: one statement per contact-id range. */
export const decayRunRepository = {
  async find(sql: SqlRunner, workspaceId: string, modelId: string): Promise<DecayRunRow | undefined> {
    const rows = await sql.query<DecayRunRecord[]>(
      'SELECT * FROM decay_runs WHERE workspace_id = $1 AND model_id = $2',
      [workspaceId, modelId],
    );
    const r = rows[0];
    return r
      ? {
          workspaceId: r.workspace_id,
          modelId: r.model_id,
          targetAt: r.target_at,
          lastContactId: r.last_contact_id,
          startedAt: r.started_at,
          completedAt: r.completed_at,
        }
      : undefined;
  },

  /** Starts a new pass of a model towards `targetAt`, from the first contact. */
  async begin(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    targetAt: Date,
    startedAt: Date,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO decay_runs (workspace_id, model_id, target_at, last_contact_id, started_at, completed_at)
       VALUES ($1, $2, $3, NULL, $4, NULL)
       ON CONFLICT (workspace_id, model_id) DO UPDATE SET
         target_at = EXCLUDED.target_at, last_contact_id = NULL, started_at = EXCLUDED.started_at, completed_at = NULL`,
      [workspaceId, modelId, targetAt, startedAt],
    );
  },

  /** Records a committed range; call it in the range's own transaction. */
  async advance(sql: SqlRunner, workspaceId: string, modelId: string, lastContactId: string): Promise<void> {
    await sql.query('UPDATE decay_runs SET last_contact_id = $3 WHERE workspace_id = $1 AND model_id = $2', [
      workspaceId,
      modelId,
      lastContactId,
    ]);
  },

  async complete(sql: SqlRunner, workspaceId: string, modelId: string, completedAt: Date): Promise<void> {
    await sql.query('UPDATE decay_runs SET completed_at = $3 WHERE workspace_id = $1 AND model_id = $2', [
      workspaceId,
      modelId,
      completedAt,
    ]);
  },

  /**
   * The next `limit` scores of a model after `afterContactId`, in contact-id order, locked until commit
   * (the same row locks the scorer takes, so a contact is never decayed and scored at once).
   */
  async lockRange(
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
    return rows.map((r) => ({
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
    }));
  },

  /**
   * Writes back the advanced scores of rows the caller locked with `lockRange`: one `UPDATE … FROM
   * jsonb_to_recordset` with the whole range as a single JSON document (markedly cheaper than an upsert
   * of UNNEST arrays, whose array literals are escaped, sent and parsed twice).
   */
  async updateAdvanced(sql: SqlRunner, rows: ContactScoreRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `UPDATE contact_scores s SET
         model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement,
         total = u.total, tier = u.tier, grade = u.grade, state = u.state, updated_at = u.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS u(workspace_id text, model_id text, contact_id text,
         model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text,
         grade text, state jsonb, updated_at timestamptz)
       WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`,
      [
        JSON.stringify(
          rows.map((r) => ({
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
            state: r.state,
            updated_at: r.updatedAt.toISOString(),
          })),
        ),
      ],
    );
  },
};
