/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/leaderboard-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/leaderboard-page.schema.json, for validators (no file I/O at runtime). */
export const leaderboardPageSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/leaderboard-page.schema.json",
  "title": "LeaderboardPage",
  "description": "Answer of GET /v1/models/{id}/leaderboard: one page of a model's contacts, highest total first (ties by contact key, descending), each with ONTRAPORT's relative score.",
  "type": "object",
  "required": [
    "modelId",
    "entries",
    "nextCursor",
    "partial",
    "stats",
    "walkStartedAt"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "entries": {
      "type": "array",
      "items": {
        "title": "LeaderboardEntry",
        "type": "object",
        "required": [
          "contact",
          "total",
          "relativePercent",
          "tier",
          "grade",
          "stage",
          "modelVersion",
          "updatedAt"
        ],
        "additionalProperties": false,
        "properties": {
          "contact": {
            "type": "string",
            "description": "The contact key."
          },
          "total": {
            "type": "number",
            "description": "The total as of `updatedAt`, rounded to hundredths (the page is ordered by the unrounded total)."
          },
          "relativePercent": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "ONTRAPORT's relative score (0–100, two decimals) against `stats`: the top is 100, the median 50, linear in between and from 0 points to the median. See the api README."
          },
          "tier": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "hot",
              "warm",
              "cold",
              null
            ]
          },
          "grade": {
            "type": [
              "string",
              "null"
            ]
          },
          "stage": {
            "type": "string",
            "enum": [
              "lead",
              "recycled",
              "mql",
              "sql"
            ],
            "description": "The lifecycle stage threshold keeps (lead until it stages the contact)."
          },
          "modelVersion": {
            "type": "integer",
            "description": "The model version of the last write."
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the contact's total was last written (an event or a decay pass); decay since then is not applied here (see GET /v1/contacts/{contact})."
          }
        }
      }
    },
    "nextCursor": {
      "type": [
        "string",
        "null"
      ],
      "description": "Pass as ?cursor (with the same filters) for the next page; null at the end."
    },
    "partial": {
      "type": "boolean",
      "description": "True when the filters matched too few of the contacts examined for this page (at most 10,000): the page is short but nextCursor goes on."
    },
    "stats": {
      "$ref": "score-stats.schema.json"
    },
    "walkStartedAt": {
      "type": "string",
      "format": "date-time",
      "description": "When the first page of this walk was read (carried by the cursor): entries updated after it may have moved during the walk."
    }
  }
};
