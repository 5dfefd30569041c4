import { type SqlRunner } from './sql-types.js';

export interface ScoringModelRow {
  workspaceId: string;
  modelId: string;
  version: number;
  document: unknown;
  appliedAt: Date;
}

/** Every applied model version; the latest per (workspace, model) is the one in force. */
export const scoringModelRepository = {
  /** Records a version; recording the same version again is a no-op. */
  async record(sql: SqlRunner, row: ScoringModelRow): Promise<void> {
    await sql.query(
      `INSERT INTO scoring_models (workspace_id, model_id, version, document, applied_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [row.workspaceId, row.modelId, row.version, JSON.stringify(row.document), row.appliedAt],
    );
  },

  async latest(sql: SqlRunner): Promise<ScoringModelRow[]> {
    const rows = await sql.query<
      { workspace_id: string; model_id: string; version: number; document: unknown; applied_at: Date }[]
    >(
      `SELECT DISTINCT ON (workspace_id, model_id) * FROM scoring_models
       ORDER BY workspace_id, model_id, version DESC`,
    );
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      modelId: r.model_id,
      version: r.version,
      document: r.document,
      appliedAt: r.applied_at,
    }));
  },

  /** One version of one model, or undefined when it was never recorded. */
  async find(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    version: number,
  ): Promise<ScoringModelRow | undefined> {
    const rows = await sql.query<
      { workspace_id: string; model_id: string; version: number; document: unknown; applied_at: Date }[]
    >(`SELECT * FROM scoring_models WHERE workspace_id = $1 AND model_id = $2 AND version = $3`, [
      workspaceId,
      modelId,
      version,
    ]);
    const r = rows[0];
    return r
      ? {
          workspaceId: r.workspace_id,
          modelId: r.model_id,
          version: r.version,
          document: r.document,
          appliedAt: r.applied_at,
        }
      : undefined;
  },
};
