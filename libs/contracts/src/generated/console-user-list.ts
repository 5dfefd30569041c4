/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-user-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/users (admin): the console's users by email and the invitations still open.
 */
export interface ConsoleUserList {
  users: ConsoleUser[];
  invitations: ConsoleInvitation[];
}
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
