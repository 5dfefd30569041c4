/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-invitation.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * An invitation to join the workspace's console, not yet accepted.
 */
export interface ConsoleInvitation {
  /**
   * `inv_…` without the token
   */
  id: string;
  email: string;
  /**
   * `viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`).
   */
  role: 'viewer' | 'editor' | 'admin';
  createdAt: string;
  /**
   * The inviting key id or `user:<id>`.
   */
  createdBy: string;
  expiresAt: string;
}
