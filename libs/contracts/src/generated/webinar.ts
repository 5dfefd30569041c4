/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/webinar.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every webinar.* event, keyed by event type.
 */
export interface WebinarEventDataByType {
  'webinar.registered': WebinarRegisteredData;
  'webinar.attended': WebinarAttendedData;
  'webinar.left': WebinarLeftData;
}
export interface WebinarRegisteredData {
  /**
   * The webinar (Zoom webinar id).
   */
  webinar_id: string;
  topic?: string;
  provider?: 'zoom' | 'segment' | 'api';
  /**
   * The provider's registrant or participant id.
   */
  participant_id?: string;
  /**
   * When the webinar starts.
   */
  starts_at?: string;
}
export interface WebinarAttendedData {
  /**
   * The webinar (Zoom webinar id).
   */
  webinar_id: string;
  topic?: string;
  provider?: 'zoom' | 'segment' | 'api';
  /**
   * The provider's registrant or participant id.
   */
  participant_id?: string;
  joined_at?: string;
}
export interface WebinarLeftData {
  /**
   * The webinar (Zoom webinar id).
   */
  webinar_id: string;
  topic?: string;
  provider?: 'zoom' | 'segment' | 'api';
  /**
   * The provider's registrant or participant id.
   */
  participant_id?: string;
  left_at?: string;
  /**
   * How long the contact attended, when the provider reports it.
   */
  duration_seconds?: number;
}
