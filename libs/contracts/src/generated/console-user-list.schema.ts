/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-user-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/console-user-list.schema.json, for validators (no file I/O at runtime). */
export const consoleUserListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/console-user-list.schema.json",
  "title": "ConsoleUserList",
  "description": "Answer of GET /v1/users (admin): the console's users by email and the invitations still open.",
  "type": "object",
  "required": [
    "users",
    "invitations"
  ],
  "additionalProperties": false,
  "properties": {
    "users": {
      "type": "array",
      "items": {
        "$ref": "console-user.schema.json"
      }
    },
    "invitations": {
      "type": "array",
      "items": {
        "$ref": "console-invitation.schema.json"
      }
    }
  }
};
