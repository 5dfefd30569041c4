/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/record-outcome-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/contacts/{contact}/outcomes (admin scope): what sales or the business did with a contact. It becomes one `outcome.<type>` event on leads.events.v1 (schemas/events/outcome.schema.json).
 */
export interface RecordOutcomeRequest {
  /**
   * `sales_accepted`: sales accepted the lead (its lifecycle moves to SQL and stays there); `sales_rejected`: sales returned it (the score decides its stage again); `converted`, `won`, `lost`: what became of it.
   */
  type: 'sales_accepted' | 'sales_rejected' | 'converted' | 'won' | 'lost';
  /**
   * When it happened (RFC 3339), at most 5 minutes after the api's clock; default: when the api received the request.
   */
  occurredAt?: string;
  /**
   * Monetary value (e.g. the deal size); needs `currency`.
   */
  amount?: number;
  /**
   * ISO 4217 code of `amount`, e.g. EUR.
   */
  currency?: string;
  /**
   * Why (e.g. why a deal was lost).
   */
  reason?: string;
}
