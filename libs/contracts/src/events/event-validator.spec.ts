import { describe, expect, it } from '@jest/globals';
import { createEventValidator } from './event-validator.js';
import { eventKey, isOutcomeEventType } from './canonical-event.js';

const validator = createEventValidator();

const opened = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/v1/events',
  type: 'email.opened',
  time: '2026-11-23T10:00:00Z',
  subject: 'email:ann@example.com',
  workspace: 'acme',
  data: { message_id: 'm-1', machine_open: false },
};

describe('event validator', () => {
  it('knows every canonical type of ARCHITECTURE.md, and the erasure', () => {
    expect([...validator.eventTypes].sort()).toEqual(
      [
        'email.delivered',
        'email.opened',
        'email.clicked',
        'email.bounced',
        'email.unsubscribed',
        'email.spam_reported',
        'sms.sent',
        'sms.delivered',
        'sms.replied',
        'sms.opted_out',
        'web.page_viewed',
        'web.form_submitted',
        'web.link_clicked',
        'webinar.registered',
        'webinar.attended',
        'webinar.left',
        'contact.identified',
        'contact.updated',
        'contact.merged',
        'contact.converted',
        // Published by the api's erasure (DELETE /v1/contacts/{contact}) alone; ingest refuses it.
        'contact.erased',
        'outcome.sales_accepted',
        'outcome.sales_rejected',
        'outcome.converted',
        'outcome.won',
        'outcome.lost',
      ].sort(),
    );
  });

  it('accepts a valid event and keys it workspace:contact', () => {
    const result = validator.validate(opened);
    expect(result.valid).toBe(true);
    if (result.valid) expect(eventKey(result.event)).toBe('acme:email:ann@example.com');
  });

  it('names the missing field and what is expected', () => {
    const { subject: _subject, ...withoutSubject } = opened;
    expect(validator.validate(withoutSubject)).toEqual({
      valid: false,
      issues: [{ field: 'subject', expected: 'a value (the field is required)' }],
    });
  });

  it('checks data against the schema of its type', () => {
    expect(validator.validate({ ...opened, type: 'email.clicked' })).toEqual({
      valid: false,
      issues: expect.arrayContaining([{ field: 'data.url', expected: 'a value (the field is required)' }]),
    });
    expect(validator.validate({ ...opened, data: { machine_open: 'yes' } })).toEqual({
      valid: false,
      issues: [{ field: 'data.machine_open', expected: 'a boolean' }],
    });
  });

  it('rejects unknown types with the list of known ones', () => {
    const result = validator.validate({ ...opened, type: 'email.forwarded' });
    expect(result).toEqual({
      valid: false,
      issues: [{ field: 'type', expected: expect.stringContaining('email.opened') }],
    });
  });

  it('accepts a custom event with every property kept, and checks its context fields', () => {
    const purchase = {
      ...opened,
      type: 'custom.Item Purchased',
      data: {
        name: 'Leap to Conclusions Mat',
        revenue: 14.99,
        plan: 'pro',
        items: [{ sku: 'm-1', quantity: 2 }],
        url: 'https://acme.test/checkout',
        utm: { source: 'newsletter' },
        user_agent: 'Mozilla/5.0',
      },
    };
    expect(validator.validate(purchase)).toEqual({ valid: true, event: purchase });
    expect(validator.isEventType('custom.Item Purchased')).toBe(true);
    expect(validator.validate({ ...purchase, data: { url: 42, plan: 'pro' } })).toEqual({
      valid: false,
      issues: [{ field: 'data.url', expected: 'a string' }],
    });
    expect(validator.validate({ ...purchase, data: { utm: { channel: 'x' } } })).toEqual({
      valid: false,
      issues: [{ field: 'data.utm.channel', expected: expect.stringContaining('no such field') }],
    });
  });

  it('says what a custom event type must look like when its name is malformed', () => {
    for (const type of ['custom.', 'custom. Demo', 'custom.Demo\n', `custom.${'x'.repeat(201)}`]) {
      expect(validator.isEventType(type)).toBe(false);
      expect(validator.validate({ ...opened, type })).toEqual({
        valid: false,
        issues: [
          {
            field: 'type',
            expected: expect.stringContaining('or a custom event type: "custom." and your event name'),
          },
        ],
      });
    }
    expect(validator.validate({ ...opened, type: `custom.${'x'.repeat(200)}`, data: {} }).valid).toBe(true);
  });

  it('takes a page view named by its url or by its name, and asks for the url when it has neither', () => {
    const page = { ...opened, type: 'web.page_viewed' };
    expect(validator.validate({ ...page, data: { name: 'Pricing' } }).valid).toBe(true);
    expect(validator.validate({ ...page, data: { url: 'https://acme.test' } }).valid).toBe(true);
    expect(validator.validate({ ...page, data: { title: 'Pricing' } })).toEqual({
      valid: false,
      issues: [{ field: 'data.url', expected: 'a value (the field is required)' }],
    });
  });

  it('takes outcomes with their actor, and an amount only with its currency', () => {
    const won = {
      ...opened,
      id: 'outcome-1',
      source: 'leadscore/api',
      type: 'outcome.won',
      data: { amount: 12000, currency: 'EUR', reason: 'annual plan', actor: { key_id: 'k1' } },
    };
    expect(validator.validate(won)).toEqual({ valid: true, event: won });
    expect(isOutcomeEventType('outcome.won')).toBe(true);
    expect(isOutcomeEventType('outcome.tied')).toBe(false);
    expect(isOutcomeEventType('contact.converted')).toBe(false);
    expect(validator.validate({ ...won, data: { amount: 1, actor: { key_id: 'k1' } } })).toEqual({
      valid: false,
      issues: [expect.objectContaining({ field: 'data' })],
    });
    expect(validator.validate({ ...won, data: {} })).toEqual({
      valid: false,
      issues: [{ field: 'data.actor', expected: 'a value (the field is required)' }],
    });
    expect(validator.validate({ ...won, type: 'outcome.tied' })).toEqual({
      valid: false,
      issues: [{ field: 'type', expected: expect.stringContaining('outcome.sales_accepted') }],
    });
  });

  it('explains formats and patterns', () => {
    expect(validator.validate({ ...opened, time: 'yesterday' })).toEqual({
      valid: false,
      issues: [{ field: 'time', expected: expect.stringContaining('RFC 3339') }],
    });
    expect(validator.validate({ ...opened, surprise: 1 })).toEqual({
      valid: false,
      issues: [{ field: 'surprise', expected: expect.stringContaining('no such field') }],
    });
    expect(validator.validate('not an object')).toEqual({
      valid: false,
      issues: [{ field: '(event)', expected: 'an object' }],
    });
  });
});
