import { type WorkspaceId } from '@leadscore/access';
import { parseModel, type ScoringModel } from '@leadscore/contracts';
import { type SqlRunner } from './sql-types.js';

export interface ScoringModelRow {
  workspaceId: string;
  modelId: string;
  version: number;
  document: unknown;
  appliedAt: Date;
}

/**
 * The model a stored version holds, checked again as the scorer checks a record of the models topic
 * (throws ModelValidationError naming `scoring_models/<workspace>/<model>/v<version>`).
 */
export function storedModelOf(row: ScoringModelRow): ScoringModel {
  return parseModel(
    JSON.stringify(row.document),
    'json',
    `scoring_models/${row.workspaceId}/${row.modelId}/v${row.version}`,
  );
}

/** A version applied through the api: with the text it was sent as and the key that applied it. */
export interface AppliedScoringModelRow extends ScoringModelRow {
  workspaceId: WorkspaceId;
  source: string;
  sourceFormat: 'yaml' | 'json';
  appliedBy: string;
}

/** A stored version as the api shows it; source, format and actor are null when the scorer recorded it. */
export interface StoredScoringModelRow extends ScoringModelRow {
  source: string | null;
  sourceFormat: 'yaml' | 'json' | null;
  appliedBy: string | null;
}

/** A version without its document and source (lists). */
export type ScoringModelVersionRow = Omit<StoredScoringModelRow, 'document' | 'source'> & {
  /** The model's name in that version. */
  name: string;
};

interface ScoringModelRecord {
  workspace_id: string;
  model_id: string;
  version: number;
  document: unknown;
  applied_at: Date;
  source: string | null;
  source_format: 'yaml' | 'json' | null;
  applied_by: string | null;
}

const toStored = (r: ScoringModelRecord): StoredScoringModelRow => ({
  workspaceId: r.workspace_id,
  modelId: r.model_id,
  version: r.version,
  document: r.document,
  appliedAt: r.applied_at,
  source: r.source,
  sourceFormat: r.source_format,
  appliedBy: r.applied_by,
});

interface VersionRecord {
  workspace_id: string;
  model_id: string;
  version: number;
  name: string;
  applied_at: Date;
  source_format: 'yaml' | 'json' | null;
  applied_by: string | null;
}

const VERSION_COLUMNS =
  "workspace_id, model_id, version, document->>'name' AS name, applied_at, source_format, applied_by";

const toVersion = (r: VersionRecord): ScoringModelVersionRow => ({
  workspaceId: r.workspace_id,
  modelId: r.model_id,
  version: r.version,
  name: r.name,
  appliedAt: r.applied_at,
  sourceFormat: r.source_format,
  appliedBy: r.applied_by,
});

/** Every applied model version; the latest per (workspace, model) is the one in force. */
export const scoringModelRepository = {
  /**
   * Records a version; recording the same version again is a no-op, which keeps what the api recorded
   * with it (source, format, applied_by) when the scorer records the version it consumed.
   */
  async record(sql: SqlRunner, row: ScoringModelRow): Promise<void> {
    await sql.query(
      `INSERT INTO scoring_models (workspace_id, model_id, version, document, applied_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [row.workspaceId, row.modelId, row.version, JSON.stringify(row.document), row.appliedAt],
    );
  },

  /** Records a version applied through the api; false when that version is recorded already. */
  async recordApplied(sql: SqlRunner, row: AppliedScoringModelRow): Promise<boolean> {
    const inserted = await sql.query<unknown[]>(
      `INSERT INTO scoring_models
         (workspace_id, model_id, version, document, applied_at, source, source_format, applied_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING version`,
      [
        row.workspaceId,
        row.modelId,
        row.version,
        JSON.stringify(row.document),
        row.appliedAt,
        row.source,
        row.sourceFormat,
        row.appliedBy,
      ],
    );
    return inserted.length === 1;
  },

  /**
   * Serialises the applies of one model until the transaction ends (a transaction-level advisory
   * lock), so that two applies cannot both find the same live version.
   */
  async lockModel(sql: SqlRunner, workspaceId: WorkspaceId, modelId: string): Promise<void> {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7236002))`, [
      `scoring_models:${workspaceId}:${modelId}`,
    ]);
  },

  async latest(sql: SqlRunner): Promise<ScoringModelRow[]> {
    const rows = await sql.query<ScoringModelRecord[]>(
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

  /** The live (highest) version of one model of a workspace, or undefined when it has none. */
  async live(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    modelId: string,
  ): Promise<StoredScoringModelRow | undefined> {
    const rows = await sql.query<ScoringModelRecord[]>(
      `SELECT * FROM scoring_models WHERE workspace_id = $1 AND model_id = $2
       ORDER BY version DESC LIMIT 1`,
      [workspaceId, modelId],
    );
    return rows[0] && toStored(rows[0]);
  },

  /** The number of the live (highest) version of one model, or undefined when it has none (no document read). */
  async liveVersion(sql: SqlRunner, workspaceId: string, modelId: string): Promise<number | undefined> {
    const rows = await sql.query<{ version: number }[]>(
      `SELECT version FROM scoring_models WHERE workspace_id = $1 AND model_id = $2
       ORDER BY version DESC LIMIT 1`,
      [workspaceId, modelId],
    );
    return rows[0]?.version;
  },

  /** The number of the first version of one model recorded, or undefined when none is. */
  async firstVersion(sql: SqlRunner, workspaceId: string, modelId: string): Promise<number | undefined> {
    const rows = await sql.query<{ version: number }[]>(
      `SELECT version FROM scoring_models WHERE workspace_id = $1 AND model_id = $2
       ORDER BY version LIMIT 1`,
      [workspaceId, modelId],
    );
    return rows[0]?.version;
  },

  /** The live version of every model of a workspace, by model id. */
  async listLive(sql: SqlRunner, workspaceId: WorkspaceId): Promise<ScoringModelVersionRow[]> {
    const rows = await sql.query<VersionRecord[]>(
      `SELECT DISTINCT ON (model_id) ${VERSION_COLUMNS} FROM scoring_models
       WHERE workspace_id = $1 ORDER BY model_id, version DESC`,
      [workspaceId],
    );
    return rows.map(toVersion);
  },

  /** Every version of one model of a workspace, newest first; empty when it has none. */
  async versions(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    modelId: string,
  ): Promise<ScoringModelVersionRow[]> {
    const rows = await sql.query<VersionRecord[]>(
      `SELECT ${VERSION_COLUMNS} FROM scoring_models
       WHERE workspace_id = $1 AND model_id = $2 ORDER BY version DESC`,
      [workspaceId, modelId],
    );
    return rows.map(toVersion);
  },

  /** One version of one model, or undefined when it was never recorded. */
  async find(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    version: number,
  ): Promise<StoredScoringModelRow | undefined> {
    const rows = await sql.query<ScoringModelRecord[]>(
      `SELECT * FROM scoring_models WHERE workspace_id = $1 AND model_id = $2 AND version = $3`,
      [workspaceId, modelId, version],
    );
    return rows[0] && toStored(rows[0]);
  },
};
