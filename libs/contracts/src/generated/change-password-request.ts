/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/change-password-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/session/password: the signed-in person changes their password; their other sessions end.
 */
export interface ChangePasswordRequest {
  currentPassword: string;
  /**
   * At least 12 characters (refused with the rule otherwise).
   */
  newPassword: string;
}
