/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/outcome-recorded.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/outcome-recorded.schema.json, for validators (no file I/O at runtime). */
export const outcomeRecordedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/outcome-recorded.schema.json",
  "title": "OutcomeRecorded",
  "description": "Response (202) of POST /v1/contacts/{contact}/outcomes: Kafka acknowledged the outcome event; the scorer and the threshold service apply it shortly after.",
  "type": "object",
  "required": [
    "eventId",
    "eventType",
    "contact",
    "occurredAt",
    "idempotent"
  ],
  "additionalProperties": false,
  "properties": {
    "eventId": {
      "type": "string",
      "description": "The event's CloudEvents id (source `leadscore/api`). Derived from the Idempotency-Key when one was sent: a retry gets the same id and counts once downstream."
    },
    "eventType": {
      "type": "string",
      "enum": [
        "outcome.sales_accepted",
        "outcome.sales_rejected",
        "outcome.converted",
        "outcome.won",
        "outcome.lost"
      ]
    },
    "contact": {
      "type": "string",
      "description": "The contact key, normalised as ingest normalises it (e.g. `email:ann@example.com`)."
    },
    "occurredAt": {
      "type": "string",
      "format": "date-time"
    },
    "idempotent": {
      "type": "boolean",
      "description": "Whether the id was derived from an Idempotency-Key (true) or is random (false: a retry would count twice)."
    }
  }
};
