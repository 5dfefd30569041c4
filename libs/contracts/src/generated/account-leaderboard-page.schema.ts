/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-leaderboard-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/account-leaderboard-page.schema.json, for validators (no file I/O at runtime). */
export const accountLeaderboardPageSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/account-leaderboard-page.schema.json",
  "title": "AccountLeaderboardPage",
  "description": "Answer of GET /v1/models/{id}/accounts: one page of a model's scored accounts, highest total first (ties by account id), each with its relative score.",
  "type": "object",
  "required": [
    "modelId",
    "entries",
    "total",
    "limit",
    "offset"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "entries": {
      "type": "array",
      "items": {
        "title": "AccountLeaderboardEntry",
        "type": "object",
        "required": [
          "account",
          "scores",
          "relativePercent",
          "stage",
          "modelVersion"
        ],
        "additionalProperties": false,
        "properties": {
          "account": {
            "type": "string",
            "description": "The account id."
          },
          "scores": {
            "$ref": "../accounts/account-score-changed.schema.json#/definitions/AccountScores"
          },
          "relativePercent": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 100,
            "description": "ONTRAPORT's relative score among the model's scored accounts (top = 100, median = 50, two decimals), as for contacts; null when none is scored."
          },
          "stage": {
            "type": "string",
            "enum": [
              "lead",
              "mqa"
            ],
            "description": "The account's lifecycle stage: mqa once a marketing-qualified account (the model's `accounts.lifecycle.mqa`), else lead."
          },
          "modelVersion": {
            "type": "integer",
            "description": "The model version of the account's last change."
          }
        }
      }
    },
    "total": {
      "type": "integer",
      "minimum": 0,
      "description": "Accounts matching the filters."
    },
    "limit": {
      "type": "integer",
      "minimum": 1
    },
    "offset": {
      "type": "integer",
      "minimum": 0
    }
  }
};
