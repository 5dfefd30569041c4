/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/console-session.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/console-session.schema.json, for validators (no file I/O at runtime). */
export const consoleSessionSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/console-session.schema.json",
  "title": "ConsoleSession",
  "description": "Answer of POST /v1/session, GET /v1/session and POST /v1/invitations/accept: who is signed in, and the CSRF token every unsafe request (POST, PUT, PATCH, DELETE) made with the session cookie must send as `X-CSRF-Token`. The session itself is the HTTP-only cookie `leadscore_session`.",
  "type": "object",
  "required": [
    "user",
    "csrfToken",
    "expiresAt"
  ],
  "additionalProperties": false,
  "properties": {
    "user": {
      "$ref": "console-user.schema.json"
    },
    "csrfToken": {
      "type": "string"
    },
    "expiresAt": {
      "type": "string",
      "format": "date-time",
      "description": "When the session ends (12 hours after sign-in); sign in again then."
    }
  }
};
