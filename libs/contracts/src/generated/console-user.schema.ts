/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-user.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/console-user.schema.json, for validators (no file I/O at runtime). */
export const consoleUserSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/console-user.schema.json",
  "title": "ConsoleUser",
  "description": "A person of the workspace who signs in to the console.",
  "type": "object",
  "required": [
    "id",
    "workspaceId",
    "email",
    "name",
    "role",
    "createdAt",
    "lastSignInAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "description": "`usr_…`"
    },
    "workspaceId": {
      "type": "string"
    },
    "email": {
      "type": "string",
      "format": "email",
      "maxLength": 254,
      "description": "Lower-cased; unique in the workspace."
    },
    "name": {
      "type": "string"
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
    "lastSignInAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time"
    }
  }
};
