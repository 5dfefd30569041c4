/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-replay-result.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-replay-result.schema.json, for validators (no file I/O at runtime). */
export const webhookReplayResultSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-replay-result.schema.json",
  "title": "WebhookReplayResult",
  "description": "Response of the replay routes: the dead-lettered deliveries made pending again (due now, same webhook id, attempts counted afresh).",
  "type": "object",
  "required": [
    "replayed",
    "deliveryIds"
  ],
  "additionalProperties": false,
  "properties": {
    "replayed": {
      "type": "integer",
      "minimum": 0
    },
    "deliveryIds": {
      "type": "array",
      "items": {
        "type": "string"
      }
    }
  }
};
