/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invalid-model-problem.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/invalid-model-problem.schema.json, for validators (no file I/O at runtime). */
export const invalidModelProblemSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/invalid-model-problem.schema.json",
  "title": "InvalidModelProblem",
  "description": "A 422 of POST /v1/models and POST /v1/models/diff: RFC 9457 problem details for a model that is not valid, with every problem located in the text sent.",
  "type": "object",
  "required": [
    "type",
    "title",
    "status",
    "detail",
    "errors",
    "issues"
  ],
  "properties": {
    "type": {
      "type": "string"
    },
    "title": {
      "type": "string"
    },
    "status": {
      "type": "integer",
      "enum": [
        422
      ]
    },
    "detail": {
      "type": "string",
      "description": "How many problems, and the first one with its line."
    },
    "instance": {
      "type": "string"
    },
    "errors": {
      "type": "array",
      "description": "The issues as every problem of the api lists fields: `field` is the issue's path, `expected` its message with line and column.",
      "items": {
        "title": "InvalidModelField",
        "type": "object",
        "required": [
          "field",
          "expected"
        ],
        "additionalProperties": false,
        "properties": {
          "field": {
            "type": "string"
          },
          "expected": {
            "type": "string"
          }
        }
      }
    },
    "issues": {
      "type": "array",
      "items": {
        "$ref": "model-issue.schema.json"
      }
    }
  }
};
