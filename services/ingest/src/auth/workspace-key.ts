import { hashApiKey } from '@leadscore/access';

/**
 * Workspace keys. A publishable key may be embedded in web pages and pixels and can only write
 * engagement events; a secret key (server to server) may also write profile changes. Keys are
 * stored as SHA-256 hashes only: they are long random strings, so a fast hash is enough.
 */
export type KeyKind = 'publishable' | 'secret';

export interface WorkspaceKey {
  readonly workspace: string;
  readonly kind: KeyKind;
  /** Hex SHA-256 of the key. */
  readonly keyHash: string;
  /** Keys of the api's table carry scopes, and write events only with `events:write`; configured keys always may. */
  readonly scopes?: readonly string[];
}

/** Hex SHA-256 of the whole key (libs/access), as INGEST_WORKSPACES lists them. */
export function hashKey(key: string): string {
  return hashApiKey(key).toString('hex');
}

/**
 * Event types that change a contact's profile (and so its fit score): secret keys only. Every other
 * type is engagement, custom events (`custom.<name>`) included: a publishable key may write them, so
 * anyone who can read the page it sits in can forge them, as with web events (the services README says
 * so for the models that score them).
 */
const PROFILE_TYPES = new Set(['contact.updated', 'contact.merged', 'contact.converted']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An update that sets only the contact's company (`company.<trait>` fields): what a Segment group call
 * sends. A publishable key may write it, as analytics.js calls group from the page: an identify (which
 * a publishable key may send) sets the very same fields through its `company` trait, so this opens
 * nothing new; any other profile field still needs a secret key in a contact.updated.
 */
function setsOnlyCompany(data: unknown): boolean {
  const traits = isRecord(data) ? data['traits'] : undefined;
  if (!isRecord(traits)) return false;
  const fields = Object.keys(traits);
  return fields.length > 0 && fields.every((field) => field.startsWith('company.'));
}

/**
 * Whether a key of `kind` may write the event. A publishable key may merge an anonymous visitor into a
 * contact (what a page learns when its visitor identifies, as an identify does), never two known
 * contacts; and it may set the contact's company (setsOnlyCompany), no other profile field.
 */
export function mayWrite(kind: KeyKind, eventType: string, data?: unknown): boolean {
  if (kind === 'secret' || !PROFILE_TYPES.has(eventType)) return true;
  if (eventType === 'contact.updated') return setsOnlyCompany(data);
  if (eventType !== 'contact.merged') return false;
  const merged = (data as { merged_subject?: unknown } | undefined)?.merged_subject;
  return typeof merged === 'string' && merged.startsWith('anon:');
}

export type CredentialParse =
  { readonly found: true; readonly key: string } | { readonly found: false; readonly reason: string };

/**
 * Reads the key from `Authorization: Bearer <key>` or Segment-style `Basic base64(<key>:)` (the
 * write key as user name, empty password).
 */
export function keyFromAuthorization(header: string | undefined): CredentialParse {
  if (!header)
    return {
      found: false,
      reason:
        'Send the workspace key as `Authorization: Bearer <key>` (or Basic auth with the key as user name).',
    };
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme === 'bearer' && value) return { found: true, key: value };
  if (scheme === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    if (user) return { found: true, key: user };
  }
  return {
    found: false,
    reason: 'The Authorization header must be `Bearer <key>` or Basic auth with the key as user name.',
  };
}
