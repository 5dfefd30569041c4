/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invitation-created.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of POST /v1/users/invitations: the invitation and its token, shown this once (only its hash is stored). Send the colleague `acceptPath` on the console's address; it expires after 7 days.
 */
export interface InvitationCreated {
  invitation: ConsoleInvitation;
  /**
   * `inv_…`: accepted by POST /v1/invitations/accept.
   */
  token: string;
  /**
   * `/console/accept#token=…` (the token in the fragment never reaches a server log).
   */
  acceptPath: string;
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
