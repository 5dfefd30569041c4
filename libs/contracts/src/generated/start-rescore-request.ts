/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/start-rescore-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/models/{id}/rescores: rescore every archived contact under the model's live version.
 */
export interface StartRescoreRequest {
  /**
   * Only count the changes, transitions and webhooks the rescore would cause.
   */
  dryRun?: boolean;
  /**
   * Pace of the tier and stage transitions it causes, per second (default: the api's API_RESCORE_TRANSITIONS_PER_SECOND, 50).
   */
  transitionsPerSecond?: number;
}
