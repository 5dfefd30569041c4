import { describe, expect, it } from '@jest/globals';
import { contactSubject, normalizeEmail, normalizePhone, normalizeSubject } from './contact-identity.js';

describe('normalizeEmail', () => {
  it('lower-cases and trims the address', () => {
    expect(normalizeEmail('  Ann.Lee@Example.COM ')).toEqual({ ok: true, value: 'ann.lee@example.com' });
  });

  it.each(['', 'ann', 'ann@', '@example.com', 'ann@example', 'a b@example.com', 'ann@@example.com'])(
    'rejects %j and says what it expects',
    (raw) => {
      expect(normalizeEmail(raw)).toEqual({ ok: false, expected: expect.stringContaining('email address') });
    },
  );
});

describe('normalizePhone', () => {
  it('keeps international numbers and strips punctuation', () => {
    expect(normalizePhone('+1 (415) 555-0100')).toEqual({ ok: true, value: '+14155550100' });
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
  });

  it('reads a 00 prefix as international', () => {
    expect(normalizePhone('0049 30 901820')).toEqual({ ok: true, value: '+4930901820' });
  });

  it('uses the default country for national numbers and drops the trunk prefix', () => {
    expect(normalizePhone('(415) 555-0100', { defaultCountry: 'US' })).toEqual({ ok: true, value: '+14155550100' });
    expect(normalizePhone('1-415-555-0100', { defaultCountry: 'us' })).toEqual({ ok: true, value: '+14155550100' });
    expect(normalizePhone('020 7946 0958', { defaultCountry: 'GB' })).toEqual({ ok: true, value: '+442079460958' });
  });

  it('refuses national numbers when the workspace has no default country', () => {
    expect(normalizePhone('4155550100')).toMatchObject({ ok: false, expected: expect.stringContaining('no default country') });
  });

  it.each(['+0123456789', '+1 555', 'call me', '+1234567890123456'])('rejects %j', (raw) => {
    expect(normalizePhone(raw, { defaultCountry: 'US' }).ok).toBe(false);
  });
});

describe('contact keys', () => {
  it('builds one key per person whatever the spelling', () => {
    expect(contactSubject('email', 'ANN@example.com')).toEqual({ ok: true, value: 'email:ann@example.com' });
    expect(normalizeSubject('email:Ann@Example.com')).toEqual({ ok: true, value: 'email:ann@example.com' });
    expect(normalizeSubject('phone:+1 415 555 0100')).toEqual({ ok: true, value: 'phone:+14155550100' });
    expect(normalizeSubject('user:42')).toEqual({ ok: true, value: 'user:42' });
    expect(normalizeSubject('anon:6f1c')).toEqual({ ok: true, value: 'anon:6f1c' });
  });

  it('rejects keys without a known kind', () => {
    expect(normalizeSubject('ann@example.com')).toMatchObject({ ok: false, expected: expect.stringContaining('email:ann@example.com') });
    expect(normalizeSubject('user:')).toMatchObject({ ok: false });
  });
});
