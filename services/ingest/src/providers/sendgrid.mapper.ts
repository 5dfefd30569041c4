import { MappingFailure } from '../batch/event-batch.js';
import { hostileContentIssue } from '../batch/hostile-content.js';
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
  type Candidate,
  type ProviderMapping,
} from './provider-mapping.js';

export const SENDGRID_SOURCE = '/v1/webhooks/sendgrid';

/**
 * SendGrid Event Webhook: a JSON array of events. `sg_event_id` is the event id; `sg_machine_open`
 * (SendGrid's own Apple MPP detection) and the user agent mark machine opens and scanner clicks.
 */
export function mapSendgridEvents(body: unknown, rules: IdentityRules): ProviderMapping | MappingFailure {
  if (!Array.isArray(body))
    return new MappingFailure([{ field: '(body)', expected: 'a JSON array of SendGrid events' }]);
  const candidates: (Candidate | MappingFailure)[] = [];
  let ignored = 0;
  for (const item of body as unknown[]) {
    if (!isPlainObject(item)) {
      candidates.push(new MappingFailure([{ field: '(event)', expected: 'a JSON object' }], undefined, item));
      continue;
    }
    const hostile = hostileContentIssue(item, '(event)');
    if (hostile) {
      candidates.push(new MappingFailure([hostile], str(item['sg_event_id']), item));
      continue;
    }
    const mapped = mapOne(item, rules);
    if (mapped === 'ignored') ignored += 1;
    else candidates.push(mapped instanceof MappingFailure ? mapped.about(item) : mapped);
  }
  return { candidates, ignored };
}

function mapOne(e: Record<string, unknown>, rules: IdentityRules): Candidate | MappingFailure | 'ignored' {
  const id = str(e['sg_event_id']);
  const ref = {
    message_id: str(e['sg_message_id']),
    campaign_id: str(e['marketing_campaign_id']) ?? str(e['singlesend_id']),
    provider: 'sendgrid',
  };
  const userAgent = str(e['useragent']);
  let type: string;
  let data: Record<string, unknown>;
  switch (str(e['event']) ?? '') {
    case 'delivered':
      type = 'email.delivered';
      data = ref;
      break;
    case 'open':
      type = 'email.opened';
      data = openedData(
        ref,
        userAgent,
        classifyOpen({ userAgent, providerSaysMachine: e['sg_machine_open'] === true }),
      );
      break;
    case 'click':
      type = 'email.clicked';
      data = clickedData(ref, userAgent, str(e['url']));
      break;
    case 'bounce':
      type = 'email.bounced';
      data = { ...ref, bounce_type: e['type'] === 'blocked' ? 'blocked' : 'hard', reason: str(e['reason']) };
      break;
    case 'spamreport':
      type = 'email.spam_reported';
      data = ref;
      break;
    case 'unsubscribe':
      type = 'email.unsubscribed';
      data = { ...ref, scope: 'all' };
      break;
    case 'group_unsubscribe':
      type = 'email.unsubscribed';
      data = { ...ref, scope: 'list', list_id: str(e['asm_group_id']) };
      break;
    default:
      // processed, dropped, deferred, group_resubscribe: nothing the scoring model uses.
      return 'ignored';
  }
  if (!id) return new MappingFailure([{ field: 'sg_event_id', expected: 'the SendGrid event id' }]);
  const subject = subjectFor('email', e['email'], 'email', rules, id);
  if (subject instanceof MappingFailure) return subject;
  return compact({
    id,
    source: SENDGRID_SOURCE,
    type,
    subject,
    time: unixToIso(e['timestamp']),
    data: compact(data),
  });
}
