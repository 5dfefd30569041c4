/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/sign-in-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/session: a person's password sign-in to the console.
 */
export interface SignInRequest {
  /**
   * The workspace id.
   */
  workspace: string;
  email: string;
  password: string;
}
