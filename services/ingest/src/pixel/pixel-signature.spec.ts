import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pixelQuery, verifyPixel, type PixelClaims } from './pixel-signature.js';
import { TRANSPARENT_GIF } from './transparent-gif.js';

const SECRET = 'a-pixel-secret-of-at-least-32-characters';
const claims: PixelClaims = {
  workspace: 'acme',
  subject: 'email:ann@example.com',
  type: 'email.opened',
  messageId: 'msg-1',
};

function parse(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

describe('pixel URL signing', () => {
  it('verifies what it signed', () => {
    expect(verifyPixel(SECRET, parse(pixelQuery(SECRET, claims)))).toEqual({
      valid: true,
      claims: { ...claims, campaignId: undefined },
    });
    const withCampaign = { ...claims, campaignId: 'spring' };
    expect(verifyPixel(SECRET, parse(pixelQuery(SECRET, withCampaign)))).toEqual({
      valid: true,
      claims: withCampaign,
    });
  });

  it('refuses a pixel re-pointed at another workspace, contact or message', () => {
    const query = parse(pixelQuery(SECRET, claims));
    for (const [name, value] of [
      ['w', 'globex'],
      ['c', 'email:bob@example.com'],
      ['m', 'msg-2'],
      ['cp', 'x'],
    ] as const) {
      expect(verifyPixel(SECRET, { ...query, [name]: value })).toEqual({ valid: false, reason: 'forged' });
    }
  });

  it('refuses another secret, and tells unsigned from malformed', () => {
    expect(
      verifyPixel('another-secret-of-at-least-32-characters', parse(pixelQuery(SECRET, claims))),
    ).toEqual({ valid: false, reason: 'forged' });
    expect(verifyPixel(SECRET, { w: 'acme', c: 'email:ann@example.com', m: 'msg-1' })).toEqual({
      valid: false,
      reason: 'unsigned',
    });
    expect(verifyPixel(SECRET, { s: 'abc', w: 'acme' })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyPixel(SECRET, { ...parse(pixelQuery(SECRET, claims)), t: 'email.clicked' })).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  it('round-trips any claims (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (workspace, subject, messageId) => {
        const c: PixelClaims = { workspace, subject, type: 'email.opened', messageId };
        expect(verifyPixel(SECRET, parse(pixelQuery(SECRET, c))).valid).toBe(true);
      }),
    );
  });

  it('serves the 43-byte transparent GIF', () => {
    expect(TRANSPARENT_GIF.length).toBe(43);
    expect(TRANSPARENT_GIF.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  });
});
