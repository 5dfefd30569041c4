/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invitation-created.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/invitation-created.schema.json, for validators (no file I/O at runtime). */
export const invitationCreatedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/invitation-created.schema.json",
  "title": "InvitationCreated",
  "description": "Answer of POST /v1/users/invitations: the invitation and its token, shown this once (only its hash is stored). Send the colleague `acceptPath` on the console's address; it expires after 7 days.",
  "type": "object",
  "required": [
    "invitation",
    "token",
    "acceptPath"
  ],
  "additionalProperties": false,
  "properties": {
    "invitation": {
      "$ref": "console-invitation.schema.json"
    },
    "token": {
      "type": "string",
      "description": "`inv_…`: accepted by POST /v1/invitations/accept."
    },
    "acceptPath": {
      "type": "string",
      "description": "`/console/accept#token=…` (the token in the fragment never reaches a server log)."
    }
  }
};
