import { hmac, digestsEqual } from '../signatures/hmac.js';

/**
 * Tracking-pixel URLs: `/v1/pixel.gif?w=<workspace>&c=<contact key>&t=<event type>&m=<message id>
 * [&cp=<campaign id>]&s=<signature>`. The signature is HMAC-SHA256 under a per-workspace key derived
 * from the service's pixel secret, so nobody can forge opens for someone else's contacts.
 */
export interface PixelClaims {
  readonly workspace: string;
  readonly subject: string;
  readonly type: PixelEventType;
  readonly messageId: string;
  readonly campaignId?: string | undefined;
}

export const PIXEL_EVENT_TYPES = ['email.opened'] as const;
export type PixelEventType = (typeof PIXEL_EVENT_TYPES)[number];

const derivedKeys = new Map<string, Buffer>();

/** The key one workspace's pixels are signed with; hand it to that workspace's sending system. */
export function workspacePixelKey(pixelSecret: string, workspace: string): Buffer {
  // Memoised: the pixel is the hottest route and the derivation is a full HMAC.
  const cacheKey = `${pixelSecret}\u0000${workspace}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = hmac('sha256', pixelSecret, `leadscore-pixel-v1:${workspace}`);
    if (derivedKeys.size > 10_000) derivedKeys.clear();
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

function canonical(claims: PixelClaims): string {
  return JSON.stringify([
    'v1',
    claims.workspace,
    claims.subject,
    claims.type,
    claims.messageId,
    claims.campaignId ?? '',
  ]);
}

function pixelDigest(pixelSecret: string, claims: PixelClaims): Buffer {
  return hmac('sha256', workspacePixelKey(pixelSecret, claims.workspace), canonical(claims));
}

export function signPixel(pixelSecret: string, claims: PixelClaims): string {
  return pixelDigest(pixelSecret, claims).toString('base64url');
}

/** The query string of a signed pixel URL. */
export function pixelQuery(pixelSecret: string, claims: PixelClaims): string {
  const query = new URLSearchParams({
    w: claims.workspace,
    c: claims.subject,
    t: claims.type,
    m: claims.messageId,
  });
  if (claims.campaignId) query.set('cp', claims.campaignId);
  query.set('s', signPixel(pixelSecret, claims));
  return query.toString();
}

export type PixelVerification =
  | { readonly valid: true; readonly claims: PixelClaims }
  | { readonly valid: false; readonly reason: 'unsigned' | 'malformed' | 'forged' };

/** One query parameter given once, non-empty and at most `maxLength` long (a repeated one is an array). */
export function single(
  query: Readonly<Record<string, unknown>>,
  name: string,
  maxLength = 512,
): string | undefined {
  const value = query[name];
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : undefined;
}

/** Reads and verifies the pixel query. Never throws; the caller serves the GIF either way. */
export function verifyPixel(
  pixelSecret: string,
  query: Readonly<Record<string, unknown>>,
): PixelVerification {
  const signature = single(query, 's');
  if (!signature) return { valid: false, reason: 'unsigned' };
  const workspace = single(query, 'w');
  const subject = single(query, 'c');
  const messageId = single(query, 'm');
  const type = single(query, 't') ?? 'email.opened';
  const campaignId = single(query, 'cp');
  if (!workspace || !subject || !messageId || !(PIXEL_EVENT_TYPES as readonly string[]).includes(type)) {
    return { valid: false, reason: 'malformed' };
  }
  const claims: PixelClaims = { workspace, subject, type: type as PixelEventType, messageId, campaignId };
  return digestsEqual(pixelDigest(pixelSecret, claims), Buffer.from(signature, 'base64url'))
    ? { valid: true, claims }
    : { valid: false, reason: 'forged' };
}
