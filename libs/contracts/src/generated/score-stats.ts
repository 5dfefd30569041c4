/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-stats.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Where a model's contacts stand, computed from the unrounded totals they rank by and shown rounded to hundredths, as one computation with its time (kept by the api for API_SCORE_STATS_MAX_AGE_MS).
 */
export interface ScoreStats {
  /**
   * Contacts scored under the model.
   */
  count: number;
  /**
   * The highest total and the contact holding it (the highest contact key among ties); null when no contact is scored.
   */
  top: {
    contact: string;
    total: number;
  } | null;
  /**
   * The lower middle total: the ⌊(count − 1) / 2⌋-th lowest, so always some contact's total.
   */
  median: number | null;
  /**
   * The lowest total.
   */
  min: number | null;
  /**
   * When these figures were computed.
   */
  asOf: string;
}
