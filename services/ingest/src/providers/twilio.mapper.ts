import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '../identity/contact-identity.js';
import { compact, subjectFor, type Candidate, type ProviderMapping } from './provider-mapping.js';

export const TWILIO_SOURCE = '/v1/webhooks/twilio';

/** Keywords Twilio's Advanced Opt-Out treats as opt-out by default. */
const OPT_OUT_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'REVOKE',
]);

/**
 * Twilio Messaging webhooks (form-encoded): an inbound message (`SmsStatus=received`) is a reply or
 * an opt-out from `From`; a status callback (`MessageStatus`) is about the message sent `To` the
 * contact. A status callback repeats the MessageSid, so the event id is `MessageSid:status`.
 */
export function mapTwilioWebhook(
  params: ReadonlyMap<string, readonly string[]>,
  rules: IdentityRules,
): ProviderMapping {
  const get = (name: string): string | undefined => params.get(name)?.[0];
  const sid = get('MessageSid') ?? get('SmsSid');
  if (!sid)
    return {
      candidates: [new MappingFailure([{ field: 'MessageSid', expected: 'the Twilio message SID' }])],
      ignored: 0,
    };
  const status = get('MessageStatus') ?? get('SmsStatus');
  const inbound = status === 'received' || (get('Body') !== undefined && get('MessageStatus') === undefined);

  if (inbound) {
    const subject = subjectFor('phone', get('From'), 'From', rules, sid);
    if (subject instanceof MappingFailure) return { candidates: [subject], ignored: 0 };
    const body = get('Body') ?? '';
    const keyword = body.trim().toUpperCase();
    const optOut = get('OptOutType') === 'STOP' || OPT_OUT_KEYWORDS.has(keyword);
    const common = { message_id: sid, provider: 'twilio', sender: get('To') };
    const candidate: Candidate = {
      id: sid,
      source: TWILIO_SOURCE,
      subject,
      type: optOut ? 'sms.opted_out' : 'sms.replied',
      data: compact(optOut ? { ...common, keyword } : { ...common, body }),
    };
    return { candidates: [candidate], ignored: 0 };
  }

  const type = status === 'sent' ? 'sms.sent' : status === 'delivered' ? 'sms.delivered' : undefined;
  // queued, sending, failed, undelivered, read...: not engagement.
  if (!type) return { candidates: [], ignored: 1 };
  const subject = subjectFor('phone', get('To'), 'To', rules, sid);
  if (subject instanceof MappingFailure) return { candidates: [subject], ignored: 0 };
  return {
    candidates: [
      {
        id: `${sid}:${status}`,
        source: TWILIO_SOURCE,
        subject,
        type,
        data: compact({ message_id: sid, provider: 'twilio', sender: get('From') }),
      },
    ],
    ignored: 0,
  };
}
