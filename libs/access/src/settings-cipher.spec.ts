import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  SettingsCipher,
  SettingsDecryptionError,
  parseSettingsKey,
  settingsKeyId,
  type SealedSecret,
} from './settings-cipher.js';

const key = randomBytes(32);
const cipher = new SettingsCipher(key);
const acmeTwilio = { workspaceId: 'acme', purpose: 'provider:twilio' };

function flipped(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('SettingsCipher', () => {
  it('opens what it sealed, under the key it names, with a new nonce each time', () => {
    const first = cipher.seal('twilio-token-0123456789', acmeTwilio);
    const second = cipher.seal('twilio-token-0123456789', acmeTwilio);
    expect(cipher.open(first, acmeTwilio)).toBe('twilio-token-0123456789');
    expect(first.keyId).toBe(settingsKeyId(key));
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(first.nonce).toHaveLength(12);
    expect(first.nonce.equals(second.nonce)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.toString('utf8')).not.toContain('twilio-token');
    expect(cipher.open(cipher.seal('', acmeTwilio), acmeTwilio)).toBe('');
    expect(cipher.open(cipher.seal('naïve ✓ 秘密', acmeTwilio), acmeTwilio)).toBe('naïve ✓ 秘密');
  });

  it('refuses a value moved to another workspace or provider', () => {
    const sealed = cipher.seal('secret-of-acme', acmeTwilio);
    expect(() => cipher.open(sealed, { workspaceId: 'globex', purpose: 'provider:twilio' })).toThrow(
      /provider:twilio secret of workspace globex does not authenticate.*copied from another workspace or provider/,
    );
    expect(() => cipher.open(sealed, { workspaceId: 'acme', purpose: 'provider:mailgun' })).toThrow(
      SettingsDecryptionError,
    );
  });

  it('refuses a changed ciphertext, tag or nonce', () => {
    const sealed = cipher.seal('secret-of-acme', acmeTwilio);
    const tampered: SealedSecret[] = [
      { ...sealed, ciphertext: flipped(sealed.ciphertext, 0) },
      { ...sealed, ciphertext: flipped(sealed.ciphertext, sealed.ciphertext.length - 1) },
      { ...sealed, nonce: flipped(sealed.nonce, 3) },
      { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 10) },
    ];
    for (const value of tampered)
      expect(() => cipher.open(value, acmeTwilio)).toThrow(SettingsDecryptionError);
    expect(() => cipher.open(tampered[0]!, acmeTwilio)).toThrow(/was changed/);
  });

  it('says which key a value needs when it was sealed under another one', () => {
    const sealed = new SettingsCipher(randomBytes(32)).seal('secret', acmeTwilio);
    expect(() => cipher.open(sealed, acmeTwilio)).toThrow(
      new RegExp(
        `sealed under the settings key ${sealed.keyId}, but SETTINGS_ENCRYPTION_KEY is the key ${cipher.keyId}`,
      ),
    );
    // A wrong key with the id of the right one (a forged id) still does not open it.
    expect(() => cipher.open({ ...sealed, keyId: cipher.keyId }, acmeTwilio)).toThrow(
      /does not authenticate/,
    );
  });

  it('opens values of a previous key after a rotation and seals with the new one', () => {
    const old = randomBytes(32);
    const sealed = new SettingsCipher(old).seal('before rotation', acmeTwilio);
    const rotated = new SettingsCipher(key, [old]);
    expect(rotated.open(sealed, acmeTwilio)).toBe('before rotation');
    expect(rotated.seal('after', acmeTwilio).keyId).toBe(settingsKeyId(key));
  });

  it('takes keys of 32 bytes only', () => {
    expect(() => new SettingsCipher(randomBytes(16))).toThrow(/32 bytes, not 16/);
  });
});

describe('parseSettingsKey', () => {
  it('reads 32 bytes of base64 and refuses anything else, saying how to make a key', () => {
    const text = key.toString('base64');
    expect(parseSettingsKey(text).equals(key)).toBe(true);
    for (const bad of [
      '',
      'short',
      randomBytes(31).toString('base64'),
      `${text}AAAA`,
      text.replace(/.$/, '!'),
    ])
      expect(() => parseSettingsKey(bad)).toThrow(/32 random bytes in base64.*openssl rand -base64 32/);
  });
});
