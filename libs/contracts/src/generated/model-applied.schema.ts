/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-applied.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-applied.schema.json, for validators (no file I/O at runtime). */
export const modelAppliedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-applied.schema.json",
  "title": "ModelApplied",
  "description": "Response of POST /v1/models: the version applied (published on leads.models.v1 and acknowledged by Kafka) and what it changed against the version live before.",
  "type": "object",
  "required": [
    "version",
    "diff"
  ],
  "additionalProperties": false,
  "properties": {
    "version": {
      "$ref": "model-version.schema.json"
    },
    "diff": {
      "$ref": "../models/model-diff.schema.json",
      "description": "Against the version live before (`fromVersion` null for a new model)."
    }
  }
};
