/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/custom.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/custom.schema.json, for validators (no file I/O at runtime). */
export const customSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/custom.schema.json",
  "title": "CustomEventData",
  "description": "The `data` of a custom event: `type` is `custom.<name>` with the team's own event name verbatim (e.g. `custom.Demo Requested`, `custom.Item Purchased`). `data` holds the event's properties as sent, every one of them, so that a model's engagement rule can filter on them (`price`, `plan`, ...). The context fields below have the meaning and the types of the web.* events; they are filled from the page and client of the event (Segment `context.page`, `context.campaign`, `context.userAgent`) when the properties do not name them, and scoring and the bot check read them.",
  "type": "object",
  "additionalProperties": true,
  "properties": {
    "url": {
      "$ref": "web.schema.json#/definitions/WebShared/properties/url"
    },
    "path": {
      "$ref": "web.schema.json#/definitions/WebPageViewedData/properties/path"
    },
    "referrer": {
      "$ref": "web.schema.json#/definitions/WebShared/properties/referrer"
    },
    "title": {
      "$ref": "web.schema.json#/definitions/WebPageViewedData/properties/title"
    },
    "user_agent": {
      "$ref": "web.schema.json#/definitions/WebShared/properties/user_agent"
    },
    "bot": {
      "$ref": "web.schema.json#/definitions/WebShared/properties/bot"
    },
    "bot_reason": {
      "$ref": "web.schema.json#/definitions/WebShared/properties/bot_reason"
    },
    "utm": {
      "$ref": "web.schema.json#/definitions/Utm"
    }
  }
};
