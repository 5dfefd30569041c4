import { auditLogRepository, webhookSubscriptionRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { auditedUrl } from './webhook.view.js';
import { notFound, subscriptionOrFail } from './webhook-subscriptions.js';

/** An admin deletes a subscription with its deliveries and their log; audited `webhook.deleted`. */
export class DeleteWebhook {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<void> {
    const at = this.context.now();
    await this.context.dataSource.transaction(async (sql) => {
      const subscription = await subscriptionOrFail(sql, caller.workspaceId, id);
      if (!(await webhookSubscriptionRepository.delete(sql, caller.workspaceId, id))) notFound(id);
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'webhook.deleted',
          target: id,
          details: { url: auditedUrl(subscription.url) },
          at,
        },
      ]);
    });
  }
}
