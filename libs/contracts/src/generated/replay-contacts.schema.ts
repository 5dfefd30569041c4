/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/replay-contacts.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/replay-contacts.schema.json, for validators (no file I/O at runtime). */
export const replayContactsSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/replay-contacts.schema.json",
  "title": "ReplayContacts",
  "description": "Internal (analytics → api): a page of a workspace's archived contacts, in contact-key order, each with its archived events in the order the scorer saw them (partition, offset), each event once; for backtests and rescoring.",
  "type": "object",
  "required": [
    "contacts",
    "next",
    "archivedFrom"
  ],
  "additionalProperties": false,
  "properties": {
    "contacts": {
      "type": "array",
      "items": {
        "title": "ReplayContact",
        "type": "object",
        "required": [
          "contact",
          "events"
        ],
        "additionalProperties": false,
        "properties": {
          "contact": {
            "type": "string",
            "description": "The contact key."
          },
          "events": {
            "type": "array",
            "items": {
              "title": "ReplayContactEvent",
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
          }
        }
      }
    },
    "next": {
      "type": [
        "string",
        "null"
      ],
      "description": "Pass as ?after for the next page; null after the last contact."
    },
    "archivedFrom": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "description": "The time of the workspace's oldest archived event (what the archive's retention left); null when it has none."
    }
  }
};
