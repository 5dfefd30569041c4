/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-detail.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/accounts/{account}: an account's traits and, under every model that scores it, its scores, stage and the explanation of its score (its highest members and the account fit rules that match).
 */
export interface AccountDetail {
  /**
   * The account id.
   */
  account: string;
  /**
   * The account's traits (its members' `company.*` traits, latest first), as account fit rules read them.
   */
  traits: {
    [k: string]: unknown;
  };
  models: AccountModelScores[];
}
export interface AccountModelScores {
  model: {
    id: string;
    version: number;
  };
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
   * The account's last change sequence.
   */
  sequence: number;
  /**
   * How members' engagement rolls up under the model.
   */
  rollup: {
    kind: 'sum' | 'max' | 'topMean';
    top?: number;
  };
  /**
   * Why the account has its score: its engagement comes from these members (highest first; under max and topMean the first ones are those counted), its fit from these rules.
   */
  explanation: {
    /**
     * @maxItems 10
     */
    members: AccountMember[];
    fit: AccountFitContribution[];
  };
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
/**
 * One member's share.
 */
export interface AccountMember {
  /**
   * The member contact.
   */
  contact: string;
  /**
   * The member's current (last published) engagement.
   */
  engagement: number;
}
/**
 * One account fit rule that matches.
 */
export interface AccountFitContribution {
  /**
   * The account fit rule's id.
   */
  rule: string;
  /**
   * Its points.
   */
  points: number;
}
