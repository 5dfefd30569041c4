import { type SqlRunner } from './sql-types.js';

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
};
