/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-members-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/account-members-page.schema.json, for validators (no file I/O at runtime). */
export const accountMembersPageSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/account-members-page.schema.json",
  "title": "AccountMembersPage",
  "description": "Answer of GET /v1/models/{id}/accounts/{account}/members: one page of an account's members under a model, highest engagement first (ties by contact key), with the scores each member last published.",
  "type": "object",
  "required": [
    "account",
    "modelId",
    "members",
    "total",
    "limit",
    "offset"
  ],
  "additionalProperties": false,
  "properties": {
    "account": {
      "type": "string"
    },
    "modelId": {
      "type": "string"
    },
    "members": {
      "type": "array",
      "items": {
        "title": "AccountMemberEntry",
        "type": "object",
        "required": [
          "contact",
          "engagement",
          "total",
          "tier",
          "grade"
        ],
        "additionalProperties": false,
        "properties": {
          "contact": {
            "type": "string",
            "description": "The member contact's key."
          },
          "engagement": {
            "type": "number",
            "description": "The member's engagement as the account rolled it up (its last published engagement)."
          },
          "total": {
            "type": [
              "number",
              "null"
            ],
            "description": "The member's last published total; null when its score is gone (erased)."
          },
          "tier": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "cold",
              "warm",
              "hot",
              null
            ]
          },
          "grade": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    },
    "total": {
      "type": "integer",
      "minimum": 0,
      "description": "The account's members under the model."
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
