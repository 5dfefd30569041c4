/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-delivery-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-delivery-page.schema.json, for validators (no file I/O at runtime). */
export const webhookDeliveryPageSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-delivery-page.schema.json",
  "title": "WebhookDeliveryPage",
  "description": "Response of GET /v1/webhooks/{id}/deliveries: the subscription's deliveries, newest first, each with every attempt.",
  "type": "object",
  "required": [
    "deliveries",
    "nextCursor"
  ],
  "additionalProperties": false,
  "properties": {
    "deliveries": {
      "type": "array",
      "items": {
        "title": "WebhookDelivery",
        "type": "object",
        "required": [
          "id",
          "webhookId",
          "eventId",
          "eventType",
          "status",
          "attempts",
          "nextAttemptAt",
          "lastError",
          "createdAt",
          "deliveredAt",
          "deadLetteredAt"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "description": "The delivery id (replay one: POST …/deliveries/{id}/replay)."
          },
          "webhookId": {
            "type": "string",
            "description": "The `webhook-id` header: the same on every attempt and replay (receivers dedupe by it)."
          },
          "eventId": {
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
          "attempts": {
            "type": "array",
            "items": {
              "title": "WebhookDeliveryAttempt",
              "type": "object",
              "required": [
                "attempt",
                "startedAt",
                "latencyMs",
                "statusCode",
                "outcome",
                "responseExcerpt",
                "error"
              ],
              "additionalProperties": false,
              "properties": {
                "attempt": {
                  "type": "integer",
                  "description": "1-based; counted afresh after a replay."
                },
                "startedAt": {
                  "type": "string",
                  "format": "date-time"
                },
                "latencyMs": {
                  "type": "number"
                },
                "statusCode": {
                  "type": [
                    "integer",
                    "null"
                  ]
                },
                "outcome": {
                  "type": "string",
                  "enum": [
                    "delivered",
                    "retrying",
                    "dead_lettered"
                  ]
                },
                "responseExcerpt": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "error": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "Timeout, network error, or the SSRF guard's refusal and how to allow it."
                }
              }
            }
          },
          "nextAttemptAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When pending: the next attempt."
          },
          "lastError": {
            "type": [
              "string",
              "null"
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
          },
          "deadLetteredAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      }
    },
    "nextCursor": {
      "type": [
        "string",
        "null"
      ],
      "description": "Pass as `?cursor=` for the next (older) page; null on the last page."
    }
  }
};
