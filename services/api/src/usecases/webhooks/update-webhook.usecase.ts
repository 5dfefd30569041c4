import type { UpdateWebhookRequest, WebhookSubscription } from '@leadscore/contracts';
import {
  auditLogRepository,
  webhookSubscriptionRepository,
  type WebhookSubscriptionChanges,
} from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { auditedUrl, webhookView } from './webhook.view.js';
import { checkFilter, checkWebhookUrl, notFound, subscriptionOrFail } from './webhook-subscriptions.js';

/**
 * An admin changes a subscription's URL (checked by the SSRF guard again), filter, description or
 * enabled flag; audited `webhook.updated` with the fields changed. Secrets change only by rotation.
 */
export class UpdateWebhook {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string, command: UpdateWebhookRequest): Promise<WebhookSubscription> {
    const changes: WebhookSubscriptionChanges = {};
    if (command.url !== undefined) changes.url = command.url;
    if (command.events !== undefined) changes.events = command.events;
    if (command.tiers !== undefined) changes.tiers = command.tiers;
    if (command.stages !== undefined) changes.stages = command.stages;
    if (command.description !== undefined) changes.description = command.description;
    if (command.enabled !== undefined) changes.enabled = command.enabled;
    if (changes.url !== undefined) await checkWebhookUrl(this.context.webhooks, changes.url);
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      const before = await subscriptionOrFail(sql, caller.workspaceId, id);
      checkFilter({
        events: changes.events ?? before.events,
        tiers: changes.tiers !== undefined ? changes.tiers : before.tiers,
        stages: changes.stages !== undefined ? changes.stages : before.stages,
      });
      const after = await webhookSubscriptionRepository.update(sql, caller.workspaceId, id, changes, at);
      if (!after) return notFound(id);
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'webhook.updated',
          target: id,
          details: { ...changes, ...(changes.url !== undefined ? { url: auditedUrl(changes.url) } : {}) },
          at,
        },
      ]);
      return webhookView(after);
    });
  }
}
