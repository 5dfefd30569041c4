/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-ping-result.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of POST /v1/webhooks/{id}/ping: a signed `webhook.ping` event was sent now, through the same SSRF guard and signing as every delivery (not logged as a delivery).
 */
export interface WebhookPingResult {
  /**
   * `delivered`: the receiver answered 2xx. `failed`: another status, a timeout or a network error. `refused`: not sent, the URL is, or resolves to, an address webhooks may not reach (see `error`).
   */
  outcome: 'delivered' | 'failed' | 'refused';
  /**
   * The `webhook-id` header of the ping.
   */
  webhookId: string;
  /**
   * The receiver's HTTP status.
   */
  statusCode: number | null;
  /**
   * From sending to the answer.
   */
  latencyMs: number | null;
  /**
   * The first 500 characters of the answer.
   */
  responseExcerpt: string | null;
  /**
   * Why it failed or was refused, and for a refusal how to allow it.
   */
  error: string | null;
}
