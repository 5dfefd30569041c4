import { describe, expect, it } from '@jest/globals';
import { createEventValidator } from '@leadscore/contracts';
import { mailgunExample, sendgridExample, zoomRegistrationExample } from '../../test/provider-fixtures.js';
import { checkBatch, MappingFailure } from '../batch/event-batch.js';
import { mapMailgunEvent } from './mailgun.mapper.js';
import { smtpReason, type ProviderMapping } from './provider-mapping.js';
import { deliveryOf, senderResults } from './provider-receipt.js';
import { mapSendgridEvents } from './sendgrid.mapper.js';
import { mapZoomEvent } from './zoom.mapper.js';

// The providers' own published examples (test/fixtures/README.md): what each event kind becomes.
const rules = { defaultCountry: 'US' };
const check = (candidates: readonly unknown[]) =>
  checkBatch(candidates, {
    workspace: 'acme',
    keyKind: 'secret',
    defaultSource: '/v1/webhooks',
    receivedAt: '2026-11-23T10:00:00.000Z',
    identity: rules,
    maxEventBytes: 32_768,
    validator: createEventValidator(),
  });

function sendgrid(events: readonly unknown[]): ProviderMapping {
  const mapping = mapSendgridEvents(events, rules);
  if (mapping instanceof MappingFailure) throw new Error('a SendGrid array is a delivery');
  return mapping;
}

describe('SendGrid Event Webhook Reference examples', () => {
  it.each([
    ['delivered', 'email.delivered', {}],
    ['open', 'email.opened', { machine_open: false }],
    ['click', 'email.clicked', { url: 'http://example.com/blog/news.html', bot: false }],
    ['bounce', 'email.bounced', { bounce_type: 'hard', reason: '500 unknown recipient' }],
    ['blocked', 'email.bounced', { bounce_type: 'blocked', reason: '500 unknown recipient' }],
    ['spamreport', 'email.spam_reported', {}],
    ['unsubscribe', 'email.unsubscribed', { scope: 'all' }],
    ['group_unsubscribe', 'email.unsubscribed', { scope: 'list', list_id: '10' }],
  ])('"%s" becomes a valid %s', (kind, type, data) => {
    const { candidates, ignored } = sendgrid([sendgridExample(kind)]);
    expect(ignored).toEqual([]);
    const { accepted } = check(candidates);
    expect(accepted.map((a) => a.event)).toMatchObject([
      { type, source: '/v1/webhooks/sendgrid', data: { provider: 'sendgrid', ...data } },
    ]);
  });

  it.each([
    ['processed', 'SendGrid accepted the message for delivery'],
    ['deferred', 'SendGrid retries it'],
    ['dropped', 'SendGrid "dropped" (Bounced Address): SendGrid did not send the message'],
    [
      'group_resubscribe',
      'SendGrid "group_resubscribe" (group 10): a re-subscribe cannot undo the earlier email.unsubscribed',
    ],
    ['account_status_change', '(compliance_suspend): about the SendGrid account, not a contact'],
  ])('"%s" is ignored, saying why', (kind, reason) => {
    const event = sendgridExample(kind);
    expect(sendgrid([event])).toEqual({
      candidates: [],
      positions: [],
      ignored: [
        { index: 0, id: event['sg_event_id'], kind, label: kind, reason: expect.stringContaining(reason) },
      ],
    });
  });

  it("answers every event of a delivery at the sender's position, the ignored ones included", () => {
    const kinds = ['processed', 'delivered', 'deferred', 'bounce', 'group_resubscribe', 'blocked', 'open'];
    const mapping = sendgrid(kinds.map(sendgridExample));
    const results = senderResults(check(mapping.candidates).results, deliveryOf('sendgrid', mapping));
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 'ignored'],
      [1, 'accepted'],
      [2, 'ignored'],
      [3, 'accepted'],
      [4, 'ignored'],
      // The documentation's blocked example reuses the bounce example's sg_event_id.
      [5, 'duplicate'],
      [6, 'accepted'],
    ]);
    expect(results[5]).toEqual({
      index: 5,
      id: '6g4ZI7SA-xmRDv57GoPIPw==',
      status: 'duplicate',
      duplicateOf: 3,
    });
    expect(results[4]).toEqual({
      index: 4,
      id: 'w_u0vJhLT-OFfprar5N93g==',
      status: 'ignored',
      kind: 'group_resubscribe',
      reason: expect.stringContaining('cannot undo'),
    });
  });

  it('names a kind it does not know, under the metric label "other"', () => {
    const event = { ...sendgridExample('delivered'), event: 'machine_learning_opened' };
    expect(sendgrid([event]).ignored).toEqual([
      {
        index: 0,
        id: 'rWVYmVk90MjZJ9iohOBa3w==',
        kind: 'machine_learning_opened',
        label: 'other',
        reason: 'SendGrid event "machine_learning_opened" is not one ingest maps to a lead event',
      },
    ]);
  });
});

describe("Zoom's webinar.registration_created example", () => {
  const example = zoomRegistrationExample();
  const id = 'webinar.registration_created:1234567890:iFxeBPYun6SAiWUzBcEkX:1626230691572';

  it("becomes webinar.registered and a contact.updated with the registrant's profile, both valid", () => {
    const mapping = mapZoomEvent(example, rules);
    expect(mapping.positions).toEqual([0, 0]);
    const { accepted } = check(mapping.candidates);
    expect(accepted.map((a) => a.event)).toEqual([
      expect.objectContaining({
        id,
        type: 'webinar.registered',
        subject: 'email:jchill@example.com',
        time: '2021-07-14T02:44:51.572Z',
        data: {
          webinar_id: '1234567890',
          topic: 'My Webinar',
          provider: 'zoom',
          participant_id: 'iFxeBPYun6SAiWUzBcEkX',
          starts_at: '2021-07-13T21:44:51Z',
        },
      }),
      expect.objectContaining({
        id: `${id}:profile`,
        type: 'contact.updated',
        subject: 'email:jchill@example.com',
        time: '2021-07-14T02:44:51.572Z',
        data: {
          traits: {
            company: 'Cooking Org',
            jobTitle: 'Chef',
            industry: 'Food',
            employees: '1-20',
            purchaseTimeframe: '1-3 months',
            roleInPurchaseProcess: 'Influencer',
            phone: '5550100',
            city: 'Mountain View',
            state: 'CA',
            zip: '94045',
            country: 'US',
          },
        },
      }),
    ]);
  });

  it('gives a redelivery the same ids, so consumers dedupe it', () => {
    const ids = (body: Record<string, unknown>) =>
      mapZoomEvent(body, rules).candidates.map((c) => (c instanceof MappingFailure ? c : c['id']));
    expect(ids(zoomRegistrationExample())).toEqual(ids(example));
  });

  it('leaves out the questions the form did not ask, and the profile event when none was', () => {
    const bare = structuredClone(example);
    const registrant = bare.payload.object['registrant'] as Record<string, unknown>;
    for (const field of ['org', 'job_title', 'industry', 'phone', 'city', 'state', 'zip', 'country'])
      registrant[field] = '';
    expect(mapZoomEvent(bare, rules).candidates[1]).toMatchObject({
      data: {
        traits: { employees: '1-20', purchaseTimeframe: '1-3 months', roleInPurchaseProcess: 'Influencer' },
      },
    });
    for (const field of ['no_of_employees', 'purchasing_time_frame', 'role_in_purchase_process'])
      registrant[field] = '';
    expect(mapZoomEvent(bare, rules).candidates.map((c) => (c as Record<string, unknown>)['type'])).toEqual([
      'webinar.registered',
    ]);
  });
});

describe('Mailgun Webhook Payloads examples', () => {
  const map = (name: string) => mapMailgunEvent(mailgunExample(name), rules);

  it.each([
    ['delivered', 'email.delivered', {}],
    ['opened', 'email.opened', {}],
    ['clicked', 'email.clicked', { url: 'https://sample.mailgun.com' }],
    ['unsubscribed', 'email.unsubscribed', { scope: 'all' }],
    ['complained', 'email.spam_reported', {}],
    [
      'permanent-failed',
      'email.bounced',
      {
        bounce_type: 'hard',
        reason:
          '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN3PEPF0000B36D.namprd21.prod.outlook.com 2026-02-12T17:42:55.527Z 08DE657A58651558]',
      },
    ],
    [
      'temporary-failed',
      'email.bounced',
      {
        bounce_type: 'soft',
        reason:
          '421 Your IP (161.38.194.10) is temporary blacklisted by an anti-troyan rule, retry later and/or visit http://sample.mailgun.com/',
      },
    ],
  ])('"%s" becomes a valid %s', (name, type, data) => {
    const { accepted } = check(map(name).candidates);
    expect(accepted.map((a) => a.event)).toMatchObject([{ type, data: { provider: 'mailgun', ...data } }]);
  });

  it('keeps the SMTP description when the reply has no message, and Mailgun’s reason when there is no reply', () => {
    const failed = mailgunExample('permanent-failed');
    const status = failed['delivery-status'] as Record<string, unknown>;
    const withDescription = {
      ...failed,
      'delivery-status': { ...status, message: '', description: 'No MX for [example.com]', code: 498 },
    };
    expect(mapMailgunEvent(withDescription, rules).candidates[0]).toMatchObject({
      data: { reason: '498 No MX for [example.com]' },
    });
    const { 'delivery-status': _dropped, ...withoutStatus } = failed;
    expect(mapMailgunEvent(withoutStatus, rules).candidates[0]).toMatchObject({ data: { reason: 'bounce' } });
  });

  it('ignores "accepted" and a failure Mailgun never attempted (a suppressed address), saying why', () => {
    expect(map('accepted').ignored).toEqual([
      {
        index: 0,
        id: 'CCXMjJ7nQi2N3BPigGOdgQ',
        kind: 'accepted',
        label: 'accepted',
        reason: expect.stringContaining('Mailgun queued the message'),
      },
    ]);
    // The permanent failure example, as Mailgun reports an address it suppressed (code 605).
    const failed = mailgunExample('permanent-failed');
    const suppressed = {
      ...failed,
      reason: 'suppress-bounce',
      'delivery-status': {
        'attempt-no': 1,
        message: '',
        code: 605,
        description: 'Not delivering to previously bounced address',
      },
    };
    expect(mapMailgunEvent(suppressed, rules)).toEqual({
      candidates: [],
      positions: [],
      ignored: [
        {
          index: 0,
          id: '2kFItcrLQuKTdp-Ia2Xr7w',
          kind: 'failed',
          label: 'failed',
          reason: expect.stringContaining('"failed" (suppress-bounce): Mailgun did not send the message'),
        },
      ],
    });
  });
});

describe('SMTP replies on email.bounced', () => {
  it('are kept within the contract’s 2048 characters, never cutting a character in two', () => {
    expect(smtpReason('550', 'x'.repeat(3000))).toBe(`550 ${'x'.repeat(2043)}…`);
    // "550 " + 2042 characters: the cut falls between the two halves of the emoji, which goes whole.
    expect(smtpReason('550', `${'x'.repeat(2042)}😀 and more`)).toBe(`550 ${'x'.repeat(2042)}…`);
    expect(smtpReason(undefined, undefined)).toBeUndefined();
    expect(smtpReason('250', '')).toBe('250');
  });
});
