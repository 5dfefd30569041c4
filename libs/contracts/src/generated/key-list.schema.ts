/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/key-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/key-list.schema.json, for validators (no file I/O at runtime). */
export const keyListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/key-list.schema.json",
  "title": "KeyList",
  "description": "Response of GET /v1/keys: the caller's workspace's keys, revoked ones included, oldest first.",
  "type": "object",
  "required": [
    "keys"
  ],
  "additionalProperties": false,
  "properties": {
    "keys": {
      "type": "array",
      "items": {
        "$ref": "api-key.schema.json"
      }
    }
  }
};
