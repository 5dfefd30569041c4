import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { sendgridPublicKey } from './sendgrid-verification-key.js';
import { ianaTimeZone, isTimeZone } from './time-zone.js';
import { trackingFormFieldRefusal } from './tracking-form-fields.js';
import { isWebhookProvider } from './webhook-provider.js';

describe('time zones', () => {
  it('knows IANA names by what Intl knows and writes them canonically', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(ianaTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(ianaTimeZone('utc')).toBe('UTC');
    expect(ianaTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('refuses unknown names, offsets and empty text', () => {
    for (const zone of ['Mars/Olympus', '', '+01:00', '-0500', 'Europe/Berlin ', 'x'.repeat(70)])
      expect(isTimeZone(zone)).toBe(false);
  });
});

describe('tracking form fields', () => {
  it('are form field names, never passwords, tokens or payment data', () => {
    for (const name of ['email', 'company', 'job_title', 'user[phone]', 'utm.source'])
      expect(trackingFormFieldRefusal(name)).toBeUndefined();
    expect(trackingFormFieldRefusal('a b')).toMatch(/form field name/);
    expect(trackingFormFieldRefusal('')).toMatch(/form field name/);
    for (const name of ['password', 'user[pwd]', 'card_number', 'CVV', 'api_token', 'ssn'])
      expect(trackingFormFieldRefusal(name)).toMatch(/never captures/);
  });
});

describe('webhook providers', () => {
  it('are sendgrid, twilio, zoom and mailgun', () => {
    expect(['sendgrid', 'twilio', 'zoom', 'mailgun', 'stripe'].map(isWebhookProvider)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('SendGrid verification keys', () => {
  it('are base64 DER of an ECDSA P-256 public key', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const der = p256.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(sendgridPublicKey(der).equals(p256)).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() => sendgridPublicKey(rsa.export({ format: 'der', type: 'spki' }).toString('base64'))).toThrow(
      /ECDSA P-256/,
    );
    expect(() => sendgridPublicKey('not-a-key-at-all-0123456789')).toThrow();
  });
});
