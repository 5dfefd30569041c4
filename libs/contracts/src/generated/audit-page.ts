/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/audit-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/audit: admin actions of the caller's workspace, newest first.
 */
export interface AuditPage {
  entries: AuditEntry[];
  /**
   * Pass as `?cursor=` for the next (older) page; null on the last page.
   */
  nextCursor: string | null;
}
export interface AuditEntry {
  id: string;
  /**
   * The key id that acted, or `operator`.
   */
  actor: string;
  /**
   * `workspace.created`, `key.created` or `key.revoked`.
   */
  action: string;
  /**
   * The workspace or key acted on.
   */
  target: string | null;
  details: {
    [k: string]: unknown;
  };
  at: string;
}
