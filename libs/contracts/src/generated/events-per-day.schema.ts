/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/events-per-day.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/events-per-day.schema.json, for validators (no file I/O at runtime). */
export const eventsPerDaySchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/events-per-day.schema.json",
  "title": "EventsPerDay",
  "description": "A workspace's archived events per type per day (UTC) in [from, to).",
  "type": "object",
  "required": [
    "from",
    "to",
    "days"
  ],
  "additionalProperties": false,
  "properties": {
    "from": {
      "type": "string",
      "format": "date-time"
    },
    "to": {
      "type": "string",
      "format": "date-time"
    },
    "days": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "day",
          "type",
          "events"
        ],
        "additionalProperties": false,
        "properties": {
          "day": {
            "type": "string",
            "format": "date"
          },
          "type": {
            "type": "string"
          },
          "events": {
            "type": "integer",
            "minimum": 0
          }
        }
      }
    }
  }
};
