/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-export.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

export type Changes = {
  model: string;
  modelVersion: number;
  /**
   * Gapless per contact and model: 1 for the first change.
   */
  sequence: number;
  /**
   * The time the scores refer to.
   */
  time: string;
  /**
   * An event scored, a profile change re-computed fit, a time effect, a rescore (every archived event replayed under a model version; published only when the scores, tier or grade moved), or a merge of two contacts (the survivor's scores re-derived from both contacts' events; the merged-away contact's last change).
   */
  cause: 'event' | 'refit' | 'decay' | 'expiry' | 'absence' | 'inactivity' | 'rescore' | 'merge';
  /**
   * The event behind it (event and refit causes).
   */
  causeEventId: string | null;
  fit: number;
  engagement: number;
  total: number;
  /**
   * null for the first change.
   */
  previousTotal: number | null;
  tier: string | null;
  grade: string | null;
  /**
   * The rules that made up the score after this change, largest first (at most 10).
   */
  contributions: ScoreContribution[];
}[];

/**
 * Answer of GET /v1/contacts/{contact}/export (the right of access): everything leadscore holds about one contact, as one document. Empty parts when it holds nothing of that kind.
 */
export interface ContactExport {
  /**
   * The contact key, normalised.
   */
  contact: string;
  exportedAt: string;
  /**
   * The traits its contact events set (what fit rules match on); null when none.
   */
  profile: {
    traits: {
      [k: string]: unknown;
    };
    updatedAt: string;
  } | null;
  /**
   * Its scores under every model with their explanation, as GET /v1/contacts/{contact} answers; null when no model scored it.
   */
  scores: ContactScores | null;
  /**
   * Its tier and lifecycle stage under each model now.
   */
  lifecycle: ContactLifecycle[];
  /**
   * What was sent about it to CRM webhooks, newest first (at most 10,000), with the payload.
   */
  webhookDeliveries: ContactWebhookDelivery[];
  /**
   * Audit rows naming it (recorded outcomes), newest first (at most 10,000).
   */
  auditEntries: ContactAuditEntry[];
  archive: ContactArchive;
}
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
  stored: Figures1 & {
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
/**
 * As of the read: decay, expiry, absences and inactivity due by then applied (exact, since decay is analytic).
 */
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
export interface Figures1 {
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
export interface ContactLifecycle {
  model: string;
  stage: 'lead' | 'recycled' | 'mql' | 'sql';
  tier: 'cold' | 'warm' | 'hot';
  /**
   * The named tier, under a model with named tiers (absent otherwise).
   */
  tierName?: string;
  grade: string | null;
  salesAccepted: boolean;
  lastSequence: number;
}
export interface ContactWebhookDelivery {
  subscriptionId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'dead';
  createdAt: string;
  deliveredAt: string | null;
  payload: {
    [k: string]: unknown;
  };
}
export interface ContactAuditEntry {
  action: string;
  actor: string;
  at: string;
  details: {
    [k: string]: unknown;
  };
}
/**
 * What the archive (ClickHouse) holds of one contact: its events in full, its score changes and its lifecycle transitions, oldest first (part of a contact's data export).
 */
export interface ContactArchive {
  contact: string;
  events: ArchivedEvent[];
  scoreChanges: Changes;
  lifecycleChanges: ArchivedLifecycleChange[];
}
export interface ArchivedEvent {
  id: string;
  source: string;
  type: string;
  time: string;
  /**
   * The event's data as ingested.
   */
  data: {
    [k: string]: unknown;
  };
}
/**
 * One rule's share of the current score.
 */
export interface ScoreContribution {
  /**
   * The model rule.
   */
  ruleId: string;
  /**
   * Which part of the model it belongs to.
   */
  kind: 'fit' | 'engagement' | 'absence' | 'inactivity';
  /**
   * What it is worth now (after decay).
   */
  points: number;
  /**
   * The event behind its latest award.
   */
  eventId: string | null;
  /**
   * The model's score group the rule belongs to, when it belongs to one (`group:<id>` contributions are the group's own clip at its limit). Optional: added in the v1 contract without a version change, as consumers may ignore it.
   */
  group?: string;
}
export interface ArchivedLifecycleChange {
  model: string;
  time: string;
  id: string;
  kind: 'tier' | 'stage';
  previous: string;
  current: string;
  /**
   * The named tier before, for a tier transition under a model with named tiers.
   */
  previousName?: string;
  /**
   * The named tier after, for a tier transition under a model with named tiers.
   */
  currentName?: string;
  sequence: number;
}
