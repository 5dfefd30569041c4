import { providerSecretPurpose, sendgridPublicKey, type WebhookProvider } from '@leadscore/access';
import type { ProviderSecretRequest, ProviderSecretStatus } from '@leadscore/contracts';
import { auditLogRepository, providerSecretRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { providerSecretStatus, secretHint } from './settings.view.js';

function requireUsable(provider: WebhookProvider, secret: string): void {
  if (provider !== 'sendgrid') return;
  try {
    sendgridPublicKey(secret);
  } catch {
    fail(
      'invalid-request',
      'secret: expected the verification key SendGrid shows for its Signed Event Webhook (Mail Settings → Signed Event Webhook): base64 DER of an ECDSA P-256 public key, as SendGrid shows it.',
      [{ field: 'secret', expected: 'a base64 DER ECDSA P-256 public key' }],
    );
  }
}

/**
 * An admin stores (or rotates) a provider's webhook secret of its workspace: sealed with
 * SETTINGS_ENCRYPTION_KEY (workspace and provider bound in), shown never again, audited as
 * `provider-secret.set` without the secret; ingest checks that provider's webhooks with it from its
 * next reload on.
 */
export class SetProviderSecret {
  constructor(private readonly context: ApiContext) {}

  async execute(
    caller: Caller,
    provider: WebhookProvider,
    command: ProviderSecretRequest,
  ): Promise<ProviderSecretStatus> {
    requireUsable(provider, command.secret);
    const sealed = this.context.settingsCipher.seal(command.secret, {
      workspaceId: caller.workspaceId,
      purpose: providerSecretPurpose(provider),
    });
    const at = this.context.now();
    const hint = secretHint(command.secret);
    return this.context.dataSource.transaction(async (sql) => {
      const { replaced } = await providerSecretRepository.put(sql, {
        workspaceId: caller.workspaceId,
        provider,
        sealed,
        hint,
        updatedAt: at,
        updatedBy: caller.actor,
      });
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'provider-secret.set',
          target: provider,
          details: { replaced, keyId: sealed.keyId },
          at,
        },
      ]);
      return providerSecretStatus(provider, {
        provider,
        hint,
        keyId: sealed.keyId,
        updatedAt: at,
        updatedBy: caller.actor,
      });
    });
  }
}
