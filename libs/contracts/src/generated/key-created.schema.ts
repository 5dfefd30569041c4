/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/key-created.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/key-created.schema.json, for validators (no file I/O at runtime). */
export const keyCreatedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/key-created.schema.json",
  "title": "KeyCreated",
  "description": "Response of POST /v1/keys: the whole key, shown this once (only its hash is stored).",
  "type": "object",
  "required": [
    "key",
    "apiKey"
  ],
  "additionalProperties": false,
  "properties": {
    "key": {
      "type": "string",
      "description": "The key to send as `Authorization: Bearer <key>`."
    },
    "apiKey": {
      "$ref": "api-key.schema.json"
    }
  }
};
