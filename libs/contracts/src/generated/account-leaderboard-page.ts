/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-leaderboard-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/models/{id}/accounts: one page of a model's scored accounts, highest total first (ties by account id), each with its relative score.
 */
export interface AccountLeaderboardPage {
  modelId: string;
  entries: AccountLeaderboardEntry[];
  /**
   * Accounts matching the filters.
   */
  total: number;
  limit: number;
  offset: number;
}
export interface AccountLeaderboardEntry {
  /**
   * The account id.
   */
  account: string;
  scores: AccountScores;
  /**
   * ONTRAPORT's relative score among the model's scored accounts (top = 100, median = 50, two decimals), as for contacts; null when none is scored.
   */
  relativePercent: number | null;
  /**
   * The account's lifecycle stage: mqa once a marketing-qualified account (the model's `accounts.lifecycle.mqa`), else lead.
   */
  stage: 'lead' | 'mqa';
  /**
   * The model version of the account's last change.
   */
  modelVersion: number;
}
/**
 * An account's published scores, rounded to hundredths.
 */
export interface AccountScores {
  /**
   * Account fit points from the account fit rules; never decays.
   */
  fit: number;
  /**
   * Members' current engagement rolled up (sum, max or mean of the top N, as the model says).
   */
  engagement: number;
  /**
   * fit + engagement.
   */
  total: number;
  /**
   * cold, warm or hot; null when the model's account scoring has no tiers.
   */
  tier: ('cold' | 'warm' | 'hot') | null;
  /**
   * The named account tier (`accounts.tiers[].id`) under named account tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.
   */
  tierName?: string;
  /**
   * A–F from the account's fit; null when no band matches.
   */
  grade: string | null;
  /**
   * How many contacts the account has under this model.
   */
  members: number;
}
