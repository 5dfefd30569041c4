import { describe, expect, it } from '@jest/globals';
import { pageViewQuery, verifyPageView, type PageViewClaims } from './page-view-signature.js';
import { pixelQuery } from './pixel-signature.js';

const SECRET = 'a-pixel-secret-of-at-least-32-characters';
const claims: PageViewClaims = {
  workspace: 'acme',
  subject: 'anon:0b6f3c52-1d1e-4c1a-9d55-2f0f7d1f8a11',
  url: 'https://acme.test/pricing?utm_source=news',
};
const parse = (query: string): Record<string, string> => Object.fromEntries(new URLSearchParams(query));

describe('page-view pixel signing', () => {
  it('verifies what it signed', () => {
    expect(verifyPageView(SECRET, parse(pageViewQuery(SECRET, claims)))).toEqual({ valid: true, claims });
  });

  it('refuses a pixel re-pointed at another workspace, contact or page', () => {
    const query = parse(pageViewQuery(SECRET, claims));
    for (const [name, value] of [
      ['w', 'globex'],
      ['c', 'email:bob@example.com'],
      ['u', 'https://acme.test/pricing?utm_source=other'],
    ] as const)
      expect(verifyPageView(SECRET, { ...query, [name]: value })).toEqual({ valid: false, reason: 'forged' });
  });

  it('is not an email pixel: an email open signature does not sign a page view', () => {
    const open = parse(
      pixelQuery(SECRET, {
        workspace: 'acme',
        subject: claims.subject,
        type: 'email.opened',
        messageId: claims.url,
      }),
    );
    expect(verifyPageView(SECRET, { ...open, u: claims.url })).toEqual({ valid: false, reason: 'forged' });
  });

  it('takes only absolute http(s) pages, and says unsigned or malformed', () => {
    const query = parse(pageViewQuery(SECRET, claims));
    expect(verifyPageView(SECRET, { ...query, s: undefined })).toEqual({ valid: false, reason: 'unsigned' });
    for (const url of ['/pricing', 'javascript:alert(1)', `https://acme.test/${'x'.repeat(2048)}`])
      expect(verifyPageView(SECRET, { ...query, u: url })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyPageView(SECRET, { ...query, u: [claims.url, claims.url] })).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });
});
