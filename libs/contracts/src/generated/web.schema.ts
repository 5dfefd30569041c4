/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/web.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/web.schema.json, for validators (no file I/O at runtime). */
export const webSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/web.schema.json",
  "title": "WebEventDataByType",
  "description": "The `data` of every web.* event, keyed by event type.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "web.page_viewed",
    "web.form_submitted",
    "web.link_clicked"
  ],
  "properties": {
    "web.page_viewed": {
      "$ref": "#/definitions/WebPageViewedData"
    },
    "web.form_submitted": {
      "$ref": "#/definitions/WebFormSubmittedData"
    },
    "web.link_clicked": {
      "$ref": "#/definitions/WebLinkClickedData"
    }
  },
  "definitions": {
    "WebShared": {
      "title": "WebShared",
      "description": "Fields every web.* payload may carry.",
      "type": "object",
      "properties": {
        "url": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096
        },
        "referrer": {
          "type": "string",
          "maxLength": 4096
        },
        "user_agent": {
          "type": "string",
          "maxLength": 1024
        },
        "bot": {
          "type": "boolean",
          "description": "True when the user agent is a known bot, crawler or headless browser. Kept, not dropped: the scoring model decides."
        },
        "bot_reason": {
          "type": "string",
          "maxLength": 128
        },
        "utm": {
          "$ref": "#/definitions/Utm"
        }
      }
    },
    "Utm": {
      "title": "Utm",
      "description": "Campaign parameters of the page (Segment context.campaign).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "source": {
          "type": "string",
          "maxLength": 256
        },
        "medium": {
          "type": "string",
          "maxLength": 256
        },
        "campaign": {
          "type": "string",
          "maxLength": 256
        },
        "term": {
          "type": "string",
          "maxLength": 256
        },
        "content": {
          "type": "string",
          "maxLength": 256
        }
      }
    },
    "WebPageViewedData": {
      "title": "WebPageViewedData",
      "description": "A page view names its page: `url`, or at least the page `name` (a Segment page call sent by hand may carry only its name).",
      "type": "object",
      "additionalProperties": false,
      "if": {
        "properties": {
          "name": true
        },
        "required": [
          "name"
        ]
      },
      "else": {
        "properties": {
          "url": true
        },
        "required": [
          "url"
        ]
      },
      "properties": {
        "url": {
          "$ref": "#/definitions/WebShared/properties/url"
        },
        "referrer": {
          "$ref": "#/definitions/WebShared/properties/referrer"
        },
        "user_agent": {
          "$ref": "#/definitions/WebShared/properties/user_agent"
        },
        "bot": {
          "$ref": "#/definitions/WebShared/properties/bot"
        },
        "bot_reason": {
          "$ref": "#/definitions/WebShared/properties/bot_reason"
        },
        "utm": {
          "$ref": "#/definitions/Utm"
        },
        "title": {
          "type": "string",
          "maxLength": 1024
        },
        "path": {
          "type": "string",
          "maxLength": 4096
        },
        "name": {
          "type": "string",
          "maxLength": 256,
          "description": "Page name (Segment page `name`)."
        }
      }
    },
    "WebFormSubmittedData": {
      "title": "WebFormSubmittedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "form_id"
      ],
      "properties": {
        "url": {
          "$ref": "#/definitions/WebShared/properties/url"
        },
        "referrer": {
          "$ref": "#/definitions/WebShared/properties/referrer"
        },
        "user_agent": {
          "$ref": "#/definitions/WebShared/properties/user_agent"
        },
        "bot": {
          "$ref": "#/definitions/WebShared/properties/bot"
        },
        "bot_reason": {
          "$ref": "#/definitions/WebShared/properties/bot_reason"
        },
        "utm": {
          "$ref": "#/definitions/Utm"
        },
        "form_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "fields": {
          "type": "object",
          "description": "Submitted form fields (names to scalar values).",
          "maxProperties": 100,
          "additionalProperties": {
            "type": [
              "string",
              "number",
              "boolean",
              "null"
            ]
          }
        }
      }
    },
    "WebLinkClickedData": {
      "title": "WebLinkClickedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "url"
      ],
      "properties": {
        "url": {
          "$ref": "#/definitions/WebShared/properties/url"
        },
        "referrer": {
          "$ref": "#/definitions/WebShared/properties/referrer"
        },
        "user_agent": {
          "$ref": "#/definitions/WebShared/properties/user_agent"
        },
        "bot": {
          "$ref": "#/definitions/WebShared/properties/bot"
        },
        "bot_reason": {
          "$ref": "#/definitions/WebShared/properties/bot_reason"
        },
        "utm": {
          "$ref": "#/definitions/Utm"
        },
        "text": {
          "type": "string",
          "maxLength": 1024,
          "description": "Link text."
        },
        "page_url": {
          "type": "string",
          "maxLength": 4096,
          "description": "The page the link was on."
        }
      }
    }
  }
};
