/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/sms.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/sms.schema.json, for validators (no file I/O at runtime). */
export const smsSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/sms.schema.json",
  "title": "SmsEventDataByType",
  "description": "The `data` of every sms.* event, keyed by event type.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "sms.sent",
    "sms.delivered",
    "sms.replied",
    "sms.opted_out"
  ],
  "properties": {
    "sms.sent": {
      "$ref": "#/definitions/SmsSentData"
    },
    "sms.delivered": {
      "$ref": "#/definitions/SmsDeliveredData"
    },
    "sms.replied": {
      "$ref": "#/definitions/SmsRepliedData"
    },
    "sms.opted_out": {
      "$ref": "#/definitions/SmsOptedOutData"
    }
  },
  "definitions": {
    "SmsShared": {
      "title": "SmsShared",
      "description": "Fields every sms.* payload may carry.",
      "type": "object",
      "properties": {
        "message_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256,
          "description": "The provider's message id (Twilio MessageSid)."
        },
        "campaign_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "provider": {
          "type": "string",
          "enum": [
            "twilio",
            "segment",
            "api"
          ],
          "description": "Which integration reported the event."
        },
        "sender": {
          "type": "string",
          "maxLength": 64,
          "description": "The number or sender id the message was sent from or to on our side."
        }
      }
    },
    "SmsSentData": {
      "title": "SmsSentData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/SmsShared/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/SmsShared/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/SmsShared/properties/provider"
        },
        "sender": {
          "$ref": "#/definitions/SmsShared/properties/sender"
        }
      }
    },
    "SmsDeliveredData": {
      "title": "SmsDeliveredData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/SmsShared/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/SmsShared/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/SmsShared/properties/provider"
        },
        "sender": {
          "$ref": "#/definitions/SmsShared/properties/sender"
        }
      }
    },
    "SmsRepliedData": {
      "title": "SmsRepliedData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/SmsShared/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/SmsShared/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/SmsShared/properties/provider"
        },
        "sender": {
          "$ref": "#/definitions/SmsShared/properties/sender"
        },
        "body": {
          "type": "string",
          "maxLength": 1600,
          "description": "The reply text."
        }
      }
    },
    "SmsOptedOutData": {
      "title": "SmsOptedOutData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "message_id": {
          "$ref": "#/definitions/SmsShared/properties/message_id"
        },
        "campaign_id": {
          "$ref": "#/definitions/SmsShared/properties/campaign_id"
        },
        "provider": {
          "$ref": "#/definitions/SmsShared/properties/provider"
        },
        "sender": {
          "$ref": "#/definitions/SmsShared/properties/sender"
        },
        "keyword": {
          "type": "string",
          "maxLength": 64,
          "description": "The opt-out keyword the contact sent (STOP, UNSUBSCRIBE, ...)."
        }
      }
    }
  }
};
