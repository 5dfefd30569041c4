/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/problem.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/problem.schema.json, for validators (no file I/O at runtime). */
export const problemSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/problem.schema.json",
  "title": "Problem",
  "description": "Every error of the api: RFC 9457 problem details, served as application/problem+json; `detail` says what was wrong and what to do instead.",
  "type": "object",
  "required": [
    "type",
    "title",
    "status",
    "detail"
  ],
  "additionalProperties": false,
  "properties": {
    "type": {
      "type": "string",
      "format": "uri",
      "description": "Identifies the kind of problem, e.g. https://docs.leadscore.dev/problems/not-found."
    },
    "title": {
      "type": "string",
      "description": "The kind of problem, in words; the same for every problem of a type."
    },
    "status": {
      "type": "integer",
      "minimum": 400,
      "maximum": 599,
      "description": "The HTTP status code."
    },
    "detail": {
      "type": "string",
      "description": "What was wrong with this request and how to fix it."
    },
    "instance": {
      "type": "string",
      "description": "The request this problem is about."
    },
    "errors": {
      "type": "array",
      "description": "The offending fields of the body or query and what each one expects.",
      "items": {
        "title": "FieldError",
        "type": "object",
        "required": [
          "field",
          "expected"
        ],
        "additionalProperties": false,
        "properties": {
          "field": {
            "type": "string",
            "description": "`(body)`, `scopes[1]`, `?limit`."
          },
          "expected": {
            "type": "string",
            "description": "What the field should hold."
          }
        }
      }
    },
    "retryAfterSeconds": {
      "type": "integer",
      "minimum": 0,
      "description": "Of a 429 or 503: seconds after which a retry may succeed (also sent as `Retry-After`)."
    }
  }
};
