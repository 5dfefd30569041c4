/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-invitation.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/console-invitation.schema.json, for validators (no file I/O at runtime). */
export const consoleInvitationSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/console-invitation.schema.json",
  "title": "ConsoleInvitation",
  "description": "An invitation to join the workspace's console, not yet accepted.",
  "type": "object",
  "required": [
    "id",
    "email",
    "role",
    "createdAt",
    "createdBy",
    "expiresAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "description": "`inv_…` without the token"
    },
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
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    },
    "createdBy": {
      "type": "string",
      "description": "The inviting key id or `user:<id>`."
    },
    "expiresAt": {
      "type": "string",
      "format": "date-time"
    }
  }
};
