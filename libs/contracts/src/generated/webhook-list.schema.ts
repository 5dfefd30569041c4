/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-list.schema.json, for validators (no file I/O at runtime). */
export const webhookListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-list.schema.json",
  "title": "WebhookList",
  "description": "Response of GET /v1/webhooks: the caller's workspace's subscriptions, oldest first.",
  "type": "object",
  "required": [
    "subscriptions"
  ],
  "additionalProperties": false,
  "properties": {
    "subscriptions": {
      "type": "array",
      "items": {
        "$ref": "webhook-subscription.schema.json"
      }
    }
  }
};
