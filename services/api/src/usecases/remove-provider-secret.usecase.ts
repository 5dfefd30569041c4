import type { WebhookProvider } from '@leadscore/access';
import type { ProviderSecretStatus } from '@leadscore/contracts';
import { auditLogRepository, providerSecretRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { providerSecretStatus } from './settings.view.js';

/**
 * An admin removes a provider's webhook secret of its workspace (audited as `provider-secret.removed`);
 * from ingest's next reload on, that provider's webhooks are checked with the bootstrap
 * configuration's secret, or refused when it has none. Removing a secret that is not set changes
 * nothing and writes no audit row.
 */
export class RemoveProviderSecret {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, provider: WebhookProvider): Promise<ProviderSecretStatus> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      if (await providerSecretRepository.remove(sql, caller.workspaceId, provider))
        await auditLogRepository.append(sql, [
          {
            workspaceId: caller.workspaceId,
            actor: caller.actor,
            action: 'provider-secret.removed',
            target: provider,
            details: {},
            at,
          },
        ]);
      return providerSecretStatus(provider, undefined);
    });
  }
}
