/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/record-outcome-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/record-outcome-request.schema.json, for validators (no file I/O at runtime). */
export const recordOutcomeRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/record-outcome-request.schema.json",
  "title": "RecordOutcomeRequest",
  "description": "Body of POST /v1/contacts/{contact}/outcomes (admin scope): what sales or the business did with a contact. It becomes one `outcome.<type>` event on leads.events.v1 (schemas/events/outcome.schema.json).",
  "type": "object",
  "required": [
    "type"
  ],
  "additionalProperties": false,
  "dependencies": {
    "amount": [
      "currency"
    ]
  },
  "properties": {
    "type": {
      "type": "string",
      "enum": [
        "sales_accepted",
        "sales_rejected",
        "converted",
        "won",
        "lost"
      ],
      "description": "`sales_accepted`: sales accepted the lead (its lifecycle moves to SQL and stays there); `sales_rejected`: sales returned it (the score decides its stage again); `converted`, `won`, `lost`: what became of it."
    },
    "occurredAt": {
      "type": "string",
      "format": "date-time",
      "description": "When it happened (RFC 3339), at most 5 minutes after the api's clock; default: when the api received the request."
    },
    "amount": {
      "type": "number",
      "minimum": 0,
      "description": "Monetary value (e.g. the deal size); needs `currency`."
    },
    "currency": {
      "type": "string",
      "pattern": "^[A-Z]{3}$",
      "description": "ISO 4217 code of `amount`, e.g. EUR."
    },
    "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1000,
      "description": "Why (e.g. why a deal was lost)."
    }
  }
};
