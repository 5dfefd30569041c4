/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-distribution.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/models/{id}/distribution: how a model's totals are spread, as one computation with its time.
 */
export interface ScoreDistribution {
  modelId: string;
  stats: ScoreStats;
  /**
   * The highest total (the top's).
   */
  max: number | null;
  /**
   * Nearest-rank percentiles of the unrounded totals (the ⌈q·count⌉-th lowest), shown rounded to hundredths; null when no contact is scored.
   */
  percentiles: {
    p1: number;
    p5: number;
    p10: number;
    p25: number;
    p50: number;
    p75: number;
    p90: number;
    p95: number;
    p99: number;
  } | null;
  bucketWidth: number;
  /**
   * Contacts per bucket [from, to) of the total, ascending; empty buckets left out. The lowest and highest 1-point buckets also hold totals beyond ±1,000,000.
   */
  histogram: ScoreHistogramBucket[];
}
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
export interface ScoreHistogramBucket {
  from: number;
  to: number;
  contacts: number;
}
