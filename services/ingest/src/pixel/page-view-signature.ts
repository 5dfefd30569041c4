import { digestsEqual, hmac } from '../signatures/hmac.js';
import { isWebUrl, MAX_CLICK_TARGET } from './click-signature.js';
import { single, workspacePixelKey } from './pixel-signature.js';

/**
 * The page-view pixel for pages without JavaScript: `/v1/page.gif?w=<workspace>&c=<contact key>&u=<page
 * URL>&s=<signature>`, signed by the site's server when it renders the page for a visitor it knows (a
 * signed-in user, or the tracking snippet's `ls_aid` cookie, which is first-party: `anon:<ls_aid>`).
 * The signature covers the page, under the workspace's pixel key, so nobody can record page views for
 * someone else's contacts or other pages.
 */
export interface PageViewClaims {
  readonly workspace: string;
  readonly subject: string;
  /** The page viewed, an absolute http(s) URL. */
  readonly url: string;
}

function pageViewDigest(pixelSecret: string, claims: PageViewClaims): Buffer {
  const canonical = JSON.stringify(['v1', claims.workspace, claims.subject, 'web.page_viewed', claims.url]);
  return hmac('sha256', workspacePixelKey(pixelSecret, claims.workspace), canonical);
}

/** The query string of a signed page-view pixel. */
export function pageViewQuery(pixelSecret: string, claims: PageViewClaims): string {
  const query = new URLSearchParams({ w: claims.workspace, c: claims.subject, u: claims.url });
  query.set('s', pageViewDigest(pixelSecret, claims).toString('base64url'));
  return query.toString();
}

export type PageViewVerification =
  | { readonly valid: true; readonly claims: PageViewClaims }
  | { readonly valid: false; readonly reason: 'unsigned' | 'malformed' | 'forged' };

/** Reads and verifies a page-view pixel's query. Never throws; the caller serves the GIF either way. */
export function verifyPageView(
  pixelSecret: string,
  query: Readonly<Record<string, unknown>>,
): PageViewVerification {
  const signature = single(query, 's');
  if (!signature) return { valid: false, reason: 'unsigned' };
  const workspace = single(query, 'w');
  const subject = single(query, 'c');
  const url = single(query, 'u', MAX_CLICK_TARGET);
  if (!workspace || !subject || !url || !isWebUrl(url)) return { valid: false, reason: 'malformed' };
  const claims: PageViewClaims = { workspace, subject, url };
  return digestsEqual(pageViewDigest(pixelSecret, claims), Buffer.from(signature, 'base64url'))
    ? { valid: true, claims }
    : { valid: false, reason: 'forged' };
}
