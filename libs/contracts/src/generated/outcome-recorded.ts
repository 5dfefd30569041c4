/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/outcome-recorded.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response (202) of POST /v1/contacts/{contact}/outcomes: Kafka acknowledged the outcome event; the scorer and the threshold service apply it shortly after.
 */
export interface OutcomeRecorded {
  /**
   * The event's CloudEvents id (source `leadscore/api`). Derived from the Idempotency-Key when one was sent: a retry gets the same id and counts once downstream.
   */
  eventId: string;
  eventType:
    | 'outcome.sales_accepted'
    | 'outcome.sales_rejected'
    | 'outcome.converted'
    | 'outcome.won'
    | 'outcome.lost';
  /**
   * The contact key, normalised as ingest normalises it (e.g. `email:ann@example.com`).
   */
  contact: string;
  occurredAt: string;
  /**
   * Whether the id was derived from an Idempotency-Key (true) or is random (false: a retry would count twice).
   */
  idempotent: boolean;
}
