/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/accounts/account-lifecycle-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One tier or stage transition of an account under one model, as published on leads.lifecycle.v1 (key `workspace:account:<id>`) and sent to webhooks subscribed to `account-tier` or `account-stage`: a CloudEvents 1.0 envelope (type `account.tier.changed` or `account.stage.changed`). The id is deterministic (a hash of workspace, model, account, the account score sequence and the transition's index), so consumers dedupe on it.
 */
export interface AccountLifecycleChangedEvent {
  /**
   * CloudEvents specification version.
   */
  specversion: '1.0';
  /**
   * sha256 of workspace, model id, account, account score sequence and transition index (hex).
   */
  id: string;
  /**
   * `leadscore/threshold`.
   */
  source: string;
  /**
   * An account tier line or the marketing-qualified-account line was crossed.
   */
  type: 'account.tier.changed' | 'account.stage.changed';
  /**
   * The time of the account score change behind the transition.
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
  data: AccountLifecycleChangedData;
}
/**
 * The transition and the scores that caused it.
 */
export interface AccountLifecycleChangedData {
  /**
   * The account id.
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
   * Which ladder moved: tier (cold/warm/hot, or named tiers) or stage (lead/mqa).
   */
  kind: 'tier' | 'stage';
  /**
   * The tier or stage before.
   */
  previous: 'cold' | 'warm' | 'hot' | 'lead' | 'mqa';
  /**
   * The tier or stage after.
   */
  current: 'cold' | 'warm' | 'hot' | 'lead' | 'mqa';
  /**
   * For a tier transition under named account tiers: the named tier before. Absent otherwise.
   */
  previousName?: string;
  /**
   * For a tier transition under named account tiers: the named tier after. Absent otherwise.
   */
  currentName?: string;
  /**
   * The account score sequence that caused it.
   */
  sequence: number;
  /**
   * Id of the account.score.changed event behind it.
   */
  accountScoreChangedId: string;
  scores: AccountLifecycleScores;
}
/**
 * An account's published scores, rounded to hundredths.
 */
export interface AccountLifecycleScores {
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
