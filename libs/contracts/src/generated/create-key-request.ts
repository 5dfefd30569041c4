/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-key-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/keys (admin scope): a new key of the caller's workspace.
 */
export interface CreateKeyRequest {
  /**
   * `publishable`: for web pages and pixels, `events:write` only. `secret`: server to server.
   */
  kind: 'publishable' | 'secret';
  /**
   * Default: `events:write` for publishable keys, `events:write` and `read` for secret keys.
   *
   * @minItems 1
   * @maxItems 4
   */
  scopes?: ('events:write' | 'read' | 'models:write' | 'admin')[];
  /**
   * What the key is for, shown in listings.
   */
  name?: string;
}
