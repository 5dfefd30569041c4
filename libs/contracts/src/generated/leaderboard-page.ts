/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/leaderboard-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/models/{id}/leaderboard: one page of a model's contacts, highest total first (ties by contact key, descending), each with ONTRAPORT's relative score.
 */
export interface LeaderboardPage {
  modelId: string;
  entries: LeaderboardEntry[];
  /**
   * Pass as ?cursor (with the same filters) for the next page; null at the end.
   */
  nextCursor: string | null;
  /**
   * True when the filters matched too few of the contacts examined for this page (at most 10,000): the page is short but nextCursor goes on.
   */
  partial: boolean;
  stats: ScoreStats;
  /**
   * When the first page of this walk was read (carried by the cursor): entries updated after it may have moved during the walk.
   */
  walkStartedAt: string;
}
export interface LeaderboardEntry {
  /**
   * The contact key.
   */
  contact: string;
  /**
   * The total as of `updatedAt`, rounded to hundredths (the page is ordered by the unrounded total).
   */
  total: number;
  /**
   * ONTRAPORT's relative score (0–100, two decimals) against `stats`: the top is 100, the median 50, linear in between and from 0 points to the median. See the api README.
   */
  relativePercent: number;
  tier: 'hot' | 'warm' | 'cold' | null;
  grade: string | null;
  /**
   * The lifecycle stage threshold keeps (lead until it stages the contact).
   */
  stage: 'lead' | 'recycled' | 'mql' | 'sql';
  /**
   * The model version of the last write.
   */
  modelVersion: number;
  /**
   * When the contact's total was last written (an event or a decay pass); decay since then is not applied here (see GET /v1/contacts/{contact}).
   */
  updatedAt: string;
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
