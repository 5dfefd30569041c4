/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-lifecycle.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-lifecycle.schema.json, for validators (no file I/O at runtime). */
export const contactLifecycleSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-lifecycle.schema.json",
  "title": "ContactLifecycleLog",
  "description": "Answer of GET /v1/contacts/{contact}/lifecycle: the contact's tier and stage transitions under every model (from the archive, newest first) and what was sent about it to CRM webhooks (newest first).",
  "type": "object",
  "required": [
    "contact",
    "transitions",
    "deliveries"
  ],
  "additionalProperties": false,
  "properties": {
    "contact": {
      "type": "string"
    },
    "transitions": {
      "type": "array",
      "items": {
        "title": "ContactTransition",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "model",
          "kind",
          "from",
          "to",
          "at",
          "sequence"
        ],
        "properties": {
          "model": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "tier",
              "stage"
            ]
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "fromName": {
            "type": "string",
            "description": "The named tier before, for a tier transition under a model with named tiers (`from` is the cold, warm or hot it counts as)."
          },
          "toName": {
            "type": "string",
            "description": "The named tier after, for a tier transition under a model with named tiers (`to` is the cold, warm or hot it counts as)."
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "sequence": {
            "type": "integer",
            "minimum": 1,
            "description": "The contact's score-changed sequence under the model that moved it."
          }
        }
      }
    },
    "deliveries": {
      "type": "array",
      "items": {
        "title": "ContactDelivery",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "webhookId",
          "subscriptionId",
          "eventType",
          "status",
          "createdAt",
          "deliveredAt"
        ],
        "properties": {
          "webhookId": {
            "type": "string"
          },
          "subscriptionId": {
            "type": "string"
          },
          "eventType": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "delivered",
              "dead"
            ]
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "deliveredAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      }
    }
  }
};
