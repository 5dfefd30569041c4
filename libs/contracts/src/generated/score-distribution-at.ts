/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/score-distribution-at.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Contacts per bucket [from, to) of the total, ascending; empty buckets left out. The lowest and highest 1-point buckets also hold totals beyond ±1,000,000.
 */
export type Histogram = ScoreHistogramBucket[];

/**
 * Answer of GET /v1/analytics/models/{id}/distribution: how a model's totals stood at a point in time, from the archive (each contact's latest score change at or before `at`).
 */
export interface ScoreDistributionAt {
  modelId: string;
  /**
   * The point in time.
   */
  at: string;
  /**
   * Contacts scored under the model by then.
   */
  contacts: number;
  /**
   * The lowest total; null when no contact was scored.
   */
  min: number | null;
  /**
   * The highest total; null when no contact was scored.
   */
  max: number | null;
  /**
   * The mean total, rounded to hundredths; null when no contact was scored.
   */
  mean: number | null;
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
  histogram: Histogram;
  /**
   * Contacts per tier (null: the model has no tiers), most first.
   */
  tiers: {
    tier: string | null;
    contacts: number;
  }[];
}
export interface ScoreHistogramBucket {
  from: number;
  to: number;
  contacts: number;
}
