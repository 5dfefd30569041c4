/**
 * Identity rules: how an email address, phone number, user id or anonymous id becomes the contact
 * key (`subject`) events are keyed by. Pure; the workspace's rules (default country) are a parameter.
 */

export type IdentityKind = 'email' | 'phone' | 'user' | 'anon';

export interface IdentityRules {
  /** ISO 3166 alpha-2 country assumed for phone numbers written without a country code, e.g. `US`. */
  readonly defaultCountry?: string;
}

export type IdentityResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly expected: string };

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

/** Country calling codes and national trunk prefixes for the default-country rule. */
const CALLING_CODES: Readonly<Record<string, { code: string; trunk?: string }>> = {
  US: { code: '1', trunk: '1' },
  CA: { code: '1', trunk: '1' },
  GB: { code: '44', trunk: '0' },
  IE: { code: '353', trunk: '0' },
  DE: { code: '49', trunk: '0' },
  FR: { code: '33', trunk: '0' },
  ES: { code: '34' },
  IT: { code: '39' },
  NL: { code: '31', trunk: '0' },
  BE: { code: '32', trunk: '0' },
  CH: { code: '41', trunk: '0' },
  AT: { code: '43', trunk: '0' },
  SE: { code: '46', trunk: '0' },
  NO: { code: '47' },
  DK: { code: '45' },
  FI: { code: '358', trunk: '0' },
  PL: { code: '48' },
  PT: { code: '351' },
  AU: { code: '61', trunk: '0' },
  NZ: { code: '64', trunk: '0' },
  IN: { code: '91', trunk: '0' },
  JP: { code: '81', trunk: '0' },
  BR: { code: '55', trunk: '0' },
  MX: { code: '52' },
  ZA: { code: '27', trunk: '0' },
  SG: { code: '65' },
};

export function isSupportedCountry(country: string): boolean {
  return country.toUpperCase() in CALLING_CODES;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Normalises a phone number to E.164 (`+14155550100`). International forms (`+…`, `00…`) are kept;
 * national forms need the workspace's default country. Validates the length only (7–15 digits), not
 * per-country numbering plans.
 */
export function normalizePhone(raw: string, rules: IdentityRules = {}): IdentityResult {
  const expected = 'a phone number in E.164 form such as +14155550100' + (rules.defaultCountry ? '' : ' (no default country is set for national numbers)');
  const trimmed = raw.trim();
  if (!/^[+\d(][\d\s().\-/]*$/.test(trimmed)) return { ok: false, expected };
  let digits = trimmed.replace(/[^\d]/g, '');
  let international = trimmed.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (!international) {
    const country = rules.defaultCountry ? CALLING_CODES[rules.defaultCountry.toUpperCase()] : undefined;
    if (!country) return { ok: false, expected };
    // National form: drop the trunk prefix (0 in most of Europe, 1 in North America) before the code.
    if (country.trunk && digits.startsWith(country.trunk) && (country.trunk !== '1' || digits.length === 11)) {
      digits = digits.slice(country.trunk.length);
    }
    digits = country.code + digits;
  }
  const value = `+${digits}`;
  return E164.test(value) ? { ok: true, value } : { ok: false, expected };
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
    return { ok: false, expected: 'a contact key such as email:ann@example.com, phone:+14155550100, user:<id> or anon:<id>' };
  }
  return contactSubject(match[1] as IdentityKind, match[2] ?? '', rules);
}
