/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-distribution.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/score-distribution.schema.json, for validators (no file I/O at runtime). */
export const scoreDistributionSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/score-distribution.schema.json",
  "title": "ScoreDistribution",
  "description": "Answer of GET /v1/models/{id}/distribution: how a model's totals are spread, as one computation with its time.",
  "type": "object",
  "required": [
    "modelId",
    "stats",
    "max",
    "percentiles",
    "bucketWidth",
    "histogram"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "stats": {
      "$ref": "score-stats.schema.json"
    },
    "max": {
      "type": [
        "number",
        "null"
      ],
      "description": "The highest total (the top's)."
    },
    "percentiles": {
      "description": "Nearest-rank percentiles of the unrounded totals (the ⌈q·count⌉-th lowest), shown rounded to hundredths; null when no contact is scored.",
      "oneOf": [
        {
          "type": "object",
          "required": [
            "p1",
            "p5",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "p95",
            "p99"
          ],
          "additionalProperties": false,
          "properties": {
            "p1": {
              "type": "number"
            },
            "p5": {
              "type": "number"
            },
            "p10": {
              "type": "number"
            },
            "p25": {
              "type": "number"
            },
            "p50": {
              "type": "number"
            },
            "p75": {
              "type": "number"
            },
            "p90": {
              "type": "number"
            },
            "p95": {
              "type": "number"
            },
            "p99": {
              "type": "number"
            }
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "bucketWidth": {
      "type": "integer",
      "minimum": 1
    },
    "histogram": {
      "type": "array",
      "description": "Contacts per bucket [from, to) of the total, ascending; empty buckets left out. The lowest and highest 1-point buckets also hold totals beyond ±1,000,000.",
      "items": {
        "title": "ScoreHistogramBucket",
        "type": "object",
        "required": [
          "from",
          "to",
          "contacts"
        ],
        "additionalProperties": false,
        "properties": {
          "from": {
            "type": "number"
          },
          "to": {
            "type": "number"
          },
          "contacts": {
            "type": "integer",
            "minimum": 1
          }
        }
      }
    }
  }
};
