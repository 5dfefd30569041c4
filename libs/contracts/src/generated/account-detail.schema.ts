/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-detail.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/account-detail.schema.json, for validators (no file I/O at runtime). */
export const accountDetailSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/account-detail.schema.json",
  "title": "AccountDetail",
  "description": "Answer of GET /v1/accounts/{account}: an account's traits and, under every model that scores it, its scores, stage and the explanation of its score (its highest members and the account fit rules that match).",
  "type": "object",
  "required": [
    "account",
    "traits",
    "models"
  ],
  "additionalProperties": false,
  "properties": {
    "account": {
      "type": "string",
      "description": "The account id."
    },
    "traits": {
      "type": "object",
      "description": "The account's traits (its members' `company.*` traits, latest first), as account fit rules read them.",
      "additionalProperties": true
    },
    "models": {
      "type": "array",
      "items": {
        "title": "AccountModelScores",
        "type": "object",
        "required": [
          "model",
          "scores",
          "relativePercent",
          "stage",
          "sequence",
          "rollup",
          "explanation"
        ],
        "additionalProperties": false,
        "properties": {
          "model": {
            "type": "object",
            "required": [
              "id",
              "version"
            ],
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "string"
              },
              "version": {
                "type": "integer"
              }
            }
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
          "sequence": {
            "type": "integer",
            "minimum": 1,
            "description": "The account's last change sequence."
          },
          "rollup": {
            "type": "object",
            "required": [
              "kind"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "sum",
                  "max",
                  "topMean"
                ]
              },
              "top": {
                "type": "integer",
                "minimum": 1
              }
            },
            "description": "How members' engagement rolls up under the model."
          },
          "explanation": {
            "type": "object",
            "required": [
              "members",
              "fit"
            ],
            "additionalProperties": false,
            "description": "Why the account has its score: its engagement comes from these members (highest first; under max and topMean the first ones are those counted), its fit from these rules.",
            "properties": {
              "members": {
                "type": "array",
                "maxItems": 10,
                "items": {
                  "$ref": "../accounts/account-score-changed.schema.json#/definitions/AccountMember"
                }
              },
              "fit": {
                "type": "array",
                "items": {
                  "$ref": "../accounts/account-score-changed.schema.json#/definitions/AccountFitContribution"
                }
              }
            }
          }
        }
      }
    }
  }
};
