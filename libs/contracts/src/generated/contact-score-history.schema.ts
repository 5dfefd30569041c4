/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-score-history.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-score-history.schema.json, for validators (no file I/O at runtime). */
export const contactScoreHistorySchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-score-history.schema.json",
  "title": "ContactScoreHistory",
  "description": "A contact's score history from the archive: every change under every model (or the one asked), oldest first per model, with its cause — events, refits and the decay, expiry, absence and inactivity steps — and the rules that made the score then.",
  "type": "object",
  "required": [
    "contact",
    "changes"
  ],
  "additionalProperties": false,
  "properties": {
    "contact": {
      "type": "string",
      "description": "The contact key."
    },
    "changes": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "model",
          "modelVersion",
          "sequence",
          "time",
          "cause",
          "causeEventId",
          "fit",
          "engagement",
          "total",
          "previousTotal",
          "tier",
          "grade",
          "contributions"
        ],
        "additionalProperties": false,
        "properties": {
          "model": {
            "type": "string"
          },
          "modelVersion": {
            "type": "integer"
          },
          "sequence": {
            "type": "integer",
            "description": "Gapless per contact and model: 1 for the first change."
          },
          "time": {
            "type": "string",
            "format": "date-time",
            "description": "The time the scores refer to."
          },
          "cause": {
            "$ref": "../scores/score-changed.schema.json#/definitions/ScoreChangeCause/properties/type"
          },
          "causeEventId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The event behind it (event and refit causes)."
          },
          "fit": {
            "type": "number"
          },
          "engagement": {
            "type": "number"
          },
          "total": {
            "type": "number"
          },
          "previousTotal": {
            "type": [
              "number",
              "null"
            ],
            "description": "null for the first change."
          },
          "tier": {
            "type": [
              "string",
              "null"
            ]
          },
          "grade": {
            "type": [
              "string",
              "null"
            ]
          },
          "contributions": {
            "type": "array",
            "description": "The rules that made up the score after this change, largest first (at most 10).",
            "items": {
              "$ref": "../scores/score-changed.schema.json#/definitions/ScoreContribution"
            }
          }
        }
      }
    }
  }
};
