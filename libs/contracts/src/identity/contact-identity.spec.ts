import { describe, expect, it } from '@jest/globals';
import {
  contactSubject,
  isSupportedCountry,
  normalizeEmail,
  normalizePhone,
  normalizeSubject,
  phoneCountryCode,
} from './contact-identity.js';

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

describe('normalizePhone (libphonenumber-js)', () => {
  it('keeps numbers already in E.164, and is idempotent', () => {
    for (const e164 of ['+14155550100', '+442079460958', '+4930901820', '+33612345678']) {
      expect(normalizePhone(e164)).toEqual({ ok: true, value: e164 });
      expect(normalizePhone(e164, { defaultCountry: 'US' })).toEqual({ ok: true, value: e164 });
    }
  });

  it('reads international forms with punctuation, and drops an extension', () => {
    expect(normalizePhone('+1 (415) 555-0100')).toEqual({ ok: true, value: '+14155550100' });
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
    expect(normalizePhone('+1 415 555 0100 ext. 12')).toEqual({ ok: true, value: '+14155550100' });
  });

  it('reads national numbers in the workspace default country (trunk prefix dropped)', () => {
    expect(normalizePhone('(415) 555-0100', { defaultCountry: 'US' })).toEqual({
      ok: true,
      value: '+14155550100',
    });
    expect(normalizePhone('1-415-555-0100', { defaultCountry: 'us' })).toEqual({
      ok: true,
      value: '+14155550100',
    });
    expect(normalizePhone('415.555.0100', { defaultCountry: 'US' })).toEqual({
      ok: true,
      value: '+14155550100',
    });
    expect(normalizePhone('020 7946 0958', { defaultCountry: 'GB' })).toEqual({
      ok: true,
      value: '+442079460958',
    });
    expect(normalizePhone('030 901820', { defaultCountry: 'DE' })).toEqual({
      ok: true,
      value: '+4930901820',
    });
    expect(normalizePhone('06 12 34 56 78', { defaultCountry: 'FR' })).toEqual({
      ok: true,
      value: '+33612345678',
    });
  });

  it("reads the default country's own international prefix (00 in Germany, 011 in the US)", () => {
    expect(normalizePhone('0049 30 901820', { defaultCountry: 'DE' })).toEqual({
      ok: true,
      value: '+4930901820',
    });
    expect(normalizePhone('011 44 20 7946 0958', { defaultCountry: 'US' })).toEqual({
      ok: true,
      value: '+442079460958',
    });
  });

  it('refuses national numbers when the workspace has no default country, and says so', () => {
    expect(normalizePhone('4155550100')).toEqual({
      ok: false,
      expected: expect.stringContaining('no default country'),
    });
    expect(normalizePhone('0049 30 901820')).toEqual({
      ok: false,
      expected: expect.stringContaining('no default country'),
    });
  });

  it.each([
    ['call me', 'is not a phone number'],
    ['', 'is not a phone number'],
    ['12', 'too short'],
    ['+1 555', 'too short'],
    ['+999 1234567', 'country calling code'],
    ['+1 200 555 0100', 'not a valid number'],
    ['+44 20 7946 09581234567', 'too long'],
  ])('rejects %j, naming what is wrong', (raw, why) => {
    const result = normalizePhone(raw, { defaultCountry: 'US' });
    expect(result).toEqual({
      ok: false,
      expected: expect.stringContaining('a phone number such as +14155550100'),
    });
    expect(result.ok ? '' : result.expected).toContain(why);
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
    expect(normalizeSubject('ann@example.com')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('email:ann@example.com'),
    });
    expect(normalizeSubject('user:')).toMatchObject({ ok: false });
  });
});

describe('default phone countries', () => {
  it('are ISO 3166 alpha-2 codes libphonenumber-js knows, in any case', () => {
    expect(['US', 'gb', 'De', 'BR', 'KE'].map(isSupportedCountry)).toEqual([true, true, true, true, true]);
    expect(['XX', 'USA', ''].map(isSupportedCountry)).toEqual([false, false, false]);
    expect(phoneCountryCode('gb')).toBe('GB');
    expect(phoneCountryCode(undefined)).toBeUndefined();
  });
});
