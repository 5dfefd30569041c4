/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-archive.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-archive.schema.json, for validators (no file I/O at runtime). */
export const contactArchiveSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-archive.schema.json",
  "title": "ContactArchive",
  "description": "What the archive (ClickHouse) holds of one contact: its events in full, its score changes and its lifecycle transitions, oldest first (part of a contact's data export).",
  "type": "object",
  "required": [
    "contact",
    "events",
    "scoreChanges",
    "lifecycleChanges"
  ],
  "additionalProperties": false,
  "properties": {
    "contact": {
      "type": "string"
    },
    "events": {
      "type": "array",
      "items": {
        "title": "ArchivedEvent",
        "type": "object",
        "required": [
          "id",
          "source",
          "type",
          "time",
          "data"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "data": {
            "type": "object",
            "description": "The event's data as ingested."
          }
        }
      }
    },
    "scoreChanges": {
      "$ref": "contact-score-history.schema.json#/properties/changes"
    },
    "lifecycleChanges": {
      "type": "array",
      "items": {
        "title": "ArchivedLifecycleChange",
        "type": "object",
        "required": [
          "model",
          "time",
          "id",
          "kind",
          "previous",
          "current",
          "sequence"
        ],
        "additionalProperties": false,
        "properties": {
          "model": {
            "type": "string"
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "id": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "tier",
              "stage"
            ]
          },
          "previous": {
            "type": "string"
          },
          "current": {
            "type": "string"
          },
          "previousName": {
            "type": "string",
            "description": "The named tier before, for a tier transition under a model with named tiers."
          },
          "currentName": {
            "type": "string",
            "description": "The named tier after, for a tier transition under a model with named tiers."
          },
          "sequence": {
            "type": "integer",
            "minimum": 1
          }
        }
      }
    }
  }
};
