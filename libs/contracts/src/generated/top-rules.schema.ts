/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/top-rules.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/top-rules.schema.json, for validators (no file I/O at runtime). */
export const topRulesSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/top-rules.schema.json",
  "title": "TopRules",
  "description": "Answer of GET /v1/analytics/models/{id}/top-rules: the rules that gave the most points under a model in [from, to). Each award counts its own points (what the rule is worth after it minus before it), not the rule's running total, and decay is not an award.",
  "type": "object",
  "required": [
    "modelId",
    "from",
    "to",
    "rules"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "from": {
      "type": "string",
      "format": "date-time"
    },
    "to": {
      "type": "string",
      "format": "date-time"
    },
    "rules": {
      "type": "array",
      "description": "Most points first; rules that take points away last.",
      "items": {
        "title": "RulePoints",
        "type": "object",
        "required": [
          "ruleId",
          "kind",
          "awards",
          "contacts",
          "points"
        ],
        "additionalProperties": false,
        "properties": {
          "ruleId": {
            "type": "string"
          },
          "kind": {
            "$ref": "../scores/score-changed.schema.json#/definitions/ScoreContribution/properties/kind"
          },
          "awards": {
            "type": "integer",
            "minimum": 1,
            "description": "Score changes in which the rule was awarded."
          },
          "contacts": {
            "type": "integer",
            "minimum": 1,
            "description": "Contacts it was awarded to."
          },
          "points": {
            "type": "number",
            "description": "Points given, rounded to hundredths."
          }
        }
      }
    }
  }
};
