import { MappingFailure } from '../batch/event-batch.js';
import { hostileContentIssue } from '../batch/hostile-content.js';
import type { IdentityRules } from '@leadscore/contracts';
import { isPlainObject } from '../http/request-body.js';
import { classifyOpen } from '../traffic/machine-traffic.js';
import {
  clickedData,
  compact,
  ignoredEvent,
  openedData,
  smtpReason,
  str,
  subjectFor,
  unixToIso,
  type Candidate,
  type IgnoredEvent,
  type IgnoreReasons,
  type ProviderMapping,
} from './provider-mapping.js';

export const SENDGRID_SOURCE = '/v1/webhooks/sendgrid';

/**
 * SendGrid event kinds that are no lead event, and why (README: provider table). Each is listed in
 * the response and counted in `leadscore_ingest_ignored_events_total{provider="sendgrid",kind}`.
 */
const IGNORED: IgnoreReasons<Record<string, unknown>> = {
  processed: () =>
    'SendGrid "processed": SendGrid accepted the message for delivery; nothing the contact did (its delivered, bounce or dropped event follows)',
  deferred: () =>
    'SendGrid "deferred": the receiving server delayed the message and SendGrid retries it; the final delivered or bounce event is the one mapped',
  dropped: (e) =>
    `SendGrid "dropped"${str(e['reason']) ? ` (${str(e['reason'])})` : ''}: SendGrid did not send the message, so the contact did nothing; the bounce, unsubscribe or spam report behind it was mapped when it happened`,
  group_resubscribe: (e) =>
    `SendGrid "group_resubscribe"${str(e['asm_group_id']) ? ` (group ${str(e['asm_group_id'])})` : ''}: a re-subscribe cannot undo the earlier email.unsubscribed yet, as leadscore has no event for it; it is reported here and counted instead of vanishing`,
  account_status_change: (e) =>
    `SendGrid "account_status_change"${str(e['type']) ? ` (${str(e['type'])})` : ''}: about the SendGrid account, not a contact`,
};

/**
 * SendGrid Event Webhook: a JSON array of events. `sg_event_id` is the event id; `sg_machine_open`
 * (SendGrid's own Apple MPP detection) and the user agent mark machine opens and scanner clicks.
 */
export function mapSendgridEvents(body: unknown, rules: IdentityRules): ProviderMapping | MappingFailure {
  if (!Array.isArray(body))
    return new MappingFailure([{ field: '(body)', expected: 'a JSON array of SendGrid events' }]);
  const candidates: (Candidate | MappingFailure)[] = [];
  const positions: number[] = [];
  const ignored: IgnoredEvent[] = [];
  (body as unknown[]).forEach((item, index) => {
    const keep = (candidate: Candidate | MappingFailure): void => {
      candidates.push(candidate);
      positions.push(index);
    };
    if (!isPlainObject(item)) {
      keep(new MappingFailure([{ field: '(event)', expected: 'a JSON object' }], undefined, item));
      return;
    }
    const hostile = hostileContentIssue(item, '(event)');
    if (hostile) {
      keep(new MappingFailure([hostile], str(item['sg_event_id']), item));
      return;
    }
    const mapped = mapOne(item, rules);
    if (mapped === 'ignored')
      ignored.push(
        ignoredEvent('SendGrid', str(item['event']) ?? '', IGNORED, item, index, str(item['sg_event_id'])),
      );
    else keep(mapped instanceof MappingFailure ? mapped.about(item) : mapped);
  });
  return { candidates, positions, ignored };
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
      // `reason` is the receiving server's SMTP reply ("500 unknown recipient"), kept as sent.
      data = {
        ...ref,
        bounce_type: e['type'] === 'blocked' ? 'blocked' : 'hard',
        reason: smtpReason(undefined, str(e['reason'])),
      };
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
      // processed, deferred, dropped, group_resubscribe, account_status_change, kinds yet unknown: IGNORED.
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
