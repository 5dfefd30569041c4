/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/outcome.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every outcome.* event, keyed by event type: what sales and the business did with a contact, recorded through the api (POST /v1/contacts/{contact}/outcomes; ingest refuses them). Outcomes score nothing (scoring models cannot name them): they are the labels that rescoring and model suggestions learn from, and `outcome.sales_accepted` / `outcome.sales_rejected` set and clear sales acceptance in the threshold service.
 */
export interface OutcomeEventDataByType {
  'outcome.sales_accepted': OutcomeData;
  'outcome.sales_rejected': OutcomeData;
  'outcome.converted': OutcomeData;
  'outcome.won': OutcomeData;
  'outcome.lost': OutcomeData;
}
export interface OutcomeData {
  /**
   * Monetary value of the outcome (e.g. the deal size), in `currency`.
   */
  amount?: number;
  /**
   * ISO 4217 code of `amount`, e.g. EUR.
   */
  currency?: string;
  /**
   * Why, in the words of whoever recorded it (e.g. why a deal was lost).
   */
  reason?: string;
  actor: OutcomeActor;
}
/**
 * Who recorded the outcome: the id of the API key the request was made with (never the key).
 */
export interface OutcomeActor {
  key_id: string;
}
