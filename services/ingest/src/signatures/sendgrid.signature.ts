import { verify, type KeyObject } from 'node:crypto';
import { checkFreshness, invalid, VALID, type SignatureCheck } from './signature-check.js';

/** Headers of the SendGrid Signed Event Webhook. */
export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

export interface SendgridSignatureInput {
  readonly publicKey: KeyObject;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  /** The request body exactly as received. */
  readonly payload: Buffer;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
}

/** ECDSA P-256 / SHA-256 over `timestamp + payload`; signature is base64 DER. */
export function verifySendgridSignature(input: SendgridSignatureInput): SignatureCheck {
  if (!input.signature)
    return invalid(
      `the ${SENDGRID_SIGNATURE_HEADER} header is missing`,
      "turn on the Signed Event Webhook in SendGrid's Mail Settings and make sure no proxy strips the header",
    );
  const fresh = checkFreshness(
    input.timestamp,
    input.nowMs,
    input.toleranceSeconds,
    SENDGRID_TIMESTAMP_HEADER,
  );
  if (!fresh.valid) return fresh;
  const signed = Buffer.concat([Buffer.from(input.timestamp ?? '', 'utf8'), input.payload]);
  let ok: boolean;
  try {
    ok = verify('sha256', signed, input.publicKey, Buffer.from(input.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? VALID : invalid('the SendGrid signature does not match the payload and timestamp');
}
