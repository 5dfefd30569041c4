import { createHmac } from 'node:crypto';

/**
 * `X-Twilio-Signature` as Twilio computes it for a form POST (twilio.com/docs/usage/security): the
 * full URL, then each parameter's name and value, sorted by name, HMAC-SHA1 with the auth token, base64.
 * Written from the documentation, not from ingest's checker, so tests of ingest sign independently.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const signed =
    url +
    Object.keys(params)
      .sort()
      .map((name) => name + params[name])
      .join('');
  return createHmac('sha1', authToken).update(signed).digest('base64');
}
