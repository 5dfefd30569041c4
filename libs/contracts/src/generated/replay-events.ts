/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/replay-events.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Internal (analytics → scorer): the archived events of some contacts with their Kafka positions, each contact's in the order the scorer saw them (partition, offset), and where the archive of the events topic ends, so that the caller knows whether it holds every event it needs.
 */
export interface ReplayEvents {
  events: ReplayEvent[];
  /**
   * Per topic, per partition: the next offset the archive will store (everything before it is archived).
   */
  archivedThrough: {
    [k: string]: {
      [k: string]: string;
    };
  };
}
export interface ReplayEvent {
  contact: string;
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
  partition: number;
  /**
   * Kafka offset (int64) as decimal text.
   */
  offset: string;
}
