/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/accept-invitation-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/invitations/accept: the invited person chooses a name and password, and is signed in.
 */
export interface AcceptInvitationRequest {
  token: string;
  name: string;
  /**
   * At least 12 characters (refused with the rule otherwise).
   */
  password: string;
}
