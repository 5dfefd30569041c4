/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/sign-in-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/sign-in-request.schema.json, for validators (no file I/O at runtime). */
export const signInRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/sign-in-request.schema.json",
  "title": "SignInRequest",
  "description": "Body of POST /v1/session: a person's password sign-in to the console.",
  "type": "object",
  "required": [
    "workspace",
    "email",
    "password"
  ],
  "additionalProperties": false,
  "properties": {
    "workspace": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "description": "The workspace id."
    },
    "email": {
      "type": "string",
      "minLength": 3,
      "maxLength": 254
    },
    "password": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1024
    }
  }
};
