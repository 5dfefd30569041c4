import { type WorkspaceId } from '@leadscore/access';
import { type SqlRunner } from './sql-types.js';

/** A workspace's plain settings; null = not set (the reader's fallback applies). */
export interface WorkspaceSettingsRow {
  workspaceId: WorkspaceId;
  /** IANA time zone: decay's schedules without a zone of their own. */
  timeZone: string | null;
  /** ISO 3166 alpha-2, upper case: ingest reads national phone numbers as numbers of it. */
  defaultCountry: string | null;
  /** Form fields the tracking snippet may capture. */
  trackingFormFields: string[] | null;
  updatedAt: Date;
  /** The key id that changed them last. */
  updatedBy: string;
}

/** The settings a change sets: a field absent is left as it is, null unsets it. */
export interface WorkspaceSettingsChange {
  readonly timeZone?: string | null;
  readonly defaultCountry?: string | null;
  readonly trackingFormFields?: readonly string[] | null;
}

/** A workspace as services that serve every workspace (ingest) hold it: its id and plain settings. */
export interface WorkspaceSettingsEntry {
  workspaceId: WorkspaceId;
  timeZone: string | null;
  defaultCountry: string | null;
  trackingFormFields: string[] | null;
}

interface SettingsRecord {
  workspace_id: WorkspaceId;
  time_zone: string | null;
  default_country: string | null;
  tracking_form_fields: string[] | null;
  updated_at: Date;
  updated_by: string;
}

const COLUMNS = 'workspace_id, time_zone, default_country, tracking_form_fields, updated_at, updated_by';

const toRow = (r: SettingsRecord): WorkspaceSettingsRow => ({
  workspaceId: r.workspace_id,
  timeZone: r.time_zone,
  defaultCountry: r.default_country,
  trackingFormFields: r.tracking_form_fields,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Workspace settings, written by the api; read by ingest (default country) and decay (time zone). */
export const workspaceSettingsRepository = {
  /** The workspace's settings; undefined when none was ever set. */
  async find(sql: SqlRunner, workspaceId: WorkspaceId): Promise<WorkspaceSettingsRow | undefined> {
    const [row] = await sql.query<SettingsRecord[]>(
      `SELECT ${COLUMNS} FROM workspace_settings WHERE workspace_id = $1`,
      [workspaceId],
    );
    return row && toRow(row);
  },

  /** Applies `change` (absent fields unchanged, null unsets) in one statement; the settings after it. */
  async change(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    change: WorkspaceSettingsChange,
    at: Date,
    actor: string,
  ): Promise<WorkspaceSettingsRow> {
    const [row] = await sql.query<SettingsRecord[]>(
      `INSERT INTO workspace_settings AS s (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id) DO UPDATE SET
         time_zone = CASE WHEN $7 THEN EXCLUDED.time_zone ELSE s.time_zone END,
         default_country = CASE WHEN $8 THEN EXCLUDED.default_country ELSE s.default_country END,
         tracking_form_fields = CASE WHEN $9 THEN EXCLUDED.tracking_form_fields ELSE s.tracking_form_fields END,
         updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by
       RETURNING ${COLUMNS}`,
      [
        workspaceId,
        change.timeZone ?? null,
        change.defaultCountry ?? null,
        change.trackingFormFields ? [...change.trackingFormFields] : null,
        at,
        actor,
        change.timeZone !== undefined,
        change.defaultCountry !== undefined,
        change.trackingFormFields !== undefined,
      ],
    );
    if (!row) throw new Error(`workspace settings of ${workspaceId} were not written`);
    return toRow(row);
  },

  /**
   * Every workspace with its settings (all null when none were set): the snapshot ingest reloads with
   * its keys. Across workspaces on purpose, like apiKeyRepository.directory.
   */
  async directory(sql: SqlRunner): Promise<WorkspaceSettingsEntry[]> {
    const rows = await sql.query<Omit<SettingsRecord, 'updated_at' | 'updated_by'>[]>(
      `SELECT w.id AS workspace_id, s.time_zone, s.default_country, s.tracking_form_fields
       FROM workspaces w LEFT JOIN workspace_settings s ON s.workspace_id = w.id`,
    );
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      timeZone: r.time_zone,
      defaultCountry: r.default_country,
      trackingFormFields: r.tracking_form_fields,
    }));
  },

  /** Workspace id → time zone, of the workspaces that set one (decay's schedules; across workspaces). */
  async timeZones(sql: SqlRunner): Promise<Map<WorkspaceId, string>> {
    const rows = await sql.query<{ workspace_id: WorkspaceId; time_zone: string }[]>(
      'SELECT workspace_id, time_zone FROM workspace_settings WHERE time_zone IS NOT NULL',
    );
    return new Map(rows.map((r) => [r.workspace_id, r.time_zone]));
  },
};
