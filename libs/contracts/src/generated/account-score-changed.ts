/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/accounts/account-score-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One change of an account's scores under one model, as published on leads.account-score-changed.v1 (key `workspace:account:<id>`) and sent to webhooks subscribed to `account-score`: a CloudEvents 1.0 envelope (type `account.score.changed`). An account's scores follow its members' score changes, each member change counted once. The id is deterministic (a hash of workspace, model, account and sequence), so consumers dedupe on it; changes of one account carry a gapless `sequence`, and may reach the topic out of sequence order (members live on different partitions), so a consumer keeps the highest.
 */
export interface AccountScoreChangedEvent {
  /**
   * CloudEvents specification version.
   */
  specversion: '1.0';
  /**
   * sha256 of workspace, model id, account and sequence (hex).
   */
  id: string;
  /**
   * `leadscore/threshold`.
   */
  source: string;
  /**
   * Always `account.score.changed`.
   */
  type: 'account.score.changed';
  /**
   * The time of the member score change behind it.
   */
  time: string;
  /**
   * `account:<id>`, the account's key within the workspace (the message key is `workspace:account:<id>`).
   */
  subject: string;
  /**
   * The tenant.
   */
  workspace: string;
  /**
   * Always JSON.
   */
  datacontenttype: 'application/json';
  data: AccountScoreChangedData;
}
/**
 * What changed, and why.
 */
export interface AccountScoreChangedData {
  /**
   * The account id (a `group` call's groupId, a `company.id` trait, or an email domain).
   */
  account: string;
  /**
   * The model (and version) whose account scoring computed the scores.
   */
  model: {
    /**
     * Model id.
     */
    id: string;
    /**
     * Model version.
     */
    version: number;
  };
  /**
   * Gapless per workspace, model and account: 1 for the first change.
   */
  sequence: number;
  cause: AccountChangeCause;
  /**
   * Scores of the previous change; null for the first.
   */
  previous: AccountScores | null;
  current: AccountScores;
  /**
   * How members' engagement was rolled up.
   */
  rollup: {
    /**
     * sum, max, or topMean.
     */
    kind: 'sum' | 'max' | 'topMean';
    /**
     * For topMean: how many of the highest members count.
     */
    top?: number;
  };
  /**
   * The explanation's members: the highest members by current engagement, largest first (at most 10); under max and topMean the first ones are those counted.
   *
   * @maxItems 10
   */
  members: AccountMember[];
  /**
   * The account fit rules that match the account's traits, with their points.
   */
  fit: AccountFitContribution[];
}
/**
 * The member change behind it.
 */
export interface AccountChangeCause {
  /**
   * A member's scores changed, a contact joined or left the account (a membership change, a merge or an erasure), or the account's traits changed (its fit was re-computed).
   */
  type: 'member-changed' | 'member-joined' | 'member-left' | 'traits';
  /**
   * The member contact.
   */
  contact: string;
  /**
   * The member's score-changed sequence that was rolled up (0 for an erasure).
   */
  memberSequence: number;
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
