import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '../identity/contact-identity.js';
import { isPlainObject } from '../http/request-body.js';
import { classifyOpen } from '../traffic/machine-traffic.js';
import {
  clickedData,
  compact,
  openedData,
  str,
  subjectFor,
  unixToIso,
  type ProviderMapping,
} from './provider-mapping.js';

export const MAILGUN_SOURCE = '/v1/webhooks/mailgun';

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
      const status = isPlainObject(eventData['delivery-status']) ? eventData['delivery-status'] : {};
      type = 'email.bounced';
      data = {
        ...ref,
        bounce_type: eventData['severity'] === 'temporary' ? 'soft' : 'hard',
        reason: str(eventData['reason']) ?? str(status['description']),
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
      return { candidates: [], ignored: 1 };
  }
  if (!id)
    return {
      candidates: [new MappingFailure([{ field: 'event-data.id', expected: 'the Mailgun event id' }])],
      ignored: 0,
    };
  const subject = subjectFor('email', eventData['recipient'], 'event-data.recipient', rules, id);
  if (subject instanceof MappingFailure) return { candidates: [subject], ignored: 0 };
  return {
    candidates: [
      compact({
        id,
        source: MAILGUN_SOURCE,
        subject,
        type,
        time: unixToIso(eventData['timestamp']),
        data: compact(data),
      }),
    ],
    ignored: 0,
  };
}

function firstTag(eventData: Record<string, unknown>): string | undefined {
  const campaigns = eventData['campaigns'];
  if (Array.isArray(campaigns) && isPlainObject(campaigns[0])) return str(campaigns[0]['id']);
  return undefined;
}
