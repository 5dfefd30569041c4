/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-score-history.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A contact's score history from the archive: every change under every model (or the one asked), oldest first per model, with its cause — events, refits and the decay, expiry, absence and inactivity steps — and the rules that made the score then.
 */
export interface ContactScoreHistory {
  /**
   * The contact key.
   */
  contact: string;
  changes: {
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
