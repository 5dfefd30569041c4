import { describe, expect, it } from '@jest/globals';
import { hashKey, keyFromAuthorization, mayWrite } from './workspace-key.js';
import { workspaceDirectoryFromConfig } from './workspace-directory.config.js';

describe('workspace keys', () => {
  it('reads bearer and Segment-style basic credentials', () => {
    expect(keyFromAuthorization('Bearer sk_live_1')).toEqual({ found: true, key: 'sk_live_1' });
    expect(keyFromAuthorization(`Basic ${Buffer.from('pk_live_1:').toString('base64')}`)).toEqual({
      found: true,
      key: 'pk_live_1',
    });
  });

  it('explains what to send when the header is missing or malformed', () => {
    expect(keyFromAuthorization(undefined)).toMatchObject({
      found: false,
      reason: expect.stringContaining('Bearer'),
    });
    expect(keyFromAuthorization('Token abc')).toMatchObject({ found: false });
    expect(keyFromAuthorization(`Basic ${Buffer.from(':pw').toString('base64')}`)).toMatchObject({
      found: false,
    });
  });

  it('stores only the SHA-256', () => {
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('lets publishable keys write engagement but not profile changes', () => {
    expect(mayWrite('publishable', 'web.page_viewed')).toBe(true);
    expect(mayWrite('publishable', 'contact.identified')).toBe(true);
    expect(mayWrite('publishable', 'custom.Demo Requested')).toBe(true);
    expect(mayWrite('publishable', 'contact.updated')).toBe(false);
    expect(mayWrite('secret', 'contact.updated')).toBe(true);
  });

  it('lets publishable keys merge an anonymous visitor into a contact, never two known contacts', () => {
    expect(mayWrite('publishable', 'contact.merged', { merged_subject: 'anon:v-1' })).toBe(true);
    expect(mayWrite('publishable', 'contact.merged', { merged_subject: 'email:a@b.io' })).toBe(false);
    expect(mayWrite('publishable', 'contact.merged')).toBe(false);
    expect(mayWrite('secret', 'contact.merged', { merged_subject: 'email:a@b.io' })).toBe(true);
  });

  it("lets publishable keys set the contact's company (a Segment group call), no other profile field", () => {
    const update = (traits: unknown) => ({ traits });
    expect(mayWrite('publishable', 'contact.updated', update({ 'company.id': 'acme' }))).toBe(true);
    expect(
      mayWrite('publishable', 'contact.updated', update({ 'company.id': 'acme', 'company.plan': 'pro' })),
    ).toBe(true);
    expect(mayWrite('publishable', 'contact.updated', update({ 'company.id': 'acme', title: 'CTO' }))).toBe(
      false,
    );
    expect(mayWrite('publishable', 'contact.updated', update({ company: 'Acme' }))).toBe(false);
    expect(mayWrite('publishable', 'contact.updated', update({}))).toBe(false);
    expect(mayWrite('publishable', 'contact.updated', update(['company.id']))).toBe(false);
    expect(mayWrite('secret', 'contact.updated', update({ title: 'CTO' }))).toBe(true);
    // contact.converted stays a secret key's.
    expect(mayWrite('publishable', 'contact.converted', update({ 'company.id': 'acme' }))).toBe(false);
  });
});

describe('INGEST_WORKSPACES', () => {
  const entry = (trackingFormFields: string[]) =>
    JSON.stringify([
      { workspace: 'acme', keys: [{ kind: 'publishable', sha256: hashKey('pk_acme') }], trackingFormFields },
    ]);

  it('carries the form fields the tracking snippet captures', () => {
    const directory = workspaceDirectoryFromConfig(entry(['email', 'company']), true);
    expect([...(directory.settings('acme')?.trackingFormFields ?? [])]).toEqual(['email', 'company']);
  });

  it('refuses a password, token or payment field, naming the variable and not its value', () => {
    expect(() => workspaceDirectoryFromConfig(entry(['email', 'password']), true)).toThrow(
      /INGEST_WORKSPACES[\s\S]*trackingFormFields/,
    );
  });
});
