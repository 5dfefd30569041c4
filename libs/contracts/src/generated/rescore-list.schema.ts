/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/rescore-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/rescore-list.schema.json, for validators (no file I/O at runtime). */
export const rescoreListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/rescore-list.schema.json",
  "title": "RescoreList",
  "description": "Response of GET /v1/models/{id}/rescores: the model's rescores, newest first (at most 50).",
  "type": "object",
  "required": [
    "rescores"
  ],
  "additionalProperties": false,
  "properties": {
    "rescores": {
      "type": "array",
      "items": {
        "$ref": "rescore.schema.json"
      }
    }
  }
};
