import { digestsEqual, hmac } from './hmac.js';
import { invalid, VALID, type SignatureCheck } from './signature-check.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: HMAC-SHA1 with the account's auth token over the full URL Twilio
 * called, followed by every POST parameter as name+value, sorted by name; base64.
 */
export function twilioSignature(authToken: string, url: string, params: ReadonlyMap<string, readonly string[]>): string {
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
