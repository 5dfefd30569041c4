/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-version.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-version.schema.json, for validators (no file I/O at runtime). */
export const modelVersionSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-version.schema.json",
  "title": "ModelVersion",
  "description": "One recorded version of a scoring model of the caller's workspace (without its document).",
  "type": "object",
  "required": [
    "id",
    "version",
    "name",
    "live",
    "appliedAt",
    "appliedBy",
    "sourceFormat"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "description": "The model's id."
    },
    "version": {
      "type": "integer",
      "minimum": 1
    },
    "name": {
      "type": "string",
      "description": "The model's name in this version."
    },
    "live": {
      "type": "boolean",
      "description": "Whether this is the highest version, the one the scorer uses."
    },
    "appliedAt": {
      "type": "string",
      "format": "date-time"
    },
    "appliedBy": {
      "type": [
        "string",
        "null"
      ],
      "description": "The key id that applied it through the api; null for a version published on leads.models.v1 without the api (recorded by the scorer)."
    },
    "sourceFormat": {
      "enum": [
        "yaml",
        "json",
        null
      ],
      "description": "The format it was sent in; null when not applied through the api."
    }
  }
};
