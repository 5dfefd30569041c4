import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createEventValidator } from '@leadscore/contracts';
import { checkBatch, MappingFailure } from '../batch/event-batch.js';
import { parseFormBody } from '../http/request-body.js';
import { mapMailgunEvent } from './mailgun.mapper.js';
import { mapSendgridEvents } from './sendgrid.mapper.js';
import { mapTwilioWebhook } from './twilio.mapper.js';
import { mapZoomEvent } from './zoom.mapper.js';

const example = (name: string): string =>
  readFileSync(new URL(`../../../../examples/events/${name}`, import.meta.url), 'utf8');
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

describe('SendGrid events', () => {
  const mapping = mapSendgridEvents(JSON.parse(example('sendgrid-events.json')), rules);

  it('maps engagement events, ignores processed at its position, and keeps them all valid', () => {
    if (mapping instanceof MappingFailure) throw new Error('unexpected');
    expect(mapping.ignored).toEqual([
      {
        index: 0,
        id: 'sg-processed-1',
        kind: 'processed',
        label: 'processed',
        reason: expect.stringContaining('SendGrid accepted the message for delivery'),
      },
    ]);
    expect(mapping.positions).toEqual([1, 2, 3, 4, 5]);
    const { results, accepted } = check(mapping.candidates);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(accepted.map((a) => a.event.type)).toEqual([
      'email.delivered',
      'email.opened',
      'email.clicked',
      'email.bounced',
      'email.unsubscribed',
    ]);
    expect(accepted[0]?.event).toMatchObject({
      id: 'sg-delivered-1',
      subject: 'email:ann@example.com',
      time: '2023-11-14T22:13:30.000Z',
    });
  });

  it('marks the MPP open as a machine open and keeps the human click', () => {
    if (mapping instanceof MappingFailure) throw new Error('unexpected');
    expect(mapping.candidates[1]).toMatchObject({
      data: { machine_open: true, machine_open_reason: 'provider_flagged' },
    });
    expect(mapping.candidates[2]).toMatchObject({ data: { bot: false, url: 'https://example.com/pricing' } });
    expect(mapping.candidates[4]).toMatchObject({ data: { scope: 'list', list_id: '42' } });
  });

  it('refuses a body that is not an array and events without an address', () => {
    expect(mapSendgridEvents({}, rules)).toBeInstanceOf(MappingFailure);
    const bad = mapSendgridEvents([{ event: 'delivered', sg_event_id: 'x' }], rules);
    expect(bad).toMatchObject({ candidates: [{ issues: [{ field: 'email' }] }] });
  });
});

describe('Twilio webhooks', () => {
  it('maps an inbound message to sms.replied from the sender', () => {
    const { candidates } = mapTwilioWebhook(
      parseFormBody(Buffer.from(example('twilio-inbound.form.txt').trim())),
      rules,
    );
    expect(candidates).toEqual([
      {
        id: 'SM11111111111111111111111111111111',
        source: '/v1/webhooks/twilio',
        subject: 'phone:+14155550100',
        type: 'sms.replied',
        data: {
          message_id: 'SM11111111111111111111111111111111',
          provider: 'twilio',
          sender: '+15005550006',
          body: 'Tell me more',
        },
      },
    ]);
    expect(check(candidates).accepted).toHaveLength(1);
  });

  it('maps STOP to sms.opted_out and status callbacks per status', () => {
    const stop = mapTwilioWebhook(
      parseFormBody(
        Buffer.from('MessageSid=SM1&SmsStatus=received&Body=stop&From=%2B14155550100&To=%2B15005550006'),
      ),
      rules,
    );
    expect(stop.candidates[0]).toMatchObject({ type: 'sms.opted_out', data: { keyword: 'STOP' } });
    const delivered = mapTwilioWebhook(
      parseFormBody(Buffer.from(example('twilio-status.form.txt').trim())),
      rules,
    );
    expect(delivered.candidates[0]).toMatchObject({
      id: 'SM22222222222222222222222222222222:delivered',
      type: 'sms.delivered',
      subject: 'phone:+14155550100',
    });
    expect(
      mapTwilioWebhook(
        parseFormBody(Buffer.from('MessageSid=SM3&MessageStatus=queued&To=%2B14155550100')),
        rules,
      ),
    ).toEqual({
      candidates: [],
      positions: [],
      ignored: [
        {
          index: 0,
          id: 'SM3',
          kind: 'queued',
          label: 'queued',
          reason: expect.stringContaining('an intermediate state'),
        },
      ],
    });
  });
});

describe('Zoom webinar events', () => {
  it('maps participant_joined to webinar.attended for the participant email', () => {
    const { candidates } = mapZoomEvent(
      JSON.parse(example('zoom-participant-joined.json')) as Record<string, unknown>,
      rules,
    );
    expect(candidates[0]).toEqual({
      id: 'webinar.participant_joined:89001234567:pu-1:1700000000000',
      source: '/v1/webhooks/zoom',
      subject: 'email:ann@example.com',
      type: 'webinar.attended',
      time: '2023-11-14T22:13:20.000Z',
      data: {
        webinar_id: '89001234567',
        topic: 'Lead scoring 101',
        provider: 'zoom',
        participant_id: 'pu-1',
        joined_at: '2026-11-23T10:00:00Z',
      },
    });
    expect(check(candidates).accepted).toHaveLength(1);
  });

  it('ignores other Zoom events, naming them, under the metric label "other"', () => {
    expect(mapZoomEvent({ event: 'meeting.started' }, rules)).toEqual({
      candidates: [],
      positions: [],
      ignored: [
        {
          index: 0,
          kind: 'meeting.started',
          label: 'other',
          reason: 'Zoom event "meeting.started" is not one ingest maps to a lead event',
        },
      ],
    });
    expect(mapZoomEvent({ event: 'constructor' }, rules).ignored).toMatchObject([{ label: 'other' }]);
  });
});

describe('Mailgun events', () => {
  it('maps opened with the recipient, keeping a real iPhone open human', () => {
    const body = JSON.parse(example('mailgun-opened.json')) as { 'event-data': Record<string, unknown> };
    const { candidates } = mapMailgunEvent(body['event-data'], rules);
    expect(candidates[0]).toMatchObject({
      id: 'Ase7i2zsRYeDXztHGENqRA',
      subject: 'email:alice@example.com',
      type: 'email.opened',
      data: {
        machine_open: false,
        message_id: '20130503182626.18666.16540@example.com',
        provider: 'mailgun',
      },
    });
    expect(check(candidates).accepted).toHaveLength(1);
  });

  it('maps failed by severity', () => {
    const { candidates } = mapMailgunEvent(
      { event: 'failed', id: 'f1', severity: 'temporary', recipient: 'a@b.co', timestamp: 1 },
      rules,
    );
    expect(candidates[0]).toMatchObject({ type: 'email.bounced', data: { bounce_type: 'soft' } });
  });
});

describe('hostile provider events', () => {
  it('refuses the SendGrid events with hostile content one by one, mapping the others', () => {
    const events = JSON.parse(example('sendgrid-events.json')) as Record<string, unknown>[];
    const hostile = JSON.parse(
      `{"event":"open","sg_event_id":"sg-hostile","email":"ann@example.com","useragent":"a\\u0000b"}`,
    ) as Record<string, unknown>;
    const delivered = events.find((e) => e['event'] === 'delivered');
    const mapping = mapSendgridEvents([delivered, hostile, delivered], rules);
    if (mapping instanceof MappingFailure) throw new Error('unexpected');
    expect(mapping.candidates[1]).toMatchObject({
      id: 'sg-hostile',
      original: hostile,
      issues: [{ field: 'useragent', expected: expect.stringContaining('NUL') }],
    });
    expect(check(mapping.candidates).results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'duplicate',
    ]);
  });
});
