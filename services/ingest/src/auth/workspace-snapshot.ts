import {
  SettingsDecryptionError,
  providerSecretPurpose,
  sendgridPublicKey,
  type SettingsCipher,
  type WebhookProvider,
} from '@leadscore/access';
import {
  apiKeyRepository,
  providerSecretRepository,
  workspaceSettingsRepository,
  type SqlRunner,
} from '@leadscore/persistence';
import type { ProviderSecrets } from './workspace-directory.js';
import type { WorkspaceKey } from './workspace-key.js';

/** A key of the api's table, as loaded: `revoked` keys are refused even when the bootstrap has them. */
export interface StoredKey extends WorkspaceKey {
  readonly revoked: boolean;
}

/** A workspace of the api's table with what its settings set (absent = the bootstrap's applies). */
export interface StoredWorkspace {
  readonly workspace: string;
  readonly defaultCountry: string | null;
  /** The `trackingFormFields` setting (null: not set through the api). */
  readonly trackingFormFields: readonly string[] | null;
  /**
   * The secrets set through the api, opened. A provider present with `undefined` has a stored secret
   * that cannot be opened: it is refused rather than replaced by the bootstrap's.
   */
  readonly providers: ProviderSecrets;
}

/** A stored secret that could not be opened (wrong SETTINGS_ENCRYPTION_KEY, changed or moved row). */
export interface UnreadableSecret {
  readonly workspace: string;
  readonly provider: WebhookProvider;
  readonly reason: string;
}

/** What ingest loads from PostgreSQL at each reload: every key, workspace, setting and secret. */
export interface WorkspaceSnapshot {
  readonly keys: readonly StoredKey[];
  readonly workspaces: readonly StoredWorkspace[];
  readonly unreadable: readonly UnreadableSecret[];
}

export const EMPTY_SNAPSHOT: WorkspaceSnapshot = { keys: [], workspaces: [], unreadable: [] };

function providerSecret(provider: WebhookProvider, secret: string): ProviderSecrets {
  switch (provider) {
    case 'sendgrid':
      return { sendgrid: { publicKey: sendgridPublicKey(secret) } };
    case 'twilio':
      return { twilio: { authToken: secret } };
    case 'zoom':
      return { zoom: { secretToken: secret } };
    case 'mailgun':
      return { mailgun: { signingKey: secret } };
  }
}

/**
 * Loads the snapshot: keys (api_keys), workspaces with their settings, and the provider secrets,
 * opened with `cipher` (SETTINGS_ENCRYPTION_KEY, the api's). Three reads of small tables, one reload.
 */
export async function loadWorkspaceSnapshot(
  sql: SqlRunner,
  cipher: SettingsCipher,
): Promise<WorkspaceSnapshot> {
  const [keys, settings, secrets] = await Promise.all([
    apiKeyRepository.directory(sql),
    workspaceSettingsRepository.directory(sql),
    providerSecretRepository.directory(sql),
  ]);
  const providers = new Map<string, ProviderSecrets>();
  const unreadable: UnreadableSecret[] = [];
  for (const stored of secrets) {
    let opened: ProviderSecrets;
    try {
      const secret = cipher.open(stored.sealed, {
        workspaceId: stored.workspaceId,
        purpose: providerSecretPurpose(stored.provider),
      });
      opened = providerSecret(stored.provider, secret);
    } catch (error) {
      unreadable.push({
        workspace: stored.workspaceId,
        provider: stored.provider,
        reason:
          error instanceof SettingsDecryptionError
            ? error.message
            : `the ${stored.provider} secret of workspace ${stored.workspaceId} is not usable (${error instanceof Error ? error.message : String(error)}); set it again through the api`,
      });
      opened = { [stored.provider]: undefined };
    }
    providers.set(stored.workspaceId, { ...providers.get(stored.workspaceId), ...opened });
  }
  return {
    keys: keys.map((entry) => ({
      workspace: entry.workspaceId,
      kind: entry.kind,
      keyHash: entry.keyHash.toString('hex'),
      scopes: entry.scopes,
      revoked: entry.revoked,
    })),
    workspaces: settings.map((entry) => ({
      workspace: entry.workspaceId,
      defaultCountry: entry.defaultCountry,
      trackingFormFields: entry.trackingFormFields,
      providers: providers.get(entry.workspaceId) ?? {},
    })),
    unreadable,
  };
}
