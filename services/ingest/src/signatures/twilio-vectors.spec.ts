import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { twilioVectors } from '../../test/provider-fixtures.js';
import { twilioUrlForms, verifyTwilioBodySignature, verifyTwilioSignature } from './twilio.signature.js';

// Twilio's published validation vectors (twilio-node's specs; see test/fixtures/README.md). Each is
// checked as twilio-node's validateRequest / validateRequestWithBody decides it.
const vectors = twilioVectors();
const asParams = (params: Readonly<Record<string, string | readonly string[]>>) =>
  new Map(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? [value] : [...value]]),
  );

describe("Twilio's published X-Twilio-Signature vectors", () => {
  it.each(vectors.form)('form-encoded: $it', (vector) => {
    const check = verifyTwilioSignature({
      authToken: vectors.authToken,
      signature: vector.signature,
      url: vector.url,
      params: asParams(vector.params ?? vectors.params),
    });
    expect(check.valid).toBe(vector.valid);
  });

  it.each(vectors.json)('JSON body (bodySHA256): $it', (vector) => {
    const check = verifyTwilioBodySignature({
      authToken: vectors.authToken,
      signature: vector.signature,
      url: vector.url,
      body: Buffer.from(vector.body ?? ''),
    });
    expect(check.valid).toBe(vector.valid);
  });

  it.each(vectors.signedUrlForms.cases)('URL Twilio signed vs URL ingest rebuilt: $it', (vector) => {
    const { authToken } = vectors.signedUrlForms;
    const signature = createHmac('sha1', authToken).update(vector.signed).digest('base64');
    expect(verifyTwilioSignature({ authToken, signature, url: vector.url, params: new Map() }).valid).toBe(
      vector.valid,
    );
  });
});

describe('the URL forms a Twilio signature may cover (those of twilio-node, nothing looser)', () => {
  const sign = (url: string) => createHmac('sha1', 'token').update(url).digest('base64');
  const accepts = (signedUrl: string, url: string) =>
    verifyTwilioSignature({ authToken: 'token', signature: sign(signedUrl), url, params: new Map() }).valid;

  it('lists exactly: without port, with (default) port, and each with the query re-encoded', () => {
    expect(twilioUrlForms("https://example.com/hook?w=acme&b=It's+ok")).toEqual([
      'https://example.com/hook?w=acme&b=It%27s+ok',
      'https://example.com:443/hook?w=acme&b=It%27s+ok',
      "https://example.com/hook?w=acme&b=It's%20ok",
    ]);
    expect(twilioUrlForms('http://example.com:8080/hook')).toEqual([
      'http://example.com/hook',
      'http://example.com:8080/hook',
    ]);
    expect(twilioUrlForms('not a url')).toBeUndefined();
  });

  it('accepts the port a proxy adds or drops, and a query Twilio encoded either way', () => {
    expect(accepts('https://example.com/hook?w=acme', 'https://example.com:443/hook?w=acme')).toBe(true);
    expect(accepts('https://example.com:443/hook?w=acme', 'https://example.com/hook?w=acme')).toBe(true);
    expect(accepts('https://example.com/hook?b=a%20b', 'https://example.com/hook?b=a+b')).toBe(true);
  });

  it('refuses another scheme, host, path, default port of the other scheme, parameter or order', () => {
    expect(accepts('http://example.com/hook?w=acme', 'https://example.com/hook?w=acme')).toBe(false);
    expect(accepts('https://example.org/hook?w=acme', 'https://example.com/hook?w=acme')).toBe(false);
    expect(accepts('https://example.com/hook2?w=acme', 'https://example.com/hook?w=acme')).toBe(false);
    expect(accepts('https://example.com:80/hook?w=acme', 'https://example.com/hook?w=acme')).toBe(false);
    expect(accepts('https://example.com:8443/hook?w=acme', 'https://example.com:443/hook?w=acme')).toBe(
      false,
    );
    expect(accepts('https://example.com/hook?w=globex', 'https://example.com/hook?w=acme')).toBe(false);
    expect(accepts('https://example.com/hook?b=2&a=1', 'https://example.com/hook?a=1&b=2')).toBe(false);
    expect(accepts('https://example.com/hook?w=acme', 'https://example.com/hook?w=acme&x=1')).toBe(false);
  });

  it('compares the signature as Twilio sends it: no lenient base64 (extra characters, other padding)', () => {
    const signature = sign('https://example.com/hook');
    const check = (sent: string) =>
      verifyTwilioSignature({
        authToken: 'token',
        signature: sent,
        url: 'https://example.com/hook',
        params: new Map(),
      }).valid;
    expect(check(signature)).toBe(true);
    expect(check(`${signature}!`)).toBe(false);
    expect(check(signature.replace(/=+$/, ''))).toBe(false);
    expect(check(` ${signature}`)).toBe(false);
  });

  it('says which URL it checked and what to check when nothing matches', () => {
    expect(
      verifyTwilioSignature({
        authToken: 'token',
        signature: sign('https://elsewhere.test/hook'),
        url: 'https://example.com/hook?w=acme',
        params: new Map(),
      }),
    ).toEqual({
      valid: false,
      reason: expect.stringContaining('does not match https://example.com/hook?w=acme'),
      fix: expect.stringContaining('INGEST_PUBLIC_URL'),
    });
  });
});
