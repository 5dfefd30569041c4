/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/cloudevent.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/cloudevent.schema.json, for validators (no file I/O at runtime). */
export const cloudeventSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/cloudevent.schema.json",
  "title": "CloudEventEnvelope",
  "description": "A leadscore event as it travels on leads.events.v1: a CloudEvents 1.0 structured-mode JSON envelope with the `workspace` extension attribute. The shape of `data` depends on `type` and is described by the per-family schemas in this folder (email, sms, web, webinar, contact, outcome) and, for custom events (`custom.<name>`), by custom.schema.json.",
  "type": "object",
  "required": [
    "specversion",
    "id",
    "source",
    "type",
    "time",
    "subject",
    "workspace",
    "data"
  ],
  "additionalProperties": false,
  "properties": {
    "specversion": {
      "description": "CloudEvents specification version.",
      "type": "string",
      "const": "1.0"
    },
    "id": {
      "description": "Unique per source; consumers dedupe on (source, id). Segment messageId and provider event ids map here.",
      "type": "string",
      "minLength": 1,
      "maxLength": 256
    },
    "source": {
      "description": "URI-reference naming what produced the event, e.g. `/v1/events`, `/v1/webhooks/sendgrid`, `/v1/pixel`.",
      "type": "string",
      "minLength": 1,
      "maxLength": 256
    },
    "type": {
      "description": "Canonical event type: `<family>.<event>`, one of the types in the family schemas; or a custom event `custom.<name>`, where `<name>` is the team's own event name verbatim (e.g. `custom.Demo Requested`): 1–200 characters, no control characters, not starting or ending with white space. Custom events carry the data of custom.schema.json.",
      "type": "string",
      "pattern": "^((email|sms|web|webinar|contact|outcome)\\.[a-z_]+|custom\\.[^\\s\\x00-\\x1F\\x7F-\\x9F](?:[^\\x00-\\x1F\\x7F-\\x9F]{0,198}[^\\s\\x00-\\x1F\\x7F-\\x9F])?)$"
    },
    "time": {
      "description": "When the event happened (RFC 3339). Ingest fills in the receipt time when a client omits it.",
      "type": "string",
      "format": "date-time"
    },
    "subject": {
      "description": "Contact key inside the workspace: `email:<lower-case address>`, `phone:<E.164>`, `user:<your user id>` or `anon:<anonymous id>`.",
      "type": "string",
      "pattern": "^(email|phone|user|anon):.+$",
      "maxLength": 320
    },
    "workspace": {
      "description": "CloudEvents extension attribute: the tenant the event belongs to, taken from the API key that sent it.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$"
    },
    "datacontenttype": {
      "description": "Always JSON when present.",
      "type": "string",
      "const": "application/json"
    },
    "dataschema": {
      "description": "Optional URI of the schema `data` adheres to.",
      "type": "string",
      "maxLength": 512
    },
    "data": {
      "description": "Event payload; its schema is chosen by `type`.",
      "type": "object"
    }
  }
};
