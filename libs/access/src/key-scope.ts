/**
 * What a key (or a signed-in person, by role) may do. `events:write`: send events to ingest; `read`:
 * read the workspace (scores, models, webhooks, keys); `models:write`: validate and apply scoring models;
 * `admin`: manage the workspace (keys, users, webhooks, settings, erasure, the audit log — and models).
 */
export const KEY_SCOPES = ['events:write', 'read', 'models:write', 'admin'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * A publishable key may be embedded in web pages and pixels (anyone can read it there), so it only
 * writes events; a secret key (server to server) may hold any scope.
 */
export const KEY_KINDS = ['publishable', 'secret'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const PUBLISHABLE_SCOPES: readonly KeyScope[] = ['events:write'];
/** A secret key created without scopes: it writes events and reads, but does not administer. */
export const DEFAULT_SECRET_SCOPES: readonly KeyScope[] = ['events:write', 'read'];

export function isKeyScope(text: string): text is KeyScope {
  return (KEY_SCOPES as readonly string[]).includes(text);
}

export type ScopeDecision =
  | { readonly ok: true; readonly scopes: readonly KeyScope[] }
  | { readonly ok: false; readonly reason: string };

/**
 * The scopes a new key of `kind` gets when `requested` (possibly undefined) is asked for, in the order
 * of KEY_SCOPES, or the reason it cannot have them.
 */
export function scopesForNewKey(kind: KeyKind, requested: readonly string[] | undefined): ScopeDecision {
  if (requested === undefined)
    return { ok: true, scopes: kind === 'publishable' ? PUBLISHABLE_SCOPES : DEFAULT_SECRET_SCOPES };
  const unknown = requested.filter((scope) => !isKeyScope(scope));
  if (unknown.length > 0)
    return {
      ok: false,
      reason: `Unknown scope ${JSON.stringify(unknown[0])}: use ${KEY_SCOPES.map((s) => `"${s}"`).join(', ')}.`,
    };
  if (requested.length === 0)
    return { ok: false, reason: 'A key needs at least one scope; leave "scopes" out for the default.' };
  const scopes = KEY_SCOPES.filter((scope) => requested.includes(scope));
  if (kind === 'publishable' && scopes.some((scope) => scope !== 'events:write'))
    return {
      ok: false,
      reason:
        'A publishable key is visible to anyone who reads the page it sits in, so it can only have "events:write"; create a secret key for "read", "models:write" or "admin".',
    };
  return { ok: true, scopes };
}

/** Whether a key holding `held` may do something that needs any one of `needed`. */
export function hasAnyScope(held: readonly KeyScope[], needed: readonly KeyScope[]): boolean {
  return needed.some((scope) => held.includes(scope));
}
