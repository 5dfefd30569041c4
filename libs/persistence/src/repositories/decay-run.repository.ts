import { type SqlRunner } from './sql-types.js';

/**
 * How a pass reads its contacts: `all` of them in contact-id ranges, or the `due` ones through the
 * attention index (see migration 1765500000000).
 */
export type DecayPassMode = 'all' | 'due';

/** Where a model's decay pass stands: the time it decays to and the last contact id it committed. */
export interface DecayRunRow {
  workspaceId: string;
  modelId: string;
  targetAt: Date;
  /** Contacts up to and including this id are done (null: none yet); what an `all` pass resumes after. */
  lastContactId: string | null;
  startedAt: Date;
  /** Null while the pass is unfinished: a restart resumes it. */
  completedAt: Date | null;
  mode: DecayPassMode;
  /** The model version the pass began with. */
  modelVersion: number | null;
  /** The model version under which every contact's attention time is known (null: not known). */
  attentionModelVersion: number | null;
}

interface DecayRunRecord {
  workspace_id: string;
  model_id: string;
  target_at: Date;
  last_contact_id: string | null;
  started_at: Date;
  completed_at: Date | null;
  mode: DecayPassMode;
  model_version: number | null;
  attention_model_version: number | null;
}

/** The decay service's bookkeeping: per model, the time a pass decays to and how far it got. */
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
          mode: r.mode,
          modelVersion: r.model_version,
          attentionModelVersion: r.attention_model_version,
        }
      : undefined;
  },

  /**
   * Starts a new pass of a model (at `modelVersion`) towards `targetAt`, from the first contact. An `all`
   * pass forgets the attention version until it completes.
   */
  async begin(
    sql: SqlRunner,
    pass: { workspaceId: string; modelId: string; modelVersion: number; mode: DecayPassMode },
    targetAt: Date,
    startedAt: Date,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO decay_runs
         (workspace_id, model_id, target_at, last_contact_id, started_at, completed_at, mode, model_version)
       VALUES ($1, $2, $3, NULL, $4, NULL, $5, $6)
       ON CONFLICT (workspace_id, model_id) DO UPDATE SET
         target_at = EXCLUDED.target_at, last_contact_id = NULL, started_at = EXCLUDED.started_at,
         completed_at = NULL, mode = EXCLUDED.mode, model_version = EXCLUDED.model_version,
         attention_model_version = CASE WHEN EXCLUDED.mode = 'all' THEN NULL
                                        ELSE decay_runs.attention_model_version END`,
      [pass.workspaceId, pass.modelId, targetAt, startedAt, pass.mode, pass.modelVersion],
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

  /**
   * Marks the pass completed; `attentionModelVersion` records that every contact's attention time is
   * now known under that model version (an `all` pass run under one version), else it stays as it was.
   */
  async complete(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    completedAt: Date,
    attentionModelVersion?: number,
  ): Promise<void> {
    await sql.query(
      `UPDATE decay_runs SET completed_at = $3, attention_model_version = coalesce($4, attention_model_version)
       WHERE workspace_id = $1 AND model_id = $2`,
      [workspaceId, modelId, completedAt, attentionModelVersion ?? null],
    );
  },
};
