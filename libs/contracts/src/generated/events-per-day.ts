/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/events-per-day.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A workspace's archived events per type per day (UTC) in [from, to).
 */
export interface EventsPerDay {
  from: string;
  to: string;
  days: {
    day: string;
    type: string;
    events: number;
  }[];
}
