import {
  isSupportedCountry as isSupportedInMetadata,
  ParseError,
  parsePhoneNumberWithError as parseWithMetadata,
  validatePhoneNumberLength as validateLengthWithMetadata,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
// The full ("max") metadata, so that a number must fit its country's numbering plan, not only its
// length. Imported by package name: the core API takes it as an argument.
import metadata from 'libphonenumber-js/metadata.max';

/**
 * Identity rules: how an email address, phone number, user id or anonymous id becomes the contact
 * key (`subject`) events are keyed by. Pure; the workspace's rules (default country) are a parameter.
 */

export type IdentityKind = 'email' | 'phone' | 'user' | 'anon';

export interface IdentityRules {
  /** ISO 3166 alpha-2 country assumed for phone numbers written without a country code, e.g. `US`. */
  readonly defaultCountry?: string;
}

export type IdentityResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly expected: string };

// Deliberately small: a local-part, an @, and a domain with a dot. Deliverability is the sender's job.
const EMAIL = /^[^\s@<>(),;:"]{1,64}@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** Lower-cases and trims an email address; both parts, since no mainstream provider treats case as significant. */
export function normalizeEmail(raw: string): IdentityResult {
  const value = raw.trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) {
    return { ok: false, expected: 'an email address such as ann@example.com' };
  }
  return { ok: true, value };
}

/**
 * A workspace's default phone country (national numbers are read as numbers of it): the ISO 3166
 * alpha-2 code, any case, as libphonenumber-js's full metadata knows it, upper-cased; else undefined.
 */
export function phoneCountryCode(country: string | undefined): CountryCode | undefined {
  const code = country?.toUpperCase();
  // isSupportedCountry checks any string against the metadata; its parameter type is the known set.
  return code !== undefined && isSupportedInMetadata(code as CountryCode, metadata)
    ? (code as CountryCode)
    : undefined;
}

export function isSupportedCountry(country: string): boolean {
  return phoneCountryCode(country) !== undefined;
}

const EXAMPLE = 'a phone number such as +14155550100';

/** Why libphonenumber-js could not read a number, as what the caller should send instead. */
function expectedFor(error: ParseError, raw: string, rules: IdentityRules): string {
  switch (error.message) {
    case 'INVALID_COUNTRY':
      return raw.trim().startsWith('+')
        ? `${EXAMPLE} (the country calling code of "${raw}" does not exist)`
        : rules.defaultCountry
          ? `${EXAMPLE} (national numbers are read as ${rules.defaultCountry.toUpperCase()})`
          : `${EXAMPLE}, with its country code: the workspace has no default country for national numbers`;
    case 'TOO_SHORT':
    case 'TOO_LONG':
      return `${EXAMPLE} ("${raw}" is ${error.message === 'TOO_SHORT' ? 'too short' : 'too long'})`;
    default:
      return `${EXAMPLE} ("${raw}" is not a phone number)`;
  }
}

/**
 * Normalises a phone number to E.164 (`+14155550100`) with libphonenumber-js (full metadata):
 * international forms (`+…`) as they are, national forms in the workspace's default country
 * (including that country's international prefix, e.g. `00` in Germany, `011` in the US). The number
 * must be valid in its country's numbering plan; an extension is dropped (the key is the line).
 */
export function normalizePhone(raw: string, rules: IdentityRules = {}): IdentityResult {
  const defaultCountry = phoneCountryCode(rules.defaultCountry);
  let phone: PhoneNumber;
  try {
    phone = parseWithMetadata(raw, defaultCountry ? { defaultCountry } : {}, metadata);
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, expected: expectedFor(error, raw, rules) };
    throw error;
  }
  if (!phone.isValid()) {
    const where = phone.country ?? `+${phone.countryCallingCode}`;
    const length = validateLengthWithMetadata(raw, defaultCountry ? { defaultCountry } : {}, metadata);
    const why =
      length === 'TOO_SHORT'
        ? 'too short'
        : length === 'TOO_LONG'
          ? 'too long'
          : length === 'INVALID_LENGTH'
            ? 'of a length no number has'
            : 'not a valid number';
    return { ok: false, expected: `${EXAMPLE} ("${raw}" is ${why} in ${where})` };
  }
  return { ok: true, value: phone.number };
}

/** The contact key of one identity: `email:ann@example.com`, `phone:+14155550100`, `user:42`, `anon:abc`. */
export function contactSubject(kind: IdentityKind, value: string, rules: IdentityRules = {}): IdentityResult {
  switch (kind) {
    case 'email': {
      const email = normalizeEmail(value);
      return email.ok ? { ok: true, value: `email:${email.value}` } : email;
    }
    case 'phone': {
      const phone = normalizePhone(value, rules);
      return phone.ok ? { ok: true, value: `phone:${phone.value}` } : phone;
    }
    case 'user':
    case 'anon': {
      const id = value.trim();
      return id.length > 0 && id.length <= 256
        ? { ok: true, value: `${kind}:${id}` }
        : { ok: false, expected: 'a non-empty id of at most 256 characters' };
    }
  }
}

const SUBJECT = /^(email|phone|user|anon):(.+)$/s;

/**
 * Applies the identity rules to a contact key a client sent (`email:Ann@Example.com` →
 * `email:ann@example.com`), so one person gets one key whatever the client's spelling.
 */
export function normalizeSubject(subject: string, rules: IdentityRules = {}): IdentityResult {
  const match = SUBJECT.exec(subject);
  if (!match) {
    return {
      ok: false,
      expected: 'a contact key such as email:ann@example.com, phone:+14155550100, user:<id> or anon:<id>',
    };
  }
  return contactSubject(match[1] as IdentityKind, match[2] ?? '', rules);
}
