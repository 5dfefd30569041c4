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
  "description": "Internal (analytics → api, scorer): a page of a workspace's archived contacts, in contact-key order, each with its archived events in the order the scorer saw them (partition, offset), each event once; for backtests and rescoring.",
  "type": "object",
  "required": [
    "contacts",
    "next",
    "archivedThrough"
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
                "data",
                "partition",
                "offset"
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
                },
                "partition": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "Kafka partition of leads.events.v1 the event was consumed from."
                },
                "offset": {
                  "type": "string",
                  "pattern": "^[0-9]+$",
                  "description": "Its Kafka offset (int64) as decimal text: with the partition, tells a rescore whether the live scorer had applied the event."
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
      "description": "On the first page (no ?after) only: the time of the workspace's oldest archived event (what the archive's retention left); null when it has none."
    },
    "archivedThrough": {
      "type": "object",
      "description": "Per topic, per partition: the next offset the archive will store, read before the page's events (every event before it is in the page, for the page's contacts).",
      "additionalProperties": {
        "type": "object",
        "additionalProperties": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      }
    },
    "archivedContacts": {
      "type": "integer",
      "minimum": 0,
      "description": "On the first page (no ?after) only: how many contacts of the workspace the archive holds (all pages); a rescore's progress counts against it. Later pages leave both out: each would scan the workspace's whole archive."
    }
  }
};
