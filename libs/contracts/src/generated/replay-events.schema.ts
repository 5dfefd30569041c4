/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/replay-events.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/replay-events.schema.json, for validators (no file I/O at runtime). */
export const replayEventsSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/replay-events.schema.json",
  "title": "ReplayEvents",
  "description": "Internal (analytics → scorer): the archived events of some contacts with their Kafka positions, each contact's in the order the scorer saw them (partition, offset), and where the archive of the events topic ends, so that the caller knows whether it holds every event it needs.",
  "type": "object",
  "required": [
    "events",
    "archivedThrough"
  ],
  "additionalProperties": false,
  "properties": {
    "events": {
      "type": "array",
      "items": {
        "title": "ReplayEvent",
        "type": "object",
        "required": [
          "contact",
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
          "contact": {
            "type": "string"
          },
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
            "minimum": 0
          },
          "offset": {
            "type": "string",
            "pattern": "^[0-9]+$",
            "description": "Kafka offset (int64) as decimal text."
          }
        }
      }
    },
    "archivedThrough": {
      "type": "object",
      "description": "Per topic, per partition: the next offset the archive will store (everything before it is archived).",
      "additionalProperties": {
        "type": "object",
        "additionalProperties": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      }
    }
  }
};
