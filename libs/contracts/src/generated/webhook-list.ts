/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/webhooks: the caller's workspace's subscriptions, oldest first.
 */
export interface WebhookList {
  subscriptions: WebhookSubscription[];
}
/**
 * A CRM webhook subscription as the api shows it: never its secrets.
 */
export interface WebhookSubscription {
  /**
   * `wh_` and 16 hexadecimal digits.
   */
  id: string;
  url: string;
  events: ('tier' | 'stage' | 'score' | 'account-tier' | 'account-stage' | 'account-score')[];
  tiers: string[] | null;
  stages: ('lead' | 'recycled' | 'mql' | 'sql' | 'mqa')[] | null;
  description: string | null;
  enabled: boolean;
  /**
   * During a secret rotation: until when the previous secret still signs beside the new one; null otherwise.
   */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}
