/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/contact.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every contact.* event, keyed by event type. Profile traits feed the fit score.
 */
export interface ContactEventDataByType {
  'contact.identified': ContactIdentifiedData;
  'contact.updated': ContactUpdatedData;
  'contact.merged': ContactMergedData;
  'contact.converted': ContactConvertedData;
  'contact.erased': ContactErasedData;
}
export interface ContactIdentifiedData {
  identities: ContactIdentities;
  traits?: ContactTraits;
}
/**
 * Identifiers known for the contact, normalised by ingest (email lower case, phone E.164).
 */
export interface ContactIdentities {
  email?: string;
  phone?: string;
  user_id?: string;
  anonymous_id?: string;
}
/**
 * Profile fields (Segment identify traits): what fit rules match on. Flat names to scalar values, at most 200.
 */
export interface ContactTraits {
  [k: string]: string | number | boolean | null;
}
export interface ContactUpdatedData {
  traits: ContactTraits;
}
export interface ContactMergedData {
  /**
   * The contact key that was merged into this event's subject (e.g. the anonymous id an identify call resolved).
   */
  merged_subject: string;
}
export interface ContactConvertedData {
  /**
   * What the conversion was (trial_started, demo_booked, order_completed, ...).
   */
  conversion?: string;
  /**
   * Monetary value, if any.
   */
  value?: number;
  currency?: string;
}
/**
 * The contact was erased (DELETE /v1/contacts/{contact} of the api, which alone publishes this type; ingest refuses it): every consumer forgets it. No personal data beyond the subject; the event id names the erasure.
 */
export interface ContactErasedData {}
