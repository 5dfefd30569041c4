/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-version-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-version-list.schema.json, for validators (no file I/O at runtime). */
export const modelVersionListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-version-list.schema.json",
  "title": "ModelVersionList",
  "description": "Response of GET /v1/models/{id}/versions: every recorded version of one model, newest (live) first.",
  "type": "object",
  "required": [
    "id",
    "liveVersion",
    "versions"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string"
    },
    "liveVersion": {
      "type": "integer",
      "minimum": 1
    },
    "versions": {
      "type": "array",
      "items": {
        "$ref": "model-version.schema.json"
      }
    }
  }
};
