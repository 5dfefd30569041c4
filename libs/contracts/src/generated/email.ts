/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/email.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every email.* event, keyed by event type.
 */
export interface EmailEventDataByType {
  'email.delivered': EmailDeliveredData;
  'email.opened': EmailOpenedData;
  'email.clicked': EmailClickedData;
  'email.bounced': EmailBouncedData;
  'email.unsubscribed': EmailUnsubscribedData;
  'email.spam_reported': EmailSpamReportedData;
}
export interface EmailDeliveredData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
}
export interface EmailOpenedData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
  /**
   * True when the open was most likely made by a machine (Apple Mail Privacy Protection proxy, security scanner, bot user agent). Kept, not dropped: the scoring model decides.
   */
  machine_open?: boolean;
  /**
   * Why the open was classified as a machine open.
   */
  machine_open_reason?: string;
  user_agent?: string;
}
export interface EmailClickedData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
  /**
   * The link that was clicked.
   */
  url: string;
  /**
   * True when the click most likely came from a link scanner or bot rather than a person.
   */
  bot?: boolean;
  bot_reason?: string;
  user_agent?: string;
}
export interface EmailBouncedData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
  /**
   * hard: address does not exist; soft: temporary failure; blocked: rejected by the receiving server.
   */
  bounce_type: 'hard' | 'soft' | 'blocked';
  reason?: string;
}
export interface EmailUnsubscribedData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
  /**
   * list: one mailing list or group; all: every marketing email.
   */
  scope?: 'list' | 'all';
  list_id?: string;
}
export interface EmailSpamReportedData {
  /**
   * The provider's or sender's message id.
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event (`link`: a signed click-tracking link, GET /v1/click).
   */
  provider?: 'sendgrid' | 'mailgun' | 'pixel' | 'link' | 'segment' | 'api';
}
