import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '@leadscore/contracts';
import {
  compact,
  ignoredEvent,
  oneEvent,
  subjectFor,
  type Candidate,
  type IgnoreReasons,
  type ProviderMapping,
} from './provider-mapping.js';

export const TWILIO_SOURCE = '/v1/webhooks/twilio';

const INTERMEDIATE = (status: string) => (): string =>
  `Twilio status "${status}": an intermediate state of the message; its sent or delivered status is the one mapped`;

/**
 * Message statuses that are no lead event, and why (README: provider table). Each is listed in the
 * response and counted in `leadscore_ingest_ignored_events_total{provider="twilio",kind}`.
 */
const IGNORED: IgnoreReasons<undefined> = {
  accepted: INTERMEDIATE('accepted'),
  scheduled: INTERMEDIATE('scheduled'),
  queued: INTERMEDIATE('queued'),
  sending: INTERMEDIATE('sending'),
  receiving: INTERMEDIATE('receiving'),
  failed: () =>
    'Twilio status "failed": the message was never sent, so the contact did nothing (leadscore has no SMS failure event)',
  undelivered: () =>
    'Twilio status "undelivered": the carrier could not deliver the message, so the contact did nothing (leadscore has no SMS failure event)',
  canceled: () => 'Twilio status "canceled": the scheduled message was canceled before it was sent',
  read: () => 'Twilio status "read" (a WhatsApp or RCS read receipt): leadscore has no SMS read event yet',
};

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
    return oneEvent(new MappingFailure([{ field: 'MessageSid', expected: 'the Twilio message SID' }]));
  const status = get('MessageStatus') ?? get('SmsStatus');
  const inbound = status === 'received' || (get('Body') !== undefined && get('MessageStatus') === undefined);

  if (inbound) {
    const subject = subjectFor('phone', get('From'), 'From', rules, sid);
    if (subject instanceof MappingFailure) return oneEvent(subject);
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
    return oneEvent(candidate);
  }

  const type = status === 'sent' ? 'sms.sent' : status === 'delivered' ? 'sms.delivered' : undefined;
  if (!type)
    return {
      candidates: [],
      positions: [],
      ignored: [ignoredEvent('Twilio', status ?? '', IGNORED, undefined, 0, sid)],
    };
  const subject = subjectFor('phone', get('To'), 'To', rules, sid);
  if (subject instanceof MappingFailure) return oneEvent(subject);
  return oneEvent({
    id: `${sid}:${status}`,
    source: TWILIO_SOURCE,
    subject,
    type,
    data: compact({ message_id: sid, provider: 'twilio', sender: get('From') }),
  });
}
