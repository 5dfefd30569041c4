/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/web.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every web.* event, keyed by event type.
 */
export interface WebEventDataByType {
  'web.page_viewed': WebPageViewedData;
  'web.form_submitted': WebFormSubmittedData;
  'web.link_clicked': WebLinkClickedData;
}
/**
 * A page view names its page: `url`, or at least the page `name` (a Segment page call sent by hand may carry only its name).
 */
export interface WebPageViewedData {
  url?: string;
  referrer?: string;
  user_agent?: string;
  /**
   * True when the user agent is a known bot, crawler or headless browser. Kept, not dropped: the scoring model decides.
   */
  bot?: boolean;
  bot_reason?: string;
  utm?: Utm;
  title?: string;
  path?: string;
  /**
   * Page name (Segment page `name`).
   */
  name?: string;
}
/**
 * Campaign parameters of the page (Segment context.campaign).
 */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}
export interface WebFormSubmittedData {
  url?: string;
  referrer?: string;
  user_agent?: string;
  /**
   * True when the user agent is a known bot, crawler or headless browser. Kept, not dropped: the scoring model decides.
   */
  bot?: boolean;
  bot_reason?: string;
  utm?: Utm;
  form_id: string;
  /**
   * Submitted form fields (names to scalar values).
   */
  fields?: {
    [k: string]: string | number | boolean | null;
  };
}
export interface WebLinkClickedData {
  url: string;
  referrer?: string;
  user_agent?: string;
  /**
   * True when the user agent is a known bot, crawler or headless browser. Kept, not dropped: the scoring model decides.
   */
  bot?: boolean;
  bot_reason?: string;
  utm?: Utm;
  /**
   * Link text.
   */
  text?: string;
  /**
   * The page the link was on.
   */
  page_url?: string;
}
