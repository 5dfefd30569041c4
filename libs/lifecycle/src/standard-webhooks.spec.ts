import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import {
  InvalidWebhookSecretError,
  generateWebhookSecret,
  secretKey,
  signWebhook,
  webhookIdOf,
} from './standard-webhooks.js';

const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const rotated = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

describe('Standard Webhooks signing', () => {
  it('produces headers the independent standardwebhooks package verifies', () => {
    const body = JSON.stringify({ hello: 'world' });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signWebhook([secret], 'msg_1', timestamp, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ hello: 'world' });
  });

  it('signs with both secrets during a rotation so that either verifies', () => {
    const body = '{"a":1}';
    const headers = signWebhook([rotated, secret], 'msg_2', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ a: 1 });
    expect(new Webhook(rotated).verify(body, headers)).toEqual({ a: 1 });
    const other = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
  });

  it('rejects a secret without the whsec_ prefix with a message saying the expected form', () => {
    expect(() => signWebhook(['plain'], 'msg', 1, '{}')).toThrow(InvalidWebhookSecretError);
    expect(() => signWebhook(['plain'], 'msg', 1, '{}')).toThrow(/expected "whsec_"/);
  });

  it('derives a stable webhook id per subscription and event', () => {
    expect(webhookIdOf('s1', 'e1')).toBe(webhookIdOf('s1', 'e1'));
    expect(webhookIdOf('s1', 'e1')).not.toBe(webhookIdOf('s2', 'e1'));
    expect(webhookIdOf('s1', 'e1')).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('generates secrets of 32 random bytes in the whsec_ form, a different one each time', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
