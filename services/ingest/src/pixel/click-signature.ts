import { digestsEqual, hmac } from '../signatures/hmac.js';
import { single, workspacePixelKey } from './pixel-signature.js';

/**
 * Click-tracking links for emails: `/v1/click?w=<workspace>&c=<contact key>&m=<message id>[&cp=<campaign
 * id>]&u=<target URL>&s=<signature>`. The signature covers the target, under the workspace's pixel key,
 * so the redirect only ever goes where the sender signed it to (no open redirect), and nobody can forge
 * clicks for someone else's contacts.
 */
export interface ClickClaims {
  readonly workspace: string;
  readonly subject: string;
  readonly messageId: string;
  readonly campaignId?: string | undefined;
  /** The link's real target, an absolute http(s) URL. */
  readonly target: string;
}

/** Longest target a click link may carry (the event's `url` allows 4096; links in mail stay far shorter). */
export const MAX_CLICK_TARGET = 2048;

function clickDigest(pixelSecret: string, claims: ClickClaims): Buffer {
  const canonical = JSON.stringify([
    'v1',
    claims.workspace,
    claims.subject,
    'email.clicked',
    claims.messageId,
    claims.campaignId ?? '',
    claims.target,
  ]);
  return hmac('sha256', workspacePixelKey(pixelSecret, claims.workspace), canonical);
}

/** The query string of a signed click link. */
export function clickQuery(pixelSecret: string, claims: ClickClaims): string {
  const query = new URLSearchParams({ w: claims.workspace, c: claims.subject, m: claims.messageId });
  if (claims.campaignId) query.set('cp', claims.campaignId);
  query.set('u', claims.target);
  query.set('s', clickDigest(pixelSecret, claims).toString('base64url'));
  return query.toString();
}

export type ClickVerification =
  | { readonly valid: true; readonly claims: ClickClaims }
  | { readonly valid: false; readonly reason: 'unsigned' | 'malformed' | 'forged' };

/** An absolute http(s) URL: the only kind of target a redirect may go to. */
export function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:';
}

/** Reads and verifies a click link's query. Never throws. */
export function verifyClick(
  pixelSecret: string,
  query: Readonly<Record<string, unknown>>,
): ClickVerification {
  const signature = single(query, 's');
  if (!signature) return { valid: false, reason: 'unsigned' };
  const workspace = single(query, 'w');
  const subject = single(query, 'c');
  const messageId = single(query, 'm');
  const target = single(query, 'u', MAX_CLICK_TARGET);
  if (!workspace || !subject || !messageId || !target || !isWebUrl(target))
    return { valid: false, reason: 'malformed' };
  const claims: ClickClaims = { workspace, subject, messageId, campaignId: single(query, 'cp'), target };
  return digestsEqual(clickDigest(pixelSecret, claims), Buffer.from(signature, 'base64url'))
    ? { valid: true, claims }
    : { valid: false, reason: 'forged' };
}
