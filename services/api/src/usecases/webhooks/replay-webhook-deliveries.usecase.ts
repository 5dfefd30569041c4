import type { WebhookReplayResult } from '@leadscore/contracts';
import { auditLogRepository, webhookDeliveryRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { fail } from '../../http/problem-details.js';
import { subscriptionOrFail } from './webhook-subscriptions.js';

/**
 * An admin replays a subscription's dead-lettered deliveries, all of them or one: threshold attempts
 * them again from now, with the same webhook id (receivers dedupe by it) and a fresh attempt count.
 * A delivery that is not dead is a 409; audited `webhook.replayed` when anything was replayed.
 */
export class ReplayWebhookDeliveries {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string, deliveryId?: string): Promise<WebhookReplayResult> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      await subscriptionOrFail(sql, caller.workspaceId, id);
      if (deliveryId !== undefined) {
        const status = await webhookDeliveryRepository.statusOf(sql, caller.workspaceId, id, deliveryId);
        if (status === undefined)
          fail(
            'not-found',
            `No delivery "${deliveryId}" of webhook subscription ${id}; GET /v1/webhooks/${id}/deliveries lists them.`,
          );
        if (status !== 'dead')
          fail(
            'conflict',
            `Delivery ${deliveryId} is ${status === 'pending' ? 'pending (threshold is still attempting it)' : 'delivered'}; only dead-lettered deliveries are replayed.`,
          );
      }
      const replayed = await webhookDeliveryRepository.replayDeadOf(
        sql,
        caller.workspaceId,
        id,
        at,
        deliveryId,
      );
      if (replayed.length > 0)
        await auditLogRepository.append(sql, [
          {
            workspaceId: caller.workspaceId,
            actor: caller.actor,
            action: 'webhook.replayed',
            target: id,
            details: { deliveryIds: replayed },
            at,
          },
        ]);
      return { replayed: replayed.length, deliveryIds: replayed };
    });
  }
}
