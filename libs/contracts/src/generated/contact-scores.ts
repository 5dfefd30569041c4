/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-scores.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/contacts/{contact} and GET /v1/contacts?email=|phone=|userId=: the contact's scores under every model that scored it, each as of now and as stored, with why.
 */
export interface ContactScores {
  /**
   * The contact key, normalised (e.g. email:ada@example.com); when the key asked for was merged into another contact, the survivor's.
   */
  contact: string;
  /**
   * Present when the key asked for belongs to a contact merged into this one (identity stitching): that key.
   */
  mergedFrom?: string;
  /**
   * Every other key of this contact: the contacts merged into it (an anonymous visitor who identified, a CRM's duplicate), each of which finds it. Absent when there are none.
   */
  identities?: string[];
  models: ContactModelScore[];
}
export interface ContactModelScore {
  modelId: string;
  /**
   * The model version the stored figures were computed with.
   */
  modelVersion: number;
  /**
   * The version `now` is computed with: the live one, which the next event or decay pass applies.
   */
  liveVersion: number;
  now: Figures;
  /**
   * As published by the last event or decay pass (leads.score-changed.v1), with its sequence and time.
   */
  stored: Figures & {
    sequence: number;
    [k: string]: unknown;
  };
  /**
   * The lifecycle stage the threshold service last published (lead, mql, sql, recycled); null before it saw the contact.
   */
  stage: string | null;
  /**
   * ONTRAPORT's relative score of the stored total (unrounded) among the model's contacts, against the model's stats (median, top) as of `statsAsOf`; null when the contact has no rank yet.
   */
  relative: {
    /**
     * 0–100, two decimals: the top contact is 100, the median 50.
     */
    percent: number;
    /**
     * Computed from the stored total (as of the last event or decay pass), as the leaderboard ranks it, not from `now`.
     */
    basis: 'stored';
    statsAsOf: string;
  } | null;
  /**
   * Every rule with points now, largest first.
   */
  contributions: {
    ruleId: string;
    kind: 'fit' | 'engagement' | 'absence' | 'inactivity';
    /**
     * What the rule is worth now (after decay), in hundredths.
     */
    points: number;
    /**
     * The event behind its latest award.
     */
    eventId: string | null;
    /**
     * The model's score group the rule belongs to, when it belongs to one.
     */
    group?: string;
  }[];
  /**
   * Time effects due since the stored figures were written: in `now`, not yet in `stored`.
   */
  sinceLastWrite: {
    ruleId: string;
    kind: 'fit' | 'engagement' | 'absence' | 'inactivity';
    outcome: 'awarded' | 'capped' | 'limited' | 'expired' | 'refit';
    points: number;
    eventId: string | null;
    at: string;
    /**
     * The model's score group the rule belongs to, when it belongs to one.
     */
    group?: string;
  }[];
  /**
   * Awards that still count, soonest to expire first.
   */
  runningAwards: {
    ruleId: string;
    eventId: string | null;
    points: number;
    expiresAt: string;
  }[];
  /**
   * Absence rules waiting for the follow-up: the penalty applies at `dueAt` unless it comes.
   */
  waitingAbsences: {
    ruleId: string;
    triggerEventId: string;
    dueAt: string;
  }[];
  /**
   * Every frequency rule's count of matching events within its window, the range it is in, and when the oldest counted event leaves the window (the count then drops, and the rule's points may change).
   */
  frequencyCounts: {
    ruleId: string;
    /**
     * Matching events within the window; with `orMore`, at least this many.
     */
    count: number;
    /**
     * The count is at least `count`: the rule's ranges tell no more apart, so no more are kept.
     */
    orMore: boolean;
    withinDays: number;
    /**
     * The range the count is in, and its points; null when in none.
     */
    range: {
      min: number;
      max: number | null;
      points: number;
    } | null;
    oldestLeavesAt: string | null;
  }[];
  /**
   * Under a model with a `predictive` section: every feature that moves the probability now, largest first (in log-odds). Absent otherwise.
   */
  predictiveContributions?: PredictiveContribution[];
}
export interface Figures {
  fit: number;
  engagement: number;
  total: number;
  tier: 'cold' | 'warm' | 'hot' | null;
  /**
   * The named tier (the model's `tiers[].id`) when the model has named tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.
   */
  tierName?: string;
  grade: string | null;
  /**
   * The time the figures are as of.
   */
  at: string;
  sequence?: number;
  /**
   * The predictive score 0–100 (hundredths), under a model with a `predictive` section; absent otherwise.
   */
  probability?: number;
  [k: string]: unknown;
}
/**
 * One feature's share of the predictive score.
 */
export interface PredictiveContribution {
  /**
   * The model's `predictive.features[].id`.
   */
  feature: string;
  /**
   * 1 or 0 for a profile feature (the field equals its value or not); the count of events for a count feature.
   */
  input: number;
  /**
   * What the feature adds to the log-odds of conversion (coefficient × scaled input), in thousandths; positive raises the probability.
   */
  logOdds: number;
}
