/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-subscription.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-subscription.schema.json, for validators (no file I/O at runtime). */
export const webhookSubscriptionSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-subscription.schema.json",
  "title": "WebhookSubscription",
  "description": "A CRM webhook subscription as the api shows it: never its secrets.",
  "type": "object",
  "required": [
    "id",
    "url",
    "events",
    "tiers",
    "stages",
    "description",
    "enabled",
    "previousSecretExpiresAt",
    "createdAt",
    "updatedAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "description": "`wh_` and 16 hexadecimal digits."
    },
    "url": {
      "type": "string"
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
      }
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
      }
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
      }
    },
    "description": {
      "type": [
        "string",
        "null"
      ]
    },
    "enabled": {
      "type": "boolean"
    },
    "previousSecretExpiresAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "description": "During a secret rotation: until when the previous secret still signs beside the new one; null otherwise."
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    },
    "updatedAt": {
      "type": "string",
      "format": "date-time"
    }
  }
};
