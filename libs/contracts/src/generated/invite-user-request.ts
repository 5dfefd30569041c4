/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invite-user-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/users/invitations (admin): invite a colleague to the console with a role.
 */
export interface InviteUserRequest {
  email: string;
  /**
   * `viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`).
   */
  role: 'viewer' | 'editor' | 'admin';
}
