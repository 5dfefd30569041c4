/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/email.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/email.schema.json, for validators (no file I/O at runtime). */
export const emailSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/email.schema.json",
  "title": "EmailEventDataByType",
  "description": "The `data` of every email.* event, keyed by event type.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "email.delivered",
    "email.opened",
    "email.clicked",
    "email.bounced",
    "email.unsubscribed",
    "email.spam_reported"
  ],
  "properties": {
    "email.delivered": {
      "$ref": "#/definitions/EmailDeliveredData"
    },
    "email.opened": {
      "$ref": "#/definitions/EmailOpenedData"
    },
    "email.clicked": {
      "$ref": "#/definitions/EmailClickedData"
    },
    "email.bounced": {
      "$ref": "#/definitions/EmailBouncedData"
    },
    "email.unsubscribed": {
      "$ref": "#/definitions/EmailUnsubscribedData"
    },
    "email.spam_reported": {
      "$ref": "#/definitions/EmailSpamReportedData"
    }
  },
  "definitions": {
    "EmailMessageRef": {
      "title": "EmailMessageRef",
      "description": "Which message and campaign an email event is about; every field optional.",
      "type": "object",
      "properties": {
        "message_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256,
          "description": "The provider's or sender's message id."
        },
        "campaign_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "provider": {
          "type": "string",
          "enum": [
            "sendgrid",
            "mailgun",
            "pixel",
            "link",
            "segment",
            "api"
          ],
          "description": "Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click)."
        }
      }
    },
    "EmailDeliveredData": {
      "title": "EmailDeliveredData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        }
      }
    },
    "EmailOpenedData": {
      "title": "EmailOpenedData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        },
        "machine_open": {
          "type": "boolean",
          "description": "True when the open was most likely made by a machine (Apple Mail Privacy Protection proxy, security scanner, bot user agent). Kept, not dropped: the scoring model decides."
        },
        "machine_open_reason": {
          "type": "string",
          "maxLength": 128,
          "description": "Why the open was classified as a machine open."
        },
        "user_agent": {
          "type": "string",
          "maxLength": 1024
        }
      }
    },
    "EmailClickedData": {
      "title": "EmailClickedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "url"
      ],
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        },
        "url": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "The link that was clicked."
        },
        "bot": {
          "type": "boolean",
          "description": "True when the click most likely came from a link scanner or bot rather than a person."
        },
        "bot_reason": {
          "type": "string",
          "maxLength": 128
        },
        "user_agent": {
          "type": "string",
          "maxLength": 1024
        }
      }
    },
    "EmailBouncedData": {
      "title": "EmailBouncedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "bounce_type"
      ],
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        },
        "bounce_type": {
          "type": "string",
          "enum": [
            "hard",
            "soft",
            "blocked"
          ],
          "description": "hard: address does not exist; soft: temporary failure; blocked: rejected by the receiving server."
        },
        "reason": {
          "type": "string",
          "maxLength": 2048
        }
      }
    },
    "EmailUnsubscribedData": {
      "title": "EmailUnsubscribedData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        },
        "scope": {
          "type": "string",
          "enum": [
            "list",
            "all"
          ],
          "description": "list: one mailing list or group; all: every marketing email."
        },
        "list_id": {
          "type": "string",
          "maxLength": 256
        }
      }
    },
    "EmailSpamReportedData": {
      "title": "EmailSpamReportedData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/EmailMessageRef/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/EmailMessageRef/properties/provider"
        }
      }
    }
  }
};
