import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '@leadscore/contracts';
import { isPlainObject } from '../http/request-body.js';
import { classifyOpen } from '../traffic/machine-traffic.js';
import {
  clickedData,
  compact,
  ignoredEvent,
  oneEvent,
  openedData,
  smtpReason,
  str,
  subjectFor,
  unixToIso,
  type IgnoreReasons,
  type ProviderMapping,
} from './provider-mapping.js';

export const MAILGUN_SOURCE = '/v1/webhooks/mailgun';

/**
 * Mailgun event kinds that are no lead event, and why (README: provider table). Each is listed in the
 * response and counted in `leadscore_ingest_ignored_events_total{provider="mailgun",kind}`.
 */
const IGNORED: IgnoreReasons<Record<string, unknown>> = {
  accepted: () =>
    'Mailgun "accepted": Mailgun queued the message for delivery; nothing the contact did (its delivered or failed event follows)',
  rejected: () => 'Mailgun "rejected": Mailgun refused to send the message, so the contact did nothing',
  stored: () => 'Mailgun "stored": an inbound message was stored; not about a message sent to a contact',
  failed: (e) =>
    `Mailgun "failed" (${str(e['reason']) ?? 'suppressed'}): Mailgun did not send the message because the address is on a suppression list, so the contact did nothing; the bounce, unsubscribe or complaint behind it was mapped when it happened`,
  list_member_uploaded: () => 'Mailgun "list_member_uploaded": about a mailing list, not a contact action',
  list_member_upload_error: () =>
    'Mailgun "list_member_upload_error": about a mailing list, not a contact action',
  list_uploaded: () => 'Mailgun "list_uploaded": about a mailing list, not a contact action',
};

/** Mailgun webhooks (JSON): `{ signature: {...}, "event-data": {...} }`, one event per request. */
export function mapMailgunEvent(eventData: Record<string, unknown>, rules: IdentityRules): ProviderMapping {
  const id = str(eventData['id']);
  const message = isPlainObject(eventData['message']) ? eventData['message'] : {};
  const headers = isPlainObject(message['headers']) ? message['headers'] : {};
  const client = isPlainObject(eventData['client-info']) ? eventData['client-info'] : {};
  const userAgent = str(client['user-agent']);
  const ref = {
    message_id: str(headers['message-id']),
    campaign_id: firstTag(eventData),
    provider: 'mailgun',
  };
  let type: string;
  let data: Record<string, unknown>;
  switch (str(eventData['event']) ?? '') {
    case 'delivered':
      type = 'email.delivered';
      data = ref;
      break;
    case 'opened':
      type = 'email.opened';
      data = openedData(ref, userAgent, classifyOpen({ userAgent, ip: str(eventData['ip']) }));
      break;
    case 'clicked':
      type = 'email.clicked';
      data = clickedData(ref, userAgent, str(eventData['url']));
      break;
    case 'failed': {
      // suppress-bounce, suppress-unsubscribe, suppress-complaint: never attempted (SendGrid's "dropped").
      if (str(eventData['reason'])?.startsWith('suppress-')) return ignored(eventData, id);
      const status = isPlainObject(eventData['delivery-status']) ? eventData['delivery-status'] : {};
      type = 'email.bounced';
      data = {
        ...ref,
        bounce_type: eventData['severity'] === 'temporary' ? 'soft' : 'hard',
        // The receiving server's SMTP reply, as SendGrid's bounces keep it ("550 5.1.1 ..."); Mailgun's
        // own one-word reason ("bounce", "generic") only when there is no reply.
        reason:
          smtpReason(str(status['code']), str(status['message']) ?? str(status['description'])) ??
          str(eventData['reason']),
      };
      break;
    }
    case 'unsubscribed':
      type = 'email.unsubscribed';
      data = { ...ref, scope: 'all' };
      break;
    case 'complained':
      type = 'email.spam_reported';
      data = ref;
      break;
    default:
      return ignored(eventData, id);
  }
  if (!id)
    return oneEvent(new MappingFailure([{ field: 'event-data.id', expected: 'the Mailgun event id' }]));
  const subject = subjectFor('email', eventData['recipient'], 'event-data.recipient', rules, id);
  if (subject instanceof MappingFailure) return oneEvent(subject);
  return oneEvent(
    compact({
      id,
      source: MAILGUN_SOURCE,
      subject,
      type,
      time: unixToIso(eventData['timestamp']),
      data: compact(data),
    }),
  );
}

function ignored(eventData: Record<string, unknown>, id: string | undefined): ProviderMapping {
  return {
    candidates: [],
    positions: [],
    ignored: [ignoredEvent('Mailgun', str(eventData['event']) ?? '', IGNORED, eventData, 0, id)],
  };
}

function firstTag(eventData: Record<string, unknown>): string | undefined {
  const campaigns = eventData['campaigns'];
  if (Array.isArray(campaigns) && isPlainObject(campaigns[0])) return str(campaigns[0]['id']);
  return undefined;
}
