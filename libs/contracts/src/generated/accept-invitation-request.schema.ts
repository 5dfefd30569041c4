/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/accept-invitation-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/accept-invitation-request.schema.json, for validators (no file I/O at runtime). */
export const acceptInvitationRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/accept-invitation-request.schema.json",
  "title": "AcceptInvitationRequest",
  "description": "Body of POST /v1/invitations/accept: the invited person chooses a name and password, and is signed in.",
  "type": "object",
  "required": [
    "token",
    "name",
    "password"
  ],
  "additionalProperties": false,
  "properties": {
    "token": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100
    },
    "password": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1024,
      "description": "At least 12 characters (refused with the rule otherwise)."
    }
  }
};
