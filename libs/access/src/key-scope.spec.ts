import { describe, expect, it } from '@jest/globals';
import { hasAnyScope, scopesForNewKey } from './key-scope.js';
import { isWorkspaceId } from './workspace-id.js';

describe('scopes of a new key', () => {
  it('default to events:write for publishable keys and events:write + read for secret ones', () => {
    expect(scopesForNewKey('publishable', undefined)).toEqual({ ok: true, scopes: ['events:write'] });
    expect(scopesForNewKey('secret', undefined)).toEqual({ ok: true, scopes: ['events:write', 'read'] });
  });

  it('keep publishable keys to events:write', () => {
    expect(scopesForNewKey('publishable', ['events:write'])).toEqual({ ok: true, scopes: ['events:write'] });
    expect(scopesForNewKey('publishable', ['read'])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('secret key'),
    });
  });

  it('refuse unknown and empty scope lists, and drop repeats', () => {
    expect(scopesForNewKey('secret', ['admin', 'root'])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"root"'),
    });
    expect(scopesForNewKey('secret', [])).toMatchObject({ ok: false });
    expect(scopesForNewKey('secret', ['admin', 'read', 'admin'])).toEqual({
      ok: true,
      scopes: ['read', 'admin'],
    });
  });

  it('let a key act when it holds any one of the scopes a route accepts', () => {
    expect(hasAnyScope(['read'], ['admin', 'read'])).toBe(true);
    expect(hasAnyScope(['events:write'], ['admin', 'read'])).toBe(false);
  });
});

describe('workspace ids', () => {
  it('follow the pattern of ingest and the database', () => {
    expect(isWorkspaceId('local')).toBe(true);
    expect(isWorkspaceId('acme_2-eu')).toBe(true);
    for (const bad of ['', '-acme', 'Acme', 'a'.repeat(65), 'a b']) expect(isWorkspaceId(bad)).toBe(false);
  });
});
