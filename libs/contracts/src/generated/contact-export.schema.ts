/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-export.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-export.schema.json, for validators (no file I/O at runtime). */
export const contactExportSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-export.schema.json",
  "title": "ContactExport",
  "description": "Answer of GET /v1/contacts/{contact}/export (the right of access): everything leadscore holds about one contact, as one document. Empty parts when it holds nothing of that kind.",
  "type": "object",
  "required": [
    "contact",
    "exportedAt",
    "profile",
    "scores",
    "lifecycle",
    "webhookDeliveries",
    "auditEntries",
    "archive"
  ],
  "additionalProperties": false,
  "properties": {
    "contact": {
      "type": "string",
      "description": "The contact key, normalised."
    },
    "exportedAt": {
      "type": "string",
      "format": "date-time"
    },
    "profile": {
      "description": "The traits its contact events set (what fit rules match on); null when none.",
      "oneOf": [
        {
          "type": "object",
          "required": [
            "traits",
            "updatedAt"
          ],
          "additionalProperties": false,
          "properties": {
            "traits": {
              "type": "object"
            },
            "updatedAt": {
              "type": "string",
              "format": "date-time"
            }
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "scores": {
      "description": "Its scores under every model with their explanation, as GET /v1/contacts/{contact} answers; null when no model scored it.",
      "oneOf": [
        {
          "$ref": "contact-scores.schema.json"
        },
        {
          "type": "null"
        }
      ]
    },
    "lifecycle": {
      "type": "array",
      "description": "Its tier and lifecycle stage under each model now.",
      "items": {
        "title": "ContactLifecycle",
        "type": "object",
        "required": [
          "model",
          "stage",
          "tier",
          "grade",
          "salesAccepted",
          "lastSequence"
        ],
        "additionalProperties": false,
        "properties": {
          "model": {
            "type": "string"
          },
          "stage": {
            "type": "string",
            "enum": [
              "lead",
              "recycled",
              "mql",
              "sql"
            ]
          },
          "tier": {
            "type": "string",
            "enum": [
              "cold",
              "warm",
              "hot"
            ]
          },
          "tierName": {
            "type": "string",
            "description": "The named tier, under a model with named tiers (absent otherwise).",
            "pattern": "^[a-z][a-z0-9-]{0,31}$"
          },
          "grade": {
            "type": [
              "string",
              "null"
            ]
          },
          "salesAccepted": {
            "type": "boolean"
          },
          "lastSequence": {
            "type": "integer",
            "minimum": 1
          }
        }
      }
    },
    "webhookDeliveries": {
      "type": "array",
      "description": "What was sent about it to CRM webhooks, newest first (at most 10,000), with the payload.",
      "items": {
        "title": "ContactWebhookDelivery",
        "type": "object",
        "required": [
          "subscriptionId",
          "webhookId",
          "eventId",
          "eventType",
          "status",
          "createdAt",
          "deliveredAt",
          "payload"
        ],
        "additionalProperties": false,
        "properties": {
          "subscriptionId": {
            "type": "string"
          },
          "webhookId": {
            "type": "string"
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
          "payload": {
            "type": "object"
          }
        }
      }
    },
    "auditEntries": {
      "type": "array",
      "description": "Audit rows naming it (recorded outcomes), newest first (at most 10,000).",
      "items": {
        "title": "ContactAuditEntry",
        "type": "object",
        "required": [
          "action",
          "actor",
          "at",
          "details"
        ],
        "additionalProperties": false,
        "properties": {
          "action": {
            "type": "string"
          },
          "actor": {
            "type": "string"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "details": {
            "type": "object"
          }
        }
      }
    },
    "archive": {
      "$ref": "contact-archive.schema.json"
    }
  }
};
