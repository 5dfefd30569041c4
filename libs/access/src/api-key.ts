import { createHash, randomBytes } from 'node:crypto';
import type { KeyKind } from './key-scope.js';

/**
 * Key format: `pk_<id>_<secret>` (publishable) or `sk_<id>_<secret>` (secret). The id (16 hex
 * characters) names the key in listings, the audit log and `DELETE /v1/keys/{id}`; the secret is 32
 * random bytes in base64url (256 bits). Keys made before this format (the local stack's `pk_local_dev`
 * and `sk_local_dev`) keep working: a key is found by the hash of the whole string, never parsed.
 */
const KIND_PREFIX: Readonly<Record<KeyKind, string>> = { publishable: 'pk', secret: 'sk' };
const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
/** What a listing shows of a key: enough to recognise it, nothing that helps guess the rest. */
const SHOWN_SECRET_CHARS = 4;

export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface NewApiKey {
  readonly id: string;
  readonly kind: KeyKind;
  /** The whole key: shown once, to whoever created it, and never stored. */
  readonly key: string;
  readonly hash: Buffer;
  /** `sk_<id>_abcd…`: stored and listed so that people recognise their keys. */
  readonly prefix: string;
}

/** Randomness as a parameter, so that tests can fix it; node:crypto's by default. */
export type RandomSource = (bytes: number) => Buffer;

export function generateApiKey(kind: KeyKind, random: RandomSource = randomBytes): NewApiKey {
  const id = random(KEY_ID_BYTES).toString('hex');
  const secret = random(SECRET_BYTES).toString('base64url');
  const key = `${KIND_PREFIX[kind]}_${id}_${secret}`;
  return { id, kind, key, hash: hashApiKey(key), prefix: keyPrefix(key) };
}

/**
 * SHA-256 of the whole key. Keys carry 256 random bits, so nobody can guess one from its hash and a
 * fast hash is right (a slow password hash such as scrypt protects low-entropy secrets, and would cost
 * every authenticated request milliseconds).
 */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** The recognisable start of a key: its kind, its id and the first characters of its secret. */
export function keyPrefix(key: string): string {
  const match = /^([ps]k_[0-9a-f]+_)(.*)$/.exec(key);
  if (match?.[1] !== undefined && match[2] !== undefined)
    return `${match[1]}${match[2].slice(0, SHOWN_SECRET_CHARS)}…`;
  // Keys of the older form (pk_local_dev) are not secret enough to hide: development keys only.
  return key.length <= 16 ? key : `${key.slice(0, 8)}…`;
}

export type BearerKey =
  { readonly found: true; readonly key: string } | { readonly found: false; readonly reason: string };

/** The key of `Authorization: Bearer <key>`, or what to send instead. */
export function bearerKey(authorization: string | undefined): BearerKey {
  if (authorization === undefined || authorization === '')
    return { found: false, reason: 'Send a workspace key as "Authorization: Bearer <key>".' };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (!match?.[1])
    return { found: false, reason: 'The Authorization header must be "Bearer <key>" (one key, no spaces).' };
  return { found: true, key: match[1] };
}
