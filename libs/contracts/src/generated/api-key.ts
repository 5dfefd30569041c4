/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/api-key.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A key as listed by GET /v1/keys: never the key itself or its hash.
 */
export interface ApiKey {
  /**
   * The key id (DELETE /v1/keys/{id}; the actor in the audit log).
   */
  id: string;
  kind: 'publishable' | 'secret';
  name: string | null;
  /**
   * The start of the key, to recognise it: `sk_<id>_abcd…`.
   */
  prefix: string;
  scopes: ('events:write' | 'read' | 'models:write' | 'admin')[];
  createdAt: string;
  /**
   * The key id that created it, `operator` or `local-stack`.
   */
  createdBy: string;
  revokedAt: string | null;
  /**
   * Coarse: updated at most once a minute.
   */
  lastUsedAt: string | null;
}
