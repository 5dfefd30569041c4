/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invite-user-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/invite-user-request.schema.json, for validators (no file I/O at runtime). */
export const inviteUserRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/invite-user-request.schema.json",
  "title": "InviteUserRequest",
  "description": "Body of POST /v1/users/invitations (admin): invite a colleague to the console with a role.",
  "type": "object",
  "required": [
    "email",
    "role"
  ],
  "additionalProperties": false,
  "properties": {
    "email": {
      "type": "string",
      "format": "email",
      "maxLength": 254
    },
    "role": {
      "type": "string",
      "enum": [
        "viewer",
        "editor",
        "admin"
      ],
      "description": "`viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`)."
    }
  }
};
