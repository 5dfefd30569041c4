import { createHash } from 'node:crypto';
import { digestsEqual, hmac } from './hmac.js';
import { invalid, VALID, type SignatureCheck } from './signature-check.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: HMAC-SHA1 with the account's auth token over the full URL Twilio
 * called, followed by every POST parameter as name+value, sorted by name; base64.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: ReadonlyMap<string, readonly string[]>,
): string {
  let signed = url;
  for (const name of [...params.keys()].sort()) {
    // Repeated parameters: each distinct value once, sorted (as Twilio's own helper libraries do).
    for (const value of [...new Set(params.get(name) ?? [])].sort()) signed += name + value;
  }
  return hmac('sha1', authToken, signed).toString('base64');
}

export interface TwilioSignatureInput {
  readonly authToken: string;
  readonly signature: string | undefined;
  /** The public URL Twilio was configured with, including the query string. */
  readonly url: string;
  readonly params: ReadonlyMap<string, readonly string[]>;
}

/** Twilio signs no timestamp, so there is no staleness check; replays are caught by event-id dedupe downstream. */
export function verifyTwilioSignature(input: TwilioSignatureInput): SignatureCheck {
  if (!input.signature) return invalid(`the ${TWILIO_SIGNATURE_HEADER} header is missing`);
  const expected = Buffer.from(twilioSignature(input.authToken, input.url, input.params), 'base64');
  return digestsEqual(expected, Buffer.from(input.signature, 'base64'))
    ? VALID
    : invalid('the Twilio signature does not match this URL and these parameters');
}

/** Query parameter Twilio adds to the URL of a request with a JSON body: the body's SHA-256, hex. */
export const TWILIO_BODY_HASH_PARAM = 'bodySHA256';

/** The `bodySHA256` value of a raw body: lower-case hex SHA-256. */
export function twilioBodyHash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface TwilioBodySignatureInput {
  readonly authToken: string;
  readonly signature: string | undefined;
  /** The public URL Twilio called, with its query string (which holds `bodySHA256`). */
  readonly url: string;
  /** The raw request body, exactly as received. */
  readonly body: Buffer;
}

/**
 * Twilio's variant for JSON bodies: the signature covers the URL only (its query includes
 * `bodySHA256`; no body parameters are appended), and `bodySHA256` must be the SHA-256 of the raw
 * body, so the body is covered through its hash. Both checks must pass.
 */
export function verifyTwilioBodySignature(input: TwilioBodySignatureInput): SignatureCheck {
  if (!input.signature) return invalid(`the ${TWILIO_SIGNATURE_HEADER} header is missing`);
  let declared: string | null;
  try {
    declared = new URL(input.url).searchParams.get(TWILIO_BODY_HASH_PARAM);
  } catch {
    declared = null;
  }
  if (!declared)
    return invalid(`a JSON body needs the ${TWILIO_BODY_HASH_PARAM} query parameter Twilio adds to the URL`);
  const expected = Buffer.from(twilioSignature(input.authToken, input.url, new Map()), 'base64');
  if (!digestsEqual(expected, Buffer.from(input.signature, 'base64'))) {
    return invalid('the Twilio signature does not match this URL');
  }
  const actual = Buffer.from(twilioBodyHash(input.body), 'hex');
  return /^[0-9a-fA-F]{64}$/.test(declared) && digestsEqual(actual, Buffer.from(declared, 'hex'))
    ? VALID
    : invalid(`the body does not match its ${TWILIO_BODY_HASH_PARAM} hash`);
}
