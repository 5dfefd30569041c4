import { digestsEqual, hmac } from './hmac.js';
import { checkFreshness, invalid, VALID, type SignatureCheck } from './signature-check.js';

export const ZOOM_SIGNATURE_HEADER = 'x-zm-signature';
export const ZOOM_TIMESTAMP_HEADER = 'x-zm-request-timestamp';

/** `v0=` + hex HMAC-SHA256 with the webhook secret token over `v0:{timestamp}:{raw body}`. */
export function zoomSignature(secretToken: string, timestamp: string, body: Buffer): string {
  const message = Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), body]);
  return `v0=${hmac('sha256', secretToken, message).toString('hex')}`;
}

export interface ZoomSignatureInput {
  readonly secretToken: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly body: Buffer;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
}

export function verifyZoomSignature(input: ZoomSignatureInput): SignatureCheck {
  if (!input.signature)
    return invalid(
      `the ${ZOOM_SIGNATURE_HEADER} header is missing`,
      'send the request as Zoom signed it (a proxy may strip the header)',
    );
  const fresh = checkFreshness(input.timestamp, input.nowMs, input.toleranceSeconds, ZOOM_TIMESTAMP_HEADER);
  if (!fresh.valid) return fresh;
  const expected = Buffer.from(zoomSignature(input.secretToken, input.timestamp ?? '', input.body), 'utf8');
  return digestsEqual(expected, Buffer.from(input.signature, 'utf8'))
    ? VALID
    : invalid('the Zoom signature does not match the body and timestamp');
}

/** The answer to Zoom's `endpoint.url_validation` challenge. */
export function zoomUrlValidationResponse(
  secretToken: string,
  plainToken: string,
): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: hmac('sha256', secretToken, plainToken).toString('hex') };
}
