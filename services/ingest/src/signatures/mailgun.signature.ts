import { digestsEqual, hmac } from './hmac.js';
import { checkFreshness, invalid, VALID, type SignatureCheck } from './signature-check.js';

export interface MailgunSignatureInput {
  /** The HTTP webhook signing key of the Mailgun account. */
  readonly signingKey: string;
  /** The `signature` object of the webhook body. */
  readonly timestamp: string | undefined;
  readonly token: string | undefined;
  readonly signature: string | undefined;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
}

/** Hex HMAC-SHA256 with the signing key over `timestamp + token`. */
export function mailgunSignature(signingKey: string, timestamp: string, token: string): string {
  return hmac('sha256', signingKey, timestamp + token).toString('hex');
}

export function verifyMailgunSignature(input: MailgunSignatureInput): SignatureCheck {
  if (!input.signature || !input.token)
    return invalid(
      'the signature object needs timestamp, token and signature',
      'send the webhook body as Mailgun signed it, with its "signature" object',
    );
  const fresh = checkFreshness(input.timestamp, input.nowMs, input.toleranceSeconds, 'signature.timestamp');
  if (!fresh.valid) return fresh;
  if (!/^[0-9a-f]{64}$/i.test(input.signature))
    return invalid('signature.signature is not a hex SHA-256 HMAC');
  const expected = Buffer.from(mailgunSignature(input.signingKey, input.timestamp ?? '', input.token), 'hex');
  return digestsEqual(expected, Buffer.from(input.signature, 'hex'))
    ? VALID
    : invalid('the Mailgun signature does not match timestamp and token');
}
