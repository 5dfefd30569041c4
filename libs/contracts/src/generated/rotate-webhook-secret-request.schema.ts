/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/rotate-webhook-secret-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/rotate-webhook-secret-request.schema.json, for validators (no file I/O at runtime). */
export const rotateWebhookSecretRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/rotate-webhook-secret-request.schema.json",
  "title": "RotateWebhookSecretRequest",
  "description": "Optional body of POST /v1/webhooks/{id}/rotate-secret (admin scope).",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "overlapSeconds": {
      "type": "integer",
      "minimum": 0,
      "maximum": 604800,
      "description": "How long the current secret keeps signing beside the new one, so receivers can switch without losing a webhook (default 86400, one day; 0 drops it at once; at most 7 days)."
    }
  }
};
