import { SettingsDecryptionError, type SettingsCipher } from './settings-cipher.js';

/**
 * CRM webhook signing secrets at rest (`webhook_subscriptions.secrets`, a text array): sealed with the
 * settings cipher, bound to their workspace and subscription, as `sealed:v1:<key id>:<nonce>:<ciphertext>`
 * (base64). The api seals them; threshold and the api's ping open them to sign. Secrets stored before
 * sealing (`whsec_…` in clear) are still read as they are, and sealed when rotated.
 */
const PREFIX = 'sealed:v1:';

const purposeOf = (subscriptionId: string) => `webhook:${subscriptionId}`;

export function sealWebhookSecret(
  cipher: SettingsCipher,
  secret: string,
  owner: { readonly workspaceId: string; readonly subscriptionId: string },
): string {
  const sealed = cipher.seal(secret, {
    workspaceId: owner.workspaceId,
    purpose: purposeOf(owner.subscriptionId),
  });
  return `${PREFIX}${sealed.keyId}:${sealed.nonce.toString('base64')}:${sealed.ciphertext.toString('base64')}`;
}

/** The secret, or a SettingsDecryptionError saying why it cannot be opened and what to do. */
export function openWebhookSecret(
  cipher: SettingsCipher,
  stored: string,
  owner: { readonly workspaceId: string; readonly subscriptionId: string },
): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [keyId = '', nonce = '', ciphertext = '', ...rest] = stored.slice(PREFIX.length).split(':');
  if (rest.length > 0 || !keyId || !nonce || !ciphertext)
    throw new SettingsDecryptionError(
      `the signing secret of webhook subscription ${owner.subscriptionId} is not a sealed value; rotate it through the api`,
    );
  return cipher.open(
    { keyId, nonce: Buffer.from(nonce, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64') },
    { workspaceId: owner.workspaceId, purpose: purposeOf(owner.subscriptionId) },
  );
}
