/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/change-password-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/change-password-request.schema.json, for validators (no file I/O at runtime). */
export const changePasswordRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/change-password-request.schema.json",
  "title": "ChangePasswordRequest",
  "description": "Body of POST /v1/session/password: the signed-in person changes their password; their other sessions end.",
  "type": "object",
  "required": [
    "currentPassword",
    "newPassword"
  ],
  "additionalProperties": false,
  "properties": {
    "currentPassword": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1024
    },
    "newPassword": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1024,
      "description": "At least 12 characters (refused with the rule otherwise)."
    }
  }
};
