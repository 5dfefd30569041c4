/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-delivery-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/webhooks/{id}/deliveries: the subscription's deliveries, newest first, each with every attempt.
 */
export interface WebhookDeliveryPage {
  deliveries: WebhookDelivery[];
  /**
   * Pass as `?cursor=` for the next (older) page; null on the last page.
   */
  nextCursor: string | null;
}
export interface WebhookDelivery {
  /**
   * The delivery id (replay one: POST …/deliveries/{id}/replay).
   */
  id: string;
  /**
   * The `webhook-id` header: the same on every attempt and replay (receivers dedupe by it).
   */
  webhookId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: WebhookDeliveryAttempt[];
  /**
   * When pending: the next attempt.
   */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  deadLetteredAt: string | null;
}
export interface WebhookDeliveryAttempt {
  /**
   * 1-based; counted afresh after a replay.
   */
  attempt: number;
  startedAt: string;
  latencyMs: number;
  statusCode: number | null;
  outcome: 'delivered' | 'retrying' | 'dead_lettered';
  responseExcerpt: string | null;
  /**
   * Timeout, network error, or the SSRF guard's refusal and how to allow it.
   */
  error: string | null;
}
