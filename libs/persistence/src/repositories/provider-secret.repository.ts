import { type SealedSecret, type WebhookProvider, type WorkspaceId } from '@leadscore/access';
import { returnedRows, type SqlRunner } from './sql-types.js';

/** What may be shown of a stored secret: never the secret, nor its ciphertext. */
export interface ProviderSecretInfo {
  provider: WebhookProvider;
  /** The secret's last characters, e.g. `…1234`. */
  hint: string;
  /** The settings key it is sealed under. */
  keyId: string;
  updatedAt: Date;
  updatedBy: string;
}

/** A secret to store: its sealed value names its key (`sealed.keyId`). */
export interface ProviderSecretRow extends Omit<ProviderSecretInfo, 'keyId'> {
  workspaceId: WorkspaceId;
  sealed: SealedSecret;
}

/** A sealed secret as ingest loads it with every workspace's keys. */
export interface SealedProviderSecret {
  workspaceId: WorkspaceId;
  provider: WebhookProvider;
  sealed: SealedSecret;
}

interface InfoRecord {
  provider: WebhookProvider;
  hint: string;
  key_id: string;
  updated_at: Date;
  updated_by: string;
}

/** Provider webhook secrets of workspaces, sealed by the api (libs/access SettingsCipher). */
export const providerSecretRepository = {
  /** The workspace's stored secrets, without their values, by provider name. */
  async list(sql: SqlRunner, workspaceId: WorkspaceId): Promise<ProviderSecretInfo[]> {
    const rows = await sql.query<InfoRecord[]>(
      `SELECT provider, hint, key_id, updated_at, updated_by FROM provider_secrets
       WHERE workspace_id = $1 ORDER BY provider`,
      [workspaceId],
    );
    return rows.map((r) => ({
      provider: r.provider,
      hint: r.hint,
      keyId: r.key_id,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    }));
  },

  /** Stores (or replaces) the workspace's secret of a provider; true when one was replaced. */
  async put(sql: SqlRunner, row: ProviderSecretRow): Promise<{ replaced: boolean }> {
    const [result] = await sql.query<{ replaced: boolean }[]>(
      `INSERT INTO provider_secrets AS p
         (workspace_id, provider, key_id, nonce, ciphertext, hint, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace_id, provider) DO UPDATE SET
         key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
         hint = EXCLUDED.hint, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING (xmax <> 0) AS replaced`,
      [
        row.workspaceId,
        row.provider,
        row.sealed.keyId,
        row.sealed.nonce,
        row.sealed.ciphertext,
        row.hint,
        row.updatedAt,
        row.updatedBy,
      ],
    );
    return { replaced: result?.replaced ?? false };
  },

  /** Removes the workspace's secret of a provider; false when there was none. */
  async remove(sql: SqlRunner, workspaceId: WorkspaceId, provider: WebhookProvider): Promise<boolean> {
    const rows = returnedRows<{ provider: string }>(
      await sql.query(
        'DELETE FROM provider_secrets WHERE workspace_id = $1 AND provider = $2 RETURNING provider',
        [workspaceId, provider],
      ),
    );
    return rows.length > 0;
  },

  /** Every workspace's sealed secrets: the snapshot ingest reloads with its keys (across workspaces). */
  async directory(sql: SqlRunner): Promise<SealedProviderSecret[]> {
    const rows = await sql.query<
      {
        workspace_id: WorkspaceId;
        provider: WebhookProvider;
        key_id: string;
        nonce: Buffer;
        ciphertext: Buffer;
      }[]
    >('SELECT workspace_id, provider, key_id, nonce, ciphertext FROM provider_secrets');
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      provider: r.provider,
      sealed: { keyId: r.key_id, nonce: r.nonce, ciphertext: r.ciphertext },
    }));
  },
};
