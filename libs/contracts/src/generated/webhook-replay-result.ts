/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/webhook-replay-result.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of the replay routes: the dead-lettered deliveries made pending again (due now, same webhook id, attempts counted afresh).
 */
export interface WebhookReplayResult {
  replayed: number;
  deliveryIds: string[];
}
