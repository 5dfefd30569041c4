/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-session.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of POST /v1/session, GET /v1/session and POST /v1/invitations/accept: who is signed in, and the CSRF token every unsafe request (POST, PUT, PATCH, DELETE) made with the session cookie must send as `X-CSRF-Token`. The session itself is the HTTP-only cookie `leadscore_session`.
 */
export interface ConsoleSession {
  user: ConsoleUser;
  csrfToken: string;
  /**
   * When the session ends (12 hours after sign-in); sign in again then.
   */
  expiresAt: string;
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
