import { describe, expect, it } from '@jest/globals';
import { classifyClick, classifyOpen, isPrefetch } from './machine-traffic.js';

const IPHONE_MAIL =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

describe('classifyOpen', () => {
  it('marks Apple Mail Privacy Protection prefetches (bare Mozilla/5.0 agent) as machine opens', () => {
    expect(classifyOpen({ userAgent: 'Mozilla/5.0' })).toEqual({
      machine: true,
      reason: 'privacy_proxy:apple_mpp',
    });
  });

  it('marks opens from Apple proxy addresses without a device agent', () => {
    expect(
      classifyOpen({ userAgent: GMAIL_PROXY.replace('GoogleImageProxy', 'x'), ip: '17.58.1.2' }),
    ).toMatchObject({ machine: true });
  });

  it('keeps real mail clients and the Gmail image proxy human', () => {
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ip: '17.58.1.2' })).toEqual({ machine: false });
    expect(classifyOpen({ userAgent: GMAIL_PROXY })).toEqual({ machine: false });
  });

  it('trusts the provider flag and flags missing agents', () => {
    expect(classifyOpen({ userAgent: IPHONE_MAIL, providerSaysMachine: true })).toEqual({
      machine: true,
      reason: 'provider_flagged',
    });
    expect(classifyOpen({})).toEqual({ machine: true, reason: 'no_user_agent' });
  });
});

describe('classifyClick', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Barracuda Sentinel)', 'link_scanner:barracuda'],
    ['Mimecast URL Protect', 'link_scanner:mimecast'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'bot_user_agent'],
    ['python-requests/2.31.0', 'bot_user_agent'],
    ['Mozilla/5.0 HeadlessChrome/120.0', 'bot_user_agent'],
  ])('marks %j as %s', (userAgent, reason) => {
    expect(classifyClick({ userAgent })).toEqual({ machine: true, reason });
  });

  it('marks clicks within two seconds of delivery', () => {
    expect(classifyClick({ userAgent: CHROME, msSinceDelivery: 800 })).toEqual({
      machine: true,
      reason: 'instant_after_delivery',
    });
    expect(classifyClick({ userAgent: CHROME, msSinceDelivery: 60_000 })).toEqual({ machine: false });
  });

  it('never treats the Apple proxy agent rule as a click signal', () => {
    expect(classifyClick({ userAgent: CHROME, ip: '17.1.1.1' })).toEqual({ machine: false });
  });
});

describe('prefetches', () => {
  const chrome =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

  it('recognises the browsers’ prefetch and prerender headers', () => {
    expect(isPrefetch({ 'sec-purpose': 'prefetch;prerender' })).toBe(true);
    expect(isPrefetch({ purpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'x-moz': 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'x-purpose': 'preview' })).toBe(true);
    expect(isPrefetch({ 'user-agent': chrome })).toBe(false);
  });

  it('marks a prefetched page view as machine traffic, even from a real browser', () => {
    expect(classifyClick({ userAgent: chrome, prefetch: true })).toEqual({
      machine: true,
      reason: 'prefetch',
    });
    expect(classifyClick({ userAgent: chrome, prefetch: false })).toEqual({ machine: false });
  });
});
