/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/sms.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The `data` of every sms.* event, keyed by event type.
 */
export interface SmsEventDataByType {
  'sms.sent': SmsSentData;
  'sms.delivered': SmsDeliveredData;
  'sms.replied': SmsRepliedData;
  'sms.opted_out': SmsOptedOutData;
}
export interface SmsSentData {
  /**
   * The provider's message id (Twilio MessageSid).
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event.
   */
  provider?: 'twilio' | 'segment' | 'api';
  /**
   * The number or sender id the message was sent from or to on our side.
   */
  sender?: string;
}
export interface SmsDeliveredData {
  /**
   * The provider's message id (Twilio MessageSid).
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event.
   */
  provider?: 'twilio' | 'segment' | 'api';
  /**
   * The number or sender id the message was sent from or to on our side.
   */
  sender?: string;
}
export interface SmsRepliedData {
  /**
   * The provider's message id (Twilio MessageSid).
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event.
   */
  provider?: 'twilio' | 'segment' | 'api';
  /**
   * The number or sender id the message was sent from or to on our side.
   */
  sender?: string;
  /**
   * The reply text.
   */
  body?: string;
}
export interface SmsOptedOutData {
  /**
   * The provider's message id (Twilio MessageSid).
   */
  message_id?: string;
  campaign_id?: string;
  /**
   * Which integration reported the event.
   */
  provider?: 'twilio' | 'segment' | 'api';
  /**
   * The number or sender id the message was sent from or to on our side.
   */
  sender?: string;
  /**
   * The opt-out keyword the contact sent (STOP, UNSUBSCRIBE, ...).
   */
  keyword?: string;
}
