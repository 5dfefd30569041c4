import type { WebhookSubscription } from '@leadscore/contracts';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { webhookView } from './webhook.view.js';
import { subscriptionOrFail } from './webhook-subscriptions.js';

/** One subscription of the caller's workspace (404 for another workspace's). */
export class GetWebhook {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<WebhookSubscription> {
    return webhookView(await subscriptionOrFail(this.context.dataSource.manager, caller.workspaceId, id));
  }
}
