/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-timeline.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A contact's events from the archive, newest first, each with the points it gave under each model and the rules whose latest award it is.
 */
export interface ContactTimeline {
  /**
   * The contact key.
   */
  contact: string;
  events: {
    id: string;
    type: string;
    time: string;
    /**
     * Per model the event changed: the points it gave (the change of the total) and the rules it fed. Empty when it scored under no model.
     */
    scores: {
      model: string;
      points: number;
      rules: string[];
    }[];
  }[];
}
