import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '../identity/contact-identity.js';
import { isPlainObject } from '../http/request-body.js';
import { classifyClick, classifyOpen } from '../traffic/machine-traffic.js';
import { compact, str, subjectFor, unixToIso, type ProviderMapping } from './provider-mapping.js';

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
    case 'opened': {
      const verdict = classifyOpen({ userAgent, ip: str(eventData['ip']) });
      type = 'email.opened';
      data = {
        ...ref,
        user_agent: userAgent,
        machine_open: verdict.machine,
        machine_open_reason: verdict.machine ? verdict.reason : undefined,
      };
      break;
    }
    case 'clicked': {
      const verdict = classifyClick({ userAgent });
      type = 'email.clicked';
      data = {
        ...ref,
        url: str(eventData['url']),
        user_agent: userAgent,
        bot: verdict.machine,
        bot_reason: verdict.machine ? verdict.reason : undefined,
      };
      break;
    }
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
