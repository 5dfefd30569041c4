/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-timeline.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-timeline.schema.json, for validators (no file I/O at runtime). */
export const contactTimelineSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-timeline.schema.json",
  "title": "ContactTimeline",
  "description": "A contact's events from the archive, newest first, each with the points it gave under each model and the rules whose latest award it is.",
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
        "type": "object",
        "required": [
          "id",
          "type",
          "time",
          "scores"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "scores": {
            "type": "array",
            "description": "Per model the event changed: the points it gave (the change of the total) and the rules it fed. Empty when it scored under no model.",
            "items": {
              "type": "object",
              "required": [
                "model",
                "points",
                "rules"
              ],
              "additionalProperties": false,
              "properties": {
                "model": {
                  "type": "string"
                },
                "points": {
                  "type": "number"
                },
                "rules": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
};
