/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-validation.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-validation.schema.json, for validators (no file I/O at runtime). */
export const modelValidationSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-validation.schema.json",
  "title": "ModelValidation",
  "description": "Response of POST /v1/models/validate: whether the model could be applied by the caller's workspace, and every problem found (not just the first).",
  "type": "object",
  "required": [
    "valid",
    "model",
    "issues"
  ],
  "additionalProperties": false,
  "properties": {
    "valid": {
      "type": "boolean"
    },
    "model": {
      "description": "The valid model's id, version, workspace and name; null when it is not valid.",
      "oneOf": [
        {
          "type": "null"
        },
        {
          "title": "ModelIdentity",
          "type": "object",
          "required": [
            "id",
            "version",
            "workspace",
            "name"
          ],
          "additionalProperties": false,
          "properties": {
            "id": {
              "type": "string"
            },
            "version": {
              "type": "integer"
            },
            "workspace": {
              "type": "string"
            },
            "name": {
              "type": "string"
            }
          }
        }
      ]
    },
    "issues": {
      "type": "array",
      "description": "Empty when valid; else in source order.",
      "items": {
        "$ref": "model-issue.schema.json"
      }
    }
  }
};
