/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/scores/score-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One change of a contact's scores under one model, as published on leads.score-changed.v1: a CloudEvents 1.0 envelope (type `score.changed`) whose data carries previous and new scores and the explanation. The id is deterministic (a hash of workspace, model, contact and sequence), so consumers dedupe on it.
 */
export interface ScoreChangedEvent {
  /**
   * CloudEvents specification version.
   */
  specversion: '1.0';
  /**
   * sha256 of workspace, model id, contact and sequence (hex).
   */
  id: string;
  /**
   * `leadscore/scorer` or `leadscore/decay`.
   */
  source: string;
  /**
   * Always `score.changed`.
   */
  type: 'score.changed';
  /**
   * The time the scores refer to (the event's time, or the decay pass's).
   */
  time: string;
  /**
   * The contact key, as on leads.events.v1.
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
  data: ScoreChangedData;
}
/**
 * What changed, and why.
 */
export interface ScoreChangedData {
  /**
   * The contact key.
   */
  contact: string;
  /**
   * The account (company) the contact belongs to after this change, when it has one: its `company.id` trait (a Segment `group` call sets it), else its email's domain unless a free-mail one. A change that only moves the contact to another account, or changes its account's traits, carries the same scores as the one before.
   */
  account?: string;
  /**
   * The model (and version) that computed the scores.
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
   * Gapless per workspace, model and contact: 1 for the first change.
   */
  sequence: number;
  cause: ScoreChangeCause;
  /**
   * Scores of the previous change; null for the first.
   */
  previous: ScoreSnapshot | null;
  current: ScoreSnapshot;
  /**
   * The rules that make up the current score, largest first (at most 10).
   */
  contributions: ScoreContribution[];
  /**
   * Under a model with a `predictive` section: the features that move the probability most, largest first (at most 10), in log-odds. Absent otherwise.
   */
  predictiveContributions?: PredictiveContribution[];
}
/**
 * Why the scores changed.
 */
export interface ScoreChangeCause {
  /**
   * An event scored, a profile change re-computed fit, a time effect, a rescore (every archived event replayed under a model version; published only when the scores, tier or grade moved), or a merge of two contacts (the survivor's scores re-derived from both contacts' events; the merged-away contact's last change).
   */
  type: 'event' | 'refit' | 'decay' | 'expiry' | 'absence' | 'inactivity' | 'rescore' | 'merge';
  /**
   * Merge cause, on the survivor: the contact key merged into it.
   */
  mergedSubject?: string;
  /**
   * Merge cause, on the merged-away contact: the contact key it now lives on.
   */
  survivor?: string;
  /**
   * Rescore cause: the rescore that re-derived the scores from the archive under a model version (GET /v1/rescores/{id}).
   */
  rescore?: string;
  /**
   * The event behind it (event and refit causes).
   */
  eventId?: string;
  /**
   * That event's type.
   */
  eventType?: string;
}
/**
 * Published scores, rounded to hundredths.
 */
export interface ScoreSnapshot {
  /**
   * Fit (explicit) points; never decays.
   */
  fit: number;
  /**
   * Engagement (behavioral) points after decay, expiry and caps.
   */
  engagement: number;
  /**
   * fit + engagement, clamped by the model.
   */
  total: number;
  /**
   * cold, warm or hot; null when the model has no tiers.
   */
  tier: ('cold' | 'warm' | 'hot') | null;
  /**
   * The named tier (the model's `tiers[].id`) when the model has named tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.
   */
  tierName?: string;
  /**
   * A–F from fit; null when no band matches.
   */
  grade: string | null;
  /**
   * The model's predictive score: the probability of conversion, 0–100 in hundredths, under a model with a `predictive` section; absent otherwise. Optional: added in the v1 contract without a version change, as consumers may ignore it.
   */
  probability?: number;
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
