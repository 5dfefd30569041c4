import type { WebhookDeliveryPage } from '@leadscore/contracts';
import { webhookDeliveryRepository, type WebhookDeliveryStatus } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { subscriptionOrFail } from './webhook-subscriptions.js';

export interface DeliveryLogQuery {
  readonly status?: WebhookDeliveryStatus;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
  readonly limit: number;
}

/** A subscription's deliveries, newest first, a page at a time, each with every attempt. */
export class ListWebhookDeliveries {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string, query: DeliveryLogQuery): Promise<WebhookDeliveryPage> {
    const sql = this.context.dataSource.manager;
    await subscriptionOrFail(sql, caller.workspaceId, id);
    const page = await webhookDeliveryRepository.logPage(sql, caller.workspaceId, id, {
      limit: query.limit,
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.cursor !== undefined ? { before: query.cursor } : {}),
    });
    return {
      deliveries: page.entries.map((d) => ({
        id: d.id,
        webhookId: d.webhookId,
        eventId: d.eventId,
        eventType: d.eventType,
        status: d.status,
        attempts: d.attempts.map((a) => ({
          attempt: a.attempt,
          startedAt: a.startedAt.toISOString(),
          latencyMs: a.latencyMs,
          statusCode: a.statusCode,
          outcome: a.outcome,
          responseExcerpt: a.responseExcerpt,
          error: a.error,
        })),
        nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        deadLetteredAt: d.deadLetteredAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextBefore,
    };
  }
}
