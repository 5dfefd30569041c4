/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-webhook-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/create-webhook-request.schema.json, for validators (no file I/O at runtime). */
export const createWebhookRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/create-webhook-request.schema.json",
  "title": "CreateWebhookRequest",
  "description": "Body of POST /v1/webhooks (admin scope): a CRM webhook subscription of the caller's workspace. Its URL must be, and resolve to, a public address (unless the operator allows private networks) and use https in production.",
  "type": "object",
  "required": [
    "url",
    "events"
  ],
  "additionalProperties": false,
  "properties": {
    "url": {
      "type": "string",
      "minLength": 1,
      "maxLength": 2048,
      "description": "Where the signed POSTs go, e.g. `https://crm.example.com/hooks/leadscore`."
    },
    "events": {
      "type": "array",
      "items": {
        "type": "string",
        "enum": [
          "tier",
          "stage",
          "score",
          "account-tier",
          "account-stage",
          "account-score"
        ]
      },
      "minItems": 1,
      "maxItems": 6,
      "uniqueItems": true,
      "description": "What to receive: contacts' `tier` transitions (cold/warm/hot), `stage` transitions (lead/recycled/mql/sql) and every `score` change; accounts' `account-tier` and `account-stage` transitions (lead/mqa) and every `account-score` change."
    },
    "tiers": {
      "type": [
        "array",
        "null"
      ],
      "items": {
        "type": "string",
        "pattern": "^[a-z][a-z0-9-]{0,31}$",
        "maxLength": 32
      },
      "minItems": 1,
      "uniqueItems": true,
      "description": "Only tier transitions into these tiers; absent or null: all. cold, warm or hot match a transition that changes the v1 tier into it (not a step between two named tiers counting as the same one); a named tier (a model's `tiers[].id`, e.g. \"sales-ready\") matches a transition into it."
    },
    "stages": {
      "type": [
        "array",
        "null"
      ],
      "items": {
        "type": "string",
        "enum": [
          "lead",
          "recycled",
          "mql",
          "sql",
          "mqa"
        ]
      },
      "minItems": 1,
      "uniqueItems": true,
      "description": "Only stage transitions into these stages; absent or null: all."
    },
    "description": {
      "type": [
        "string",
        "null"
      ],
      "maxLength": 200,
      "description": "What the subscription is for, shown in listings."
    },
    "enabled": {
      "type": "boolean",
      "description": "Default true; a disabled subscription receives nothing new."
    }
  }
};
