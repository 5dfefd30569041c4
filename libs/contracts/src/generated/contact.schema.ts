/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/contact.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/contact.schema.json, for validators (no file I/O at runtime). */
export const contactSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/contact.schema.json",
  "title": "ContactEventDataByType",
  "description": "The `data` of every contact.* event, keyed by event type. Profile traits feed the fit score.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "contact.identified",
    "contact.updated",
    "contact.merged",
    "contact.converted",
    "contact.erased"
  ],
  "properties": {
    "contact.identified": {
      "$ref": "#/definitions/ContactIdentifiedData"
    },
    "contact.updated": {
      "$ref": "#/definitions/ContactUpdatedData"
    },
    "contact.merged": {
      "$ref": "#/definitions/ContactMergedData"
    },
    "contact.converted": {
      "$ref": "#/definitions/ContactConvertedData"
    },
    "contact.erased": {
      "$ref": "#/definitions/ContactErasedData"
    }
  },
  "definitions": {
    "ContactTraits": {
      "title": "ContactTraits",
      "description": "Profile fields (Segment identify traits): what fit rules match on. Flat names to scalar values, at most 200.",
      "type": "object",
      "maxProperties": 200,
      "additionalProperties": {
        "type": [
          "string",
          "number",
          "boolean",
          "null"
        ]
      }
    },
    "ContactIdentities": {
      "title": "ContactIdentities",
      "description": "Identifiers known for the contact, normalised by ingest (email lower case, phone E.164).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "email": {
          "type": "string",
          "maxLength": 320
        },
        "phone": {
          "type": "string",
          "pattern": "^\\+[1-9][0-9]{6,14}$"
        },
        "user_id": {
          "type": "string",
          "maxLength": 256
        },
        "anonymous_id": {
          "type": "string",
          "maxLength": 256
        }
      }
    },
    "ContactIdentifiedData": {
      "title": "ContactIdentifiedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "identities"
      ],
      "properties": {
        "identities": {
          "$ref": "#/definitions/ContactIdentities"
        },
        "traits": {
          "$ref": "#/definitions/ContactTraits"
        }
      }
    },
    "ContactUpdatedData": {
      "title": "ContactUpdatedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "traits"
      ],
      "properties": {
        "traits": {
          "$ref": "#/definitions/ContactTraits"
        }
      }
    },
    "ContactMergedData": {
      "title": "ContactMergedData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "merged_subject"
      ],
      "properties": {
        "merged_subject": {
          "type": "string",
          "pattern": "^(email|phone|user|anon):.+$",
          "maxLength": 320,
          "description": "The contact key that was merged into this event's subject (e.g. the anonymous id an identify call resolved)."
        }
      }
    },
    "ContactConvertedData": {
      "title": "ContactConvertedData",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "conversion": {
          "type": "string",
          "maxLength": 256,
          "description": "What the conversion was (trial_started, demo_booked, order_completed, ...)."
        },
        "value": {
          "type": "number",
          "description": "Monetary value, if any."
        },
        "currency": {
          "type": "string",
          "pattern": "^[A-Z]{3}$"
        }
      }
    },
    "ContactErasedData": {
      "title": "ContactErasedData",
      "description": "The contact was erased (DELETE /v1/contacts/{contact} of the api, which alone publishes this type; ingest refuses it): every consumer forgets it. No personal data beyond the subject; the event id names the erasure.",
      "type": "object",
      "additionalProperties": false,
      "properties": {}
    }
  }
};
