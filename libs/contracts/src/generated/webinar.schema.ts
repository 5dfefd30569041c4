/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/webinar.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/webinar.schema.json, for validators (no file I/O at runtime). */
export const webinarSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/webinar.schema.json",
  "title": "WebinarEventDataByType",
  "description": "The `data` of every webinar.* event, keyed by event type.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "webinar.registered",
    "webinar.attended",
    "webinar.left"
  ],
  "properties": {
    "webinar.registered": {
      "$ref": "#/definitions/WebinarRegisteredData"
    },
    "webinar.attended": {
      "$ref": "#/definitions/WebinarAttendedData"
    },
    "webinar.left": {
      "$ref": "#/definitions/WebinarLeftData"
    }
  },
  "definitions": {
    "WebinarShared": {
      "title": "WebinarShared",
      "description": "Fields every webinar.* payload may carry.",
      "type": "object",
      "properties": {
        "webinar_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256,
          "description": "The webinar (Zoom webinar id)."
        },
        "topic": {
          "type": "string",
          "maxLength": 512
        },
        "provider": {
          "type": "string",
          "enum": [
            "zoom",
            "segment",
            "api"
          ]
        },
        "participant_id": {
          "type": "string",
          "maxLength": 256,
          "description": "The provider's registrant or participant id."
        }
      }
    },
    "WebinarRegisteredData": {
      "title": "WebinarRegisteredData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "webinar_id"
      ],
      "properties": {
        "webinar_id": {
          "$ref": "#/definitions/WebinarShared/properties/webinar_id"
        },
        "topic": {
          "$ref": "#/definitions/WebinarShared/properties/topic"
        },
        "provider": {
          "$ref": "#/definitions/WebinarShared/properties/provider"
        },
        "participant_id": {
          "$ref": "#/definitions/WebinarShared/properties/participant_id"
        },
        "starts_at": {
          "type": "string",
          "format": "date-time",
          "description": "When the webinar starts."
        }
      }
    },
    "WebinarAttendedData": {
      "title": "WebinarAttendedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "webinar_id"
      ],
      "properties": {
        "webinar_id": {
          "$ref": "#/definitions/WebinarShared/properties/webinar_id"
        },
        "topic": {
          "$ref": "#/definitions/WebinarShared/properties/topic"
        },
        "provider": {
          "$ref": "#/definitions/WebinarShared/properties/provider"
        },
        "participant_id": {
          "$ref": "#/definitions/WebinarShared/properties/participant_id"
        },
        "joined_at": {
          "type": "string",
          "format": "date-time"
        }
      }
    },
    "WebinarLeftData": {
      "title": "WebinarLeftData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "webinar_id"
      ],
      "properties": {
        "webinar_id": {
          "$ref": "#/definitions/WebinarShared/properties/webinar_id"
        },
        "topic": {
          "$ref": "#/definitions/WebinarShared/properties/topic"
        },
        "provider": {
          "$ref": "#/definitions/WebinarShared/properties/provider"
        },
        "participant_id": {
          "$ref": "#/definitions/WebinarShared/properties/participant_id"
        },
        "left_at": {
          "type": "string",
          "format": "date-time"
        },
        "duration_seconds": {
          "type": "integer",
          "minimum": 0,
          "description": "How long the contact attended, when the provider reports it."
        }
      }
    }
  }
};
