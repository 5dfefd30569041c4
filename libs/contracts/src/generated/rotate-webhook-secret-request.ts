/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/rotate-webhook-secret-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Optional body of POST /v1/webhooks/{id}/rotate-secret (admin scope).
 */
export interface RotateWebhookSecretRequest {
  /**
   * How long the current secret keeps signing beside the new one, so receivers can switch without losing a webhook (default 86400, one day; 0 drops it at once; at most 7 days).
   */
  overlapSeconds?: number;
}
