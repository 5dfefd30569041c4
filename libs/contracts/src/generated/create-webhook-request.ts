/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-webhook-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/webhooks (admin scope): a CRM webhook subscription of the caller's workspace. Its URL must be, and resolve to, a public address (unless the operator allows private networks) and use https in production.
 */
export interface CreateWebhookRequest {
  /**
   * Where the signed POSTs go, e.g. `https://crm.example.com/hooks/leadscore`.
   */
  url: string;
  /**
   * What to receive: contacts' `tier` transitions (cold/warm/hot), `stage` transitions (lead/recycled/mql/sql) and every `score` change; accounts' `account-tier` and `account-stage` transitions (lead/mqa) and every `account-score` change.
   *
   * @minItems 1
   * @maxItems 6
   */
  events: ('tier' | 'stage' | 'score' | 'account-tier' | 'account-stage' | 'account-score')[];
  /**
   * Only tier transitions into these tiers; absent or null: all. cold, warm or hot match a transition that changes the v1 tier into it (not a step between two named tiers counting as the same one); a named tier (a model's `tiers[].id`, e.g. "sales-ready") matches a transition into it.
   *
   * @minItems 1
   */
  tiers?: string[] | null;
  /**
   * Only stage transitions into these stages; absent or null: all.
   *
   * @minItems 1
   */
  stages?: ('lead' | 'recycled' | 'mql' | 'sql' | 'mqa')[] | null;
  /**
   * What the subscription is for, shown in listings.
   */
  description?: string | null;
  /**
   * Default true; a disabled subscription receives nothing new.
   */
  enabled?: boolean;
}
