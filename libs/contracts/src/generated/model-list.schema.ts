/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-list.schema.json, for validators (no file I/O at runtime). */
export const modelListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-list.schema.json",
  "title": "ModelList",
  "description": "Response of GET /v1/models: the live version of every model of the caller's workspace, by id.",
  "type": "object",
  "required": [
    "models"
  ],
  "additionalProperties": false,
  "properties": {
    "models": {
      "type": "array",
      "items": {
        "$ref": "model-version.schema.json"
      }
    }
  }
};
