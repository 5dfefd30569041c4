/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/custom.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of a custom event: `type` is `custom.<name>` with the team's own event name verbatim (e.g. `custom.Demo Requested`, `custom.Item Purchased`). `data` holds the event's properties as sent, every one of them, so that a model's engagement rule can filter on them (`price`, `plan`, ...). The context fields below have the meaning and the types of the web.* events; they are filled from the page and client of the event (Segment `context.page`, `context.campaign`, `context.userAgent`) when the properties do not name them, and scoring and the bot check read them.
 */
export interface CustomEventData {
  url?: string;
  path?: string;
  referrer?: string;
  title?: string;
  user_agent?: string;
  /**
   * True when the user agent is a known bot, crawler or headless browser. Kept, not dropped: the scoring model decides.
   */
  bot?: boolean;
  bot_reason?: string;
  utm?: Utm;
  [k: string]: unknown;
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
