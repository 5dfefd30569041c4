/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/ingest/ingest-receipt.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

export type ReceiptResult = AcceptedResult | DuplicateResult | RejectedResult | IgnoredResult;

/**
 * Ingest's 202 answer (POST /v1/events, /v1/batch, provider webhooks): counts, and one result per input in input order. Accepted events are on Kafka when it is sent.
 */
export interface IngestReceipt {
  accepted: number;
  duplicates: number;
  rejected: number;
  /**
   * Provider events that map to no lead event on purpose; 0 outside provider webhooks.
   */
  ignored: number;
  results: ReceiptResult[];
}
export interface AcceptedResult {
  index: number;
  id: string;
  /**
   * Ingest derived the id (a Segment call without messageId).
   */
  idDerived?: true;
  status: 'accepted';
}
export interface DuplicateResult {
  index: number;
  id: string;
  idDerived?: true;
  status: 'duplicate';
  /**
   * The index of the input with the same source and id earlier in the request; produced once.
   */
  duplicateOf: number;
}
export interface RejectedResult {
  index: number;
  id?: string;
  idDerived?: true;
  status: 'rejected';
  reason: 'invalid' | 'too_large' | 'forbidden';
  /**
   * Each offending field of the event and what it expects.
   */
  errors: FieldError[];
}
export interface FieldError {
  /**
   * `(body)`, `scopes[1]`, `?limit`.
   */
  field: string;
  /**
   * What the field should hold.
   */
  expected: string;
}
export interface IgnoredResult {
  index: number;
  id?: string;
  status: 'ignored';
  /**
   * The provider's own name of the event kind.
   */
  kind: string;
  reason: string;
}
