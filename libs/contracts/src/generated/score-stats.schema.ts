/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-stats.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/score-stats.schema.json, for validators (no file I/O at runtime). */
export const scoreStatsSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/score-stats.schema.json",
  "title": "ScoreStats",
  "description": "Where a model's contacts stand, computed from the unrounded totals they rank by and shown rounded to hundredths, as one computation with its time (kept by the api for API_SCORE_STATS_MAX_AGE_MS).",
  "type": "object",
  "required": [
    "count",
    "top",
    "median",
    "min",
    "asOf"
  ],
  "additionalProperties": false,
  "properties": {
    "count": {
      "type": "integer",
      "minimum": 0,
      "description": "Contacts scored under the model."
    },
    "top": {
      "description": "The highest total and the contact holding it (the highest contact key among ties); null when no contact is scored.",
      "oneOf": [
        {
          "type": "object",
          "required": [
            "contact",
            "total"
          ],
          "additionalProperties": false,
          "properties": {
            "contact": {
              "type": "string"
            },
            "total": {
              "type": "number"
            }
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "median": {
      "type": [
        "number",
        "null"
      ],
      "description": "The lower middle total: the ⌊(count − 1) / 2⌋-th lowest, so always some contact's total."
    },
    "min": {
      "type": [
        "number",
        "null"
      ],
      "description": "The lowest total."
    },
    "asOf": {
      "type": "string",
      "format": "date-time",
      "description": "When these figures were computed."
    }
  }
};
