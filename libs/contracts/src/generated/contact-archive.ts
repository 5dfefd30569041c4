/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-archive.schema.json
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
