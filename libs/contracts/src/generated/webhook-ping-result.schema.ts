/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-ping-result.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-ping-result.schema.json, for validators (no file I/O at runtime). */
export const webhookPingResultSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-ping-result.schema.json",
  "title": "WebhookPingResult",
  "description": "Response of POST /v1/webhooks/{id}/ping: a signed `webhook.ping` event was sent now, through the same SSRF guard and signing as every delivery (not logged as a delivery).",
  "type": "object",
  "required": [
    "outcome",
    "webhookId",
    "statusCode",
    "latencyMs",
    "responseExcerpt",
    "error"
  ],
  "additionalProperties": false,
  "properties": {
    "outcome": {
      "type": "string",
      "enum": [
        "delivered",
        "failed",
        "refused"
      ],
      "description": "`delivered`: the receiver answered 2xx. `failed`: another status, a timeout or a network error. `refused`: not sent, the URL is, or resolves to, an address webhooks may not reach (see `error`)."
    },
    "webhookId": {
      "type": "string",
      "description": "The `webhook-id` header of the ping."
    },
    "statusCode": {
      "type": [
        "integer",
        "null"
      ],
      "description": "The receiver's HTTP status."
    },
    "latencyMs": {
      "type": [
        "number",
        "null"
      ],
      "description": "From sending to the answer."
    },
    "responseExcerpt": {
      "type": [
        "string",
        "null"
      ],
      "description": "The first 500 characters of the answer."
    },
    "error": {
      "type": [
        "string",
        "null"
      ],
      "description": "Why it failed or was refused, and for a refusal how to allow it."
    }
  }
};
