/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/lifecycle/lifecycle-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One tier or lifecycle-stage transition of a contact under one model, as published on leads.lifecycle.v1 and sent to CRM webhooks: a CloudEvents 1.0 envelope (type `tier.changed` or `stage.changed`). The id is deterministic (a hash of workspace, model, contact, the score-changed sequence and the transition's index), so consumers dedupe on it.
 */
export interface LifecycleChangedEvent {
  /**
   * CloudEvents specification version.
   */
  specversion: '1.0';
  /**
   * sha256 of workspace, model id, contact, score sequence and transition index (hex).
   */
  id: string;
  /**
   * `leadscore/threshold`.
   */
  source: string;
  /**
   * A tier line or a lifecycle-stage line was crossed.
   */
  type: 'tier.changed' | 'stage.changed';
  /**
   * The time of the score change behind the transition.
   */
  time: string;
  /**
   * The contact key.
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
  data: LifecycleChangedData;
}
/**
 * The transition, the scores that caused it and why.
 */
export interface LifecycleChangedData {
  /**
   * The contact key.
   */
  contact: string;
  /**
   * The model (and version) whose thresholds were crossed.
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
   * Which ladder moved: tier (cold/warm/hot) or lifecycle stage (lead/recycled/mql/sql).
   */
  kind: 'tier' | 'stage';
  /**
   * The tier or stage before.
   */
  previous: 'cold' | 'warm' | 'hot' | 'lead' | 'recycled' | 'mql' | 'sql';
  /**
   * The tier or stage after.
   */
  current: 'cold' | 'warm' | 'hot' | 'lead' | 'recycled' | 'mql' | 'sql';
  /**
   * For a tier transition under a model with named tiers: the named tier before (`previous` holds the cold, warm or hot it counts as). Absent otherwise.
   */
  previousName?: string;
  /**
   * For a tier transition under a model with named tiers: the named tier after (`current` holds the cold, warm or hot it counts as; a move between two tiers that count as the same one has `previous` equal to `current`). Absent otherwise.
   */
  currentName?: string;
  /**
   * The score-changed sequence that caused it.
   */
  sequence: number;
  /**
   * Id of the score-changed event (empty for a transition set by sales).
   */
  scoreChangedId: string;
  scores: LifecycleScores;
  /**
   * A score change; a score change of a rescore (the model re-applied to past activity: a hand-off it causes is marked so); or sales accepting the lead.
   */
  cause: 'score' | 'rescore' | 'sales-accepted';
  /**
   * The rules that make up the score (the explanation), largest first.
   */
  contributions: LifecycleContribution[];
}
/**
 * The score snapshot at the transition.
 */
export interface LifecycleScores {
  /**
   * Fit points.
   */
  fit: number;
  /**
   * Engagement points.
   */
  engagement: number;
  /**
   * Total points.
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
   * A–F; null when no band matches.
   */
  grade: string | null;
}
/**
 * One rule's share of the score.
 */
export interface LifecycleContribution {
  /**
   * The model rule.
   */
  ruleId: string;
  /**
   * Which part of the model.
   */
  kind: 'fit' | 'engagement' | 'absence' | 'inactivity';
  /**
   * What it is worth now.
   */
  points: number;
  /**
   * The event behind its latest award.
   */
  eventId: string | null;
  /**
   * The model's score group the rule belongs to, when it belongs to one (optional, as in leads.score-changed.v1).
   */
  group?: string;
}
