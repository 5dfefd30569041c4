/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/dead-letter-summary.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/dead-letter-summary.schema.json, for validators (no file I/O at runtime). */
export const deadLetterSummarySchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/dead-letter-summary.schema.json",
  "title": "DeadLetterSummary",
  "description": "A workspace's rejected input received in [from, to), by reason and by where it was rejected: `ingest`, the scorer's events topic, or the archive itself (`archive`).",
  "type": "object",
  "required": [
    "from",
    "to",
    "reasons"
  ],
  "additionalProperties": false,
  "properties": {
    "from": {
      "type": "string",
      "format": "date-time"
    },
    "to": {
      "type": "string",
      "format": "date-time"
    },
    "reasons": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "reason",
          "rejectedBy",
          "records",
          "latest",
          "example"
        ],
        "additionalProperties": false,
        "properties": {
          "reason": {
            "type": "string",
            "description": "e.g. invalid, too_large, not JSON, archive."
          },
          "rejectedBy": {
            "type": "string"
          },
          "records": {
            "type": "integer",
            "minimum": 0
          },
          "latest": {
            "type": "string",
            "format": "date-time"
          },
          "example": {
            "type": "string",
            "description": "The latest one's detail: the field and what it expects."
          }
        }
      }
    }
  }
};
