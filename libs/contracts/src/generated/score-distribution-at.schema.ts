/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-distribution-at.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/score-distribution-at.schema.json, for validators (no file I/O at runtime). */
export const scoreDistributionAtSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/score-distribution-at.schema.json",
  "title": "ScoreDistributionAt",
  "description": "Answer of GET /v1/analytics/models/{id}/distribution: how a model's totals stood at a point in time, from the archive (each contact's latest score change at or before `at`).",
  "type": "object",
  "required": [
    "modelId",
    "at",
    "contacts",
    "min",
    "max",
    "mean",
    "percentiles",
    "bucketWidth",
    "histogram",
    "tiers"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "at": {
      "type": "string",
      "format": "date-time",
      "description": "The point in time."
    },
    "contacts": {
      "type": "integer",
      "minimum": 0,
      "description": "Contacts scored under the model by then."
    },
    "min": {
      "type": [
        "number",
        "null"
      ],
      "description": "The lowest total; null when no contact was scored."
    },
    "max": {
      "type": [
        "number",
        "null"
      ],
      "description": "The highest total; null when no contact was scored."
    },
    "mean": {
      "type": [
        "number",
        "null"
      ],
      "description": "The mean total, rounded to hundredths; null when no contact was scored."
    },
    "percentiles": {
      "$ref": "score-distribution.schema.json#/properties/percentiles"
    },
    "bucketWidth": {
      "type": "integer",
      "minimum": 1
    },
    "histogram": {
      "$ref": "score-distribution.schema.json#/properties/histogram"
    },
    "tiers": {
      "type": "array",
      "description": "Contacts per tier (null: the model has no tiers), most first.",
      "items": {
        "type": "object",
        "required": [
          "tier",
          "contacts"
        ],
        "additionalProperties": false,
        "properties": {
          "tier": {
            "type": [
              "string",
              "null"
            ]
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
