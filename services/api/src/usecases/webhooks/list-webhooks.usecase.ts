import type { WebhookList } from '@leadscore/contracts';
import { webhookSubscriptionRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { webhookView } from './webhook.view.js';

/** The caller's workspace's subscriptions, oldest first; never a secret. */
export class ListWebhooks {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller): Promise<WebhookList> {
    const rows = await webhookSubscriptionRepository.list(
      this.context.dataSource.manager,
      caller.workspaceId,
    );
    return { subscriptions: rows.map(webhookView) };
  }
}
