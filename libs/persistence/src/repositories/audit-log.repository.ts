import { type WorkspaceId } from '@leadscore/access';
import { type SqlRunner } from './sql-types.js';

export interface AuditEntry {
  workspaceId: WorkspaceId;
  /** The key id that acted, or `operator` (the operator token). */
  actor: string;
  /** `workspace.created`, `key.created`, `key.revoked`, ... */
  action: string;
  /** What was acted on: a key id, a workspace id. */
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export interface AuditRow extends AuditEntry {
  /** bigserial as a decimal string; newer rows have larger ids. */
  id: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

interface AuditRecord {
  id: string;
  workspace_id: WorkspaceId;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

const toAuditRow = (r: AuditRecord): AuditRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  actor: r.actor,
  action: r.action,
  target: r.target,
  details: r.details,
  at: r.at,
});

/** The audit log: append-only; written in the transaction of the action it records. */
export const auditLogRepository = {
  async append(sql: SqlRunner, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await sql.query(
      `INSERT INTO audit_log (workspace_id, actor, action, target, details, at)
       SELECT e.workspace_id, e.actor, e.action, e.target, e.details, e.at
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
         WITH ORDINALITY AS e(workspace_id, actor, action, target, details, at, n)
       ORDER BY e.n`,
      [
        entries.map((e) => e.workspaceId),
        entries.map((e) => e.actor),
        entries.map((e) => e.action),
        entries.map((e) => e.target),
        entries.map((e) => JSON.stringify(e.details)),
        entries.map((e) => e.at),
      ],
    );
  },

  /** The workspace's rows newest first, `limit` at most, older than the row `before` when given. */
  async page(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    options: { readonly before?: string; readonly limit: number },
  ): Promise<AuditPage> {
    const records = await sql.query<AuditRecord[]>(
      `SELECT id::text AS id, workspace_id, actor, action, target, details, at FROM audit_log
       WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
       ORDER BY audit_log.id DESC LIMIT $3`,
      [workspaceId, options.before ?? null, options.limit + 1],
    );
    const rows = records.slice(0, options.limit).map(toAuditRow);
    const last = rows.at(-1);
    return { rows, nextBefore: records.length > options.limit && last ? last.id : null };
  },

  /** The newest `limit` rows naming `target` (e.g. the outcomes recorded for a contact), newest first. */
  async ofTarget(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    target: string,
    limit: number,
  ): Promise<AuditRow[]> {
    const records = await sql.query<AuditRecord[]>(
      `SELECT id::text AS id, workspace_id, actor, action, target, details, at FROM audit_log
       WHERE workspace_id = $1 AND target = $2 ORDER BY id DESC LIMIT $3`,
      [workspaceId, target, limit],
    );
    return records.map(toAuditRow);
  },
};
