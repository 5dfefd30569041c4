/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-lifecycle.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/contacts/{contact}/lifecycle: the contact's tier and stage transitions under every model (from the archive, newest first) and what was sent about it to CRM webhooks (newest first).
 */
export interface ContactLifecycleLog {
  contact: string;
  transitions: ContactTransition[];
  deliveries: ContactDelivery[];
}
export interface ContactTransition {
  model: string;
  kind: 'tier' | 'stage';
  from: string;
  to: string;
  /**
   * The named tier before, for a tier transition under a model with named tiers (`from` is the cold, warm or hot it counts as).
   */
  fromName?: string;
  /**
   * The named tier after, for a tier transition under a model with named tiers (`to` is the cold, warm or hot it counts as).
   */
  toName?: string;
  at: string;
  /**
   * The contact's score-changed sequence under the model that moved it.
   */
  sequence: number;
}
export interface ContactDelivery {
  webhookId: string;
  subscriptionId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'dead';
  createdAt: string;
  deliveredAt: string | null;
}
