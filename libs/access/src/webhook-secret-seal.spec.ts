import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SettingsCipher, SettingsDecryptionError } from './settings-cipher.js';
import { openWebhookSecret, sealWebhookSecret } from './webhook-secret-seal.js';

const cipher = new SettingsCipher(randomBytes(32));
const owner = { workspaceId: 'acme', subscriptionId: 'wh_0123456789abcdef' };
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('webhook signing secrets at rest', () => {
  it('are stored sealed, never in clear, and open to the same secret for their subscription', () => {
    const stored = sealWebhookSecret(cipher, secret, owner);
    expect(stored).toMatch(/^sealed:v1:[0-9a-f]{16}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain(secret.slice(6));
    expect(sealWebhookSecret(cipher, secret, owner)).not.toBe(stored);
    expect(openWebhookSecret(cipher, stored, owner)).toBe(secret);
  });

  it('do not open for another subscription or workspace, nor under another key', () => {
    const stored = sealWebhookSecret(cipher, secret, owner);
    expect(() =>
      openWebhookSecret(cipher, stored, { ...owner, subscriptionId: 'wh_ffffffffffffffff' }),
    ).toThrow(SettingsDecryptionError);
    expect(() => openWebhookSecret(cipher, stored, { ...owner, workspaceId: 'globex' })).toThrow(
      /copied from another workspace/,
    );
    expect(() => openWebhookSecret(new SettingsCipher(randomBytes(32)), stored, owner)).toThrow(
      /SETTINGS_ENCRYPTION_KEY is the key/,
    );
    expect(() => openWebhookSecret(cipher, 'sealed:v1:abc', owner)).toThrow(/not a sealed value; rotate it/);
  });

  it('reads a secret stored in clear before sealing as it is', () => {
    expect(openWebhookSecret(cipher, secret, owner)).toBe(secret);
  });
});
