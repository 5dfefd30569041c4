/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-user.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A person of the workspace who signs in to the console.
 */
export interface ConsoleUser {
  /**
   * `usr_…`
   */
  id: string;
  workspaceId: string;
  /**
   * Lower-cased; unique in the workspace.
   */
  email: string;
  name: string;
  /**
   * `viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`).
   */
  role: 'viewer' | 'editor' | 'admin';
  createdAt: string;
  lastSignInAt: string | null;
}
