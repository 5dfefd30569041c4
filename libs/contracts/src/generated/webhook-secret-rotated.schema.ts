/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-secret-rotated.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/webhook-secret-rotated.schema.json, for validators (no file I/O at runtime). */
export const webhookSecretRotatedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/webhook-secret-rotated.schema.json",
  "title": "WebhookSecretRotated",
  "description": "Response of POST /v1/webhooks/{id}/rotate-secret: the new secret, shown this once. Until subscription.previousSecretExpiresAt every webhook carries a signature by each secret; after it, by the new one alone.",
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
      "description": "The new `whsec_…` secret."
    }
  }
};
