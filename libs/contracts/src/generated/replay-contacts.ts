/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/replay-contacts.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Internal (analytics → api, scorer): a page of a workspace's archived contacts, in contact-key order, each with its archived events in the order the scorer saw them (partition, offset), each event once; for backtests and rescoring.
 */
export interface ReplayContacts {
  contacts: ReplayContact[];
  /**
   * Pass as ?after for the next page; null after the last contact.
   */
  next: string | null;
  /**
   * On the first page (no ?after) only: the time of the workspace's oldest archived event (what the archive's retention left); null when it has none.
   */
  archivedFrom?: string | null;
  /**
   * Per topic, per partition: the next offset the archive will store, read before the page's events (every event before it is in the page, for the page's contacts).
   */
  archivedThrough: {
    [k: string]: {
      [k: string]: string;
    };
  };
  /**
   * On the first page (no ?after) only: how many contacts of the workspace the archive holds (all pages); a rescore's progress counts against it. Later pages leave both out: each would scan the workspace's whole archive.
   */
  archivedContacts?: number;
}
export interface ReplayContact {
  /**
   * The contact key.
   */
  contact: string;
  events: ReplayContactEvent[];
}
export interface ReplayContactEvent {
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
  /**
   * Kafka partition of leads.events.v1 the event was consumed from.
   */
  partition: number;
  /**
   * Its Kafka offset (int64) as decimal text: with the partition, tells a rescore whether the live scorer had applied the event.
   */
  offset: string;
}
