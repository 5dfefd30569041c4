/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-created.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-created.schema.json, for validators (no file I/O at runtime). */
export const webhookCreatedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-created.schema.json",
  "title": "WebhookCreated",
  "description": "Response of POST /v1/webhooks: the subscription and its signing secret, shown this once.",
  "type": "object",
  "required": [
    "subscription",
    "secret"
  ],
  "additionalProperties": false,
  "properties": {
    "subscription": {
      "$ref": "webhook-subscription.schema.json"
    },
    "secret": {
      "type": "string",
      "description": "`whsec_…`: the Standard Webhooks secret the receiver verifies `webhook-signature` with. Not shown again; rotate it to get a new one."
    }
  }
};
