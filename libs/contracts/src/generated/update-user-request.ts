/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/update-user-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of PATCH /v1/users/{id} (admin): a new role. The workspace keeps at least one admin user once it has one.
 */
export interface UpdateUserRequest {
  /**
   * `viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`).
   */
  role: 'viewer' | 'editor' | 'admin';
}
