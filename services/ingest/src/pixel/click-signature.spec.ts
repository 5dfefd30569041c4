import { describe, expect, it } from '@jest/globals';
import { clickQuery, verifyClick, type ClickClaims } from './click-signature.js';
import { pixelQuery } from './pixel-signature.js';

const SECRET = 'a-pixel-secret-of-at-least-32-characters';
const claims: ClickClaims = {
  workspace: 'acme',
  subject: 'email:ada@example.com',
  messageId: 'msg-1',
  campaignId: 'spring',
  target: 'https://acme.example/pricing?plan=pro&utm_source=email',
};
const parse = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('click links', () => {
  it('verify as signed, target included', () => {
    expect(verifyClick(SECRET, parse(clickQuery(SECRET, claims)))).toEqual({ valid: true, claims });
    const { campaignId: _none, ...plain } = claims;
    expect(verifyClick(SECRET, parse(clickQuery(SECRET, plain)))).toMatchObject({ valid: true });
  });

  it('refuse another target, contact or workspace than the one signed (no open redirect)', () => {
    const query = parse(clickQuery(SECRET, claims));
    for (const [field, value] of [
      ['u', 'https://evil.example/'],
      ['c', 'email:eve@example.com'],
      ['w', 'other'],
      ['m', 'msg-2'],
    ] as const)
      expect(verifyClick(SECRET, { ...query, [field]: value })).toEqual({ valid: false, reason: 'forged' });
    expect(verifyClick('another-secret-of-at-least-32-characters', query)).toEqual({
      valid: false,
      reason: 'forged',
    });
  });

  it('refuse what is not a click link: unsigned, missing fields, a target that is not an http(s) URL', () => {
    const query = parse(clickQuery(SECRET, claims));
    expect(verifyClick(SECRET, { ...query, s: '' })).toEqual({ valid: false, reason: 'unsigned' });
    expect(verifyClick(SECRET, { ...query, m: undefined })).toEqual({ valid: false, reason: 'malformed' });
    for (const target of ['javascript:alert(1)', '/relative', 'data:text/html,hi', 'x'.repeat(2049)]) {
      const signed = parse(clickQuery(SECRET, { ...claims, target }));
      expect(verifyClick(SECRET, signed)).toEqual({ valid: false, reason: 'malformed' });
    }
  });

  it('cannot be made from a pixel signature', () => {
    const pixel = parse(pixelQuery(SECRET, { ...claims, type: 'email.opened' }));
    expect(verifyClick(SECRET, { ...pixel, u: claims.target })).toEqual({ valid: false, reason: 'forged' });
  });
});
