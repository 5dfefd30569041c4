import { describe, expect, it } from '@jest/globals';
import { sendgridPublicKey } from '@leadscore/access';
import { createHash, createHmac } from 'node:crypto';
import { mailgunSignature, verifyMailgunSignature } from './mailgun.signature.js';
import { verifySendgridSignature } from './sendgrid.signature.js';
import {
  twilioBodyHash,
  twilioSignature,
  verifyTwilioBodySignature,
  verifyTwilioSignature,
} from './twilio.signature.js';
import { checkFreshness } from './signature-check.js';
import { verifyZoomSignature, zoomSignature, zoomUrlValidationResponse } from './zoom.signature.js';

describe('SendGrid Signed Event Webhook (ECDSA P-256)', () => {
  // The vector published with SendGrid's own helper (sendgrid-nodejs, packages/eventwebhook spec).
  const publicKey = sendgridPublicKey(
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==',
  );
  const signature =
    'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=';
  const timestamp = '1588788367';
  const payload = Buffer.from(
    '{"category":"example_payload","event":"test_event","message_id":"message_id"}',
  );
  const base = {
    publicKey,
    signature,
    timestamp,
    payload,
    nowMs: 1588788367_000 + 60_000,
    toleranceSeconds: 300,
  };

  it('accepts the published vector', () => {
    expect(verifySendgridSignature(base)).toEqual({ valid: true });
  });

  it('rejects a changed payload, signature or timestamp', () => {
    expect(verifySendgridSignature({ ...base, payload: Buffer.from('payload') }).valid).toBe(false);
    expect(verifySendgridSignature({ ...base, signature: signature.replace('NH2j', 'NH3j') }).valid).toBe(
      false,
    );
    expect(verifySendgridSignature({ ...base, timestamp: '1588788368' }).valid).toBe(false);
  });

  it('rejects another key', () => {
    const other = sendgridPublicKey(
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==',
    );
    expect(verifySendgridSignature({ ...base, publicKey: other }).valid).toBe(false);
  });

  it('rejects stale, malformed and missing timestamps and missing signatures', () => {
    expect(verifySendgridSignature({ ...base, nowMs: 1588788367_000 + 3_600_000 })).toEqual({
      valid: false,
      reason: expect.stringContaining('is 3,600 s older than'),
      fix: expect.stringContaining('clock'),
    });
    expect(verifySendgridSignature({ ...base, timestamp: 'timestamp' }).valid).toBe(false);
    expect(verifySendgridSignature({ ...base, timestamp: undefined }).valid).toBe(false);
    expect(verifySendgridSignature({ ...base, signature: undefined })).toEqual({
      valid: false,
      reason: expect.stringContaining('x-twilio-email-event-webhook-signature'),
      fix: expect.stringContaining('Signed Event Webhook'),
    });
    expect(verifySendgridSignature({ ...base, signature: 'not base64 DER' }).valid).toBe(false);
  });
});

describe('Twilio X-Twilio-Signature (HMAC-SHA1)', () => {
  // The example of Twilio's security documentation (TwilioDevEd/api-snippets, signature_validation).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = new Map([
    ['CallSid', ['CA1234567890ABCDE']],
    ['Caller', ['+14158675309']],
    ['Digits', ['1234']],
    ['From', ['+14158675309']],
    ['To', ['+18005551212']],
  ]);

  it('computes the documented signature', () => {
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(
      verifyTwilioSignature({ authToken: '12345', url, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' }),
    ).toEqual({ valid: true });
  });

  it('rejects another token, URL, parameter or a missing header', () => {
    const signature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
    expect(verifyTwilioSignature({ authToken: '54321', url, params, signature }).valid).toBe(false);
    expect(
      verifyTwilioSignature({ authToken: '12345', url: url.replace('foo=1', 'foo=2'), params, signature })
        .valid,
    ).toBe(false);
    const changed = new Map(params).set('Digits', ['1235']);
    expect(verifyTwilioSignature({ authToken: '12345', url, params: changed, signature }).valid).toBe(false);
    expect(verifyTwilioSignature({ authToken: '12345', url, params, signature: undefined }).valid).toBe(
      false,
    );
  });
});

describe('Twilio JSON bodies (bodySHA256)', () => {
  // Twilio's documentation (webhooks security, "JSON content"): bodySHA256 is the hex SHA-256 of the raw
  // body, added to the URL's query; X-Twilio-Signature is base64 HMAC-SHA1(auth token, that full URL),
  // with no body parameters appended. The vector is the one Twilio's helper libraries test with
  // (token 12345); the steps are recomputed here with node:crypto alone.
  const body = Buffer.from('{"property": "value", "boolean": true}');
  const bodyHash = '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
  const url = `https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=${bodyHash}`;
  const signature = 'a9nBmqA0ju/hNViExpshrM61xv4=';

  it('computes the documented hash and signature, and accepts them', () => {
    expect(createHash('sha256').update(body).digest('hex')).toBe(bodyHash);
    expect(createHmac('sha1', '12345').update(url).digest('base64')).toBe(signature);
    expect(twilioBodyHash(body)).toBe(bodyHash);
    expect(verifyTwilioBodySignature({ authToken: '12345', url, body, signature })).toEqual({ valid: true });
  });

  it("compares the hash as Twilio's library does: lower-case hex only", () => {
    const upper = url.replace(bodyHash, bodyHash.toUpperCase());
    expect(
      verifyTwilioBodySignature({
        authToken: '12345',
        url: upper,
        body,
        signature: createHmac('sha1', '12345').update(upper).digest('base64'),
      }),
    ).toMatchObject({ valid: false, reason: expect.stringContaining('body does not match') });
  });

  it('rejects a changed body, a hash that is not the signed one, another token, or missing parts', () => {
    const reason = (check: ReturnType<typeof verifyTwilioBodySignature>) =>
      check.valid ? 'valid' : check.reason;
    expect(
      reason(
        verifyTwilioBodySignature({
          authToken: '12345',
          url,
          body: Buffer.from('{"property": "value", "boolean": false}'),
          signature,
        }),
      ),
    ).toMatch(/body does not match its bodySHA256/);
    const otherBody = Buffer.from('{"property": "other"}');
    const swappedUrl = url.replace(bodyHash, twilioBodyHash(otherBody));
    expect(
      reason(verifyTwilioBodySignature({ authToken: '12345', url: swappedUrl, body: otherBody, signature })),
    ).toMatch(/signature does not match https:/);
    expect(reason(verifyTwilioBodySignature({ authToken: '54321', url, body, signature }))).toMatch(
      /signature does not match https:/,
    );
    expect(
      reason(
        verifyTwilioBodySignature({
          authToken: '12345',
          url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
          body,
          signature,
        }),
      ),
    ).toMatch(/needs the bodySHA256 query parameter/);
    const notHex = 'https://mycompany.com/myapp.php?bodySHA256=xyz';
    expect(
      reason(
        verifyTwilioBodySignature({
          authToken: '12345',
          url: notHex,
          body,
          signature: createHmac('sha1', '12345').update(notHex).digest('base64'),
        }),
      ),
    ).toMatch(/body does not match/);
    expect(
      reason(verifyTwilioBodySignature({ authToken: '12345', url, body, signature: undefined })),
    ).toMatch(/header is missing/);
  });
});

describe('Zoom x-zm-signature (HMAC-SHA256 v0)', () => {
  // Zoom publishes the algorithm but no vector; this one was computed independently with
  // `printf '%s' 'v0:1700000000:{"event":"webinar.participant_joined"}' | openssl dgst -sha256 -hmac zoom-secret-token`.
  const body = Buffer.from('{"event":"webinar.participant_joined"}');
  const expected = 'v0=37197f0ba61b68d020fde60363a545425569791e2719775808c4da6257a58148';
  const base = {
    secretToken: 'zoom-secret-token',
    signature: expected,
    timestamp: '1700000000',
    body,
    nowMs: 1700000000_000,
    toleranceSeconds: 300,
  };

  it('matches the openssl-derived vector', () => {
    expect(zoomSignature('zoom-secret-token', '1700000000', body)).toBe(expected);
    expect(verifyZoomSignature(base)).toEqual({ valid: true });
  });

  it('rejects a changed body, another secret, a stale timestamp and a missing header', () => {
    expect(verifyZoomSignature({ ...base, body: Buffer.from('{"event":"x"}') }).valid).toBe(false);
    expect(verifyZoomSignature({ ...base, secretToken: 'other' }).valid).toBe(false);
    expect(verifyZoomSignature({ ...base, nowMs: 1700000000_000 + 301_000 })).toEqual({
      valid: false,
      reason:
        "the x-zm-request-timestamp 1700000000 is 301 s older than this server's clock; at most 300 s are accepted (INGEST_SIGNATURE_TOLERANCE_SECONDS)",
      fix: expect.stringMatching(/not checked.*check the clocks of the sender and of this server/),
    });
    expect(verifyZoomSignature({ ...base, signature: undefined }).valid).toBe(false);
  });

  it('answers the url_validation challenge (openssl-derived)', () => {
    expect(zoomUrlValidationResponse('zoom-secret-token', 'qgg8vlvZRS6UYooatFL8Aw')).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: 'd9e0d764a78494688ba3f2d5c0ed4ca311394b4834d959759213424d2df961e3',
    });
  });
});

describe('Mailgun webhook signature (HMAC-SHA256 of timestamp + token)', () => {
  // Timestamp and token from the sample payload in Mailgun's webhook documentation; the signing key
  // is ours (the docs do not publish theirs), so the digest was computed independently with
  // `printf '%s' '1529006854a8ce…' | openssl dgst -sha256 -hmac key-mailgun-signing`.
  const timestamp = '1529006854';
  const token = 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0';
  const signature = '382f1362077a4f904d689d6f83b12f7f8a7b2a03aaca4053eadd3f6568f950ab';
  const base = {
    signingKey: 'key-mailgun-signing',
    timestamp,
    token,
    signature,
    nowMs: 1529006854_000,
    toleranceSeconds: 300,
  };

  it('matches the openssl-derived vector', () => {
    expect(mailgunSignature('key-mailgun-signing', timestamp, token)).toBe(signature);
    expect(verifyMailgunSignature(base)).toEqual({ valid: true });
  });

  it('rejects another key, token, a stale timestamp and malformed signatures', () => {
    expect(verifyMailgunSignature({ ...base, signingKey: 'other' }).valid).toBe(false);
    expect(verifyMailgunSignature({ ...base, token: 'b' + token.slice(1) }).valid).toBe(false);
    expect(verifyMailgunSignature({ ...base, nowMs: 1529006854_000 + 86_400_000 })).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/^the signature.timestamp 1529006854 is 86,400 s older than/),
    });
    expect(verifyMailgunSignature({ ...base, signature: 'zz' }).valid).toBe(false);
    expect(verifyMailgunSignature({ ...base, signature: undefined }).valid).toBe(false);
  });
});

describe('stale timestamps: outside the tolerance, by how much, and not a wrong secret', () => {
  const at = (offsetMs: number) =>
    checkFreshness('1700000000', 1700000000_000 + offsetMs, 300, 'webhook-timestamp');

  it('accepts up to the tolerance either way', () => {
    expect(at(300_000)).toEqual({ valid: true });
    expect(at(-300_000)).toEqual({ valid: true });
  });

  it('says how far behind or ahead, rounding up so the number is never one that would pass', () => {
    expect(at(3_725_000)).toMatchObject({
      reason: expect.stringContaining('webhook-timestamp 1700000000 is 3,725 s older than'),
    });
    expect(at(300_400)).toMatchObject({ reason: expect.stringContaining('is 301 s older than') });
    expect(at(-1_000_000)).toMatchObject({ reason: expect.stringContaining('is 1,000 s ahead of') });
    const stale = at(3_725_000);
    expect(stale.valid ? '' : stale.fix).not.toMatch(/secret/);
  });

  it('names the field of a missing or malformed timestamp', () => {
    expect(checkFreshness(undefined, 0, 300, 'x-zm-request-timestamp')).toMatchObject({
      reason: 'the x-zm-request-timestamp is missing',
    });
    expect(checkFreshness('2026-01-01T00:00:00Z', 0, 300, 'x-zm-request-timestamp')).toMatchObject({
      reason: 'the x-zm-request-timestamp "2026-01-01T00:00:00Z" is not Unix seconds',
    });
  });
});
