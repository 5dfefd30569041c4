/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-secret-rotated.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of POST /v1/webhooks/{id}/rotate-secret: the new secret, shown this once. Until subscription.previousSecretExpiresAt every webhook carries a signature by each secret; after it, by the new one alone.
 */
export interface WebhookSecretRotated {
  subscription: WebhookSubscription;
  /**
   * The new `whsec_…` secret.
   */
  secret: string;
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
