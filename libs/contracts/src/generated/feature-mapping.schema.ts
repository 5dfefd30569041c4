/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/learning/feature-mapping.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/learning/feature-mapping.schema.json, for validators (no file I/O at runtime). */
export const featureMappingSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/learning/feature-mapping.schema.json",
  "title": "FeatureMapping",
  "description": "How the columns of a CRM export of past leads map to what the live scorer knows, so that what is learned from the file scores live contacts the same way. Written by `leadscore model learn` for a person to review (YAML or JSON).",
  "type": "object",
  "required": [
    "outcome",
    "features"
  ],
  "additionalProperties": false,
  "properties": {
    "outcome": {
      "title": "OutcomeColumn",
      "type": "object",
      "required": [
        "column",
        "converted",
        "lost"
      ],
      "additionalProperties": false,
      "properties": {
        "column": {
          "type": "string",
          "minLength": 1,
          "description": "The column saying whether the lead converted."
        },
        "converted": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "minItems": 1,
          "description": "Cell values that mean converted (compared case-insensitively), e.g. 1, won, yes."
        },
        "lost": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "minItems": 1,
          "description": "Cell values that mean not converted, e.g. 0, lost, no. Any other value is an error naming its line."
        }
      }
    },
    "features": {
      "type": "array",
      "items": {
        "oneOf": [
          {
            "title": "CategoryFeature",
            "type": "object",
            "required": [
              "column",
              "kind",
              "field"
            ],
            "additionalProperties": false,
            "properties": {
              "column": {
                "type": "string",
                "minLength": 1
              },
              "kind": {
                "const": "category"
              },
              "field": {
                "type": "string",
                "minLength": 1,
                "description": "The profile field (trait) the live scorer reads the same value from."
              },
              "placeholders": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Values that mean not answered (compared case-insensitively, trimmed), e.g. Select."
              }
            }
          },
          {
            "title": "CountFeature",
            "type": "object",
            "required": [
              "column",
              "kind",
              "event"
            ],
            "additionalProperties": false,
            "properties": {
              "column": {
                "type": "string",
                "minLength": 1
              },
              "kind": {
                "const": "count"
              },
              "event": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The event type the live scorer counts for the same activity, e.g. web.page_viewed; null until a person maps it (the column is learned from, but a model cannot score it live)."
              }
            }
          },
          {
            "title": "IgnoredColumn",
            "type": "object",
            "required": [
              "column",
              "kind",
              "reason"
            ],
            "additionalProperties": false,
            "properties": {
              "column": {
                "type": "string",
                "minLength": 1
              },
              "kind": {
                "const": "ignore"
              },
              "reason": {
                "type": "string",
                "description": "Why it is left out (an identifier, a leaky column, ...)."
              }
            }
          }
        ]
      }
    }
  }
};
