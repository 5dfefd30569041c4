import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption of workspace secrets at rest (provider webhook secrets): AES-256-GCM under a key from the
 * environment (SETTINGS_ENCRYPTION_KEY), a random 96-bit nonce per value, and the workspace and the
 * secret's purpose (e.g. `provider:twilio`) bound as associated data, so a ciphertext copied to
 * another workspace or provider does not decrypt. Each value names the key it was sealed under (its
 * key id), so the key can be rotated: a cipher opens values of every key it was given and seals with
 * the first.
 */

export const SETTINGS_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
/** Versions the associated data's layout: a later format gets another prefix. */
const AAD_PREFIX = 'leadscore/settings/v1';

/** A sealed value as stored: the key it was sealed under, its nonce, and the ciphertext with its tag. */
export interface SealedSecret {
  readonly keyId: string;
  readonly nonce: Buffer;
  /** Ciphertext followed by the 16-byte GCM tag. */
  readonly ciphertext: Buffer;
}

/** What a secret belongs to: bound into the ciphertext as associated data. */
export interface SecretContext {
  readonly workspaceId: string;
  /** What the secret is for, e.g. `provider:twilio`. */
  readonly purpose: string;
}

/** A value that cannot be opened: the message says why and what to do. */
export class SettingsDecryptionError extends Error {
  override readonly name = 'SettingsDecryptionError';
}

/** A key's public name: the first 8 bytes of its SHA-256, in hex (the key itself cannot be derived from it). */
export function settingsKeyId(key: Buffer): string {
  return createHash('sha256').update('leadscore settings key id\0').update(key).digest('hex').slice(0, 16);
}

/** The key of SETTINGS_ENCRYPTION_KEY: base64 of exactly 32 bytes, or an Error saying so. */
export function parseSettingsKey(base64: string): Buffer {
  const text = base64.trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== SETTINGS_KEY_BYTES)
    throw new Error(
      `a settings encryption key is ${SETTINGS_KEY_BYTES} random bytes in base64 (44 characters); make one with: openssl rand -base64 32`,
    );
  return key;
}

function associatedData(context: SecretContext): Buffer {
  return Buffer.from(`${AAD_PREFIX}\0${context.workspaceId}\0${context.purpose}`, 'utf8');
}

export class SettingsCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly sealingKey: Buffer;
  /** The id of the key new values are sealed under. */
  readonly keyId: string;

  /** `key` seals and opens; `previousKeys` only open (values sealed before a rotation). */
  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const k of [key, ...previousKeys])
      if (k.length !== SETTINGS_KEY_BYTES)
        throw new Error(`a settings encryption key is ${SETTINGS_KEY_BYTES} bytes, not ${k.length}`);
    this.sealingKey = key;
    this.keyId = settingsKeyId(key);
    this.keys = new Map([key, ...previousKeys].map((k) => [settingsKeyId(k), k]));
  }

  seal(plaintext: string, context: SecretContext): SealedSecret {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.sealingKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { keyId: this.keyId, nonce, ciphertext };
  }

  /** The plaintext, or a SettingsDecryptionError naming the cause (unknown key, changed or moved value). */
  open(sealed: SealedSecret, context: SecretContext): string {
    const key = this.keys.get(sealed.keyId);
    const what = `the ${context.purpose} secret of workspace ${context.workspaceId}`;
    if (!key)
      throw new SettingsDecryptionError(
        `${what} was sealed under the settings key ${sealed.keyId}, but SETTINGS_ENCRYPTION_KEY is the key ${this.keyId}: start the service with the key it was sealed under, or set the secret again through the api`,
      );
    if (sealed.nonce.length !== NONCE_BYTES || sealed.ciphertext.length < TAG_BYTES)
      throw new SettingsDecryptionError(`${what} is not a sealed value (wrong nonce or ciphertext length)`);
    const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_BYTES);
    const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_BYTES);
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SettingsDecryptionError(
        `${what} does not authenticate under the settings key ${sealed.keyId}: it was changed, or copied from another workspace or provider; set the secret again through the api`,
      );
    }
  }
}
