import {
  accountKey,
  contactKey,
  type LifecycleChangedEvent,
  type ScoreChangedEvent,
} from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import { type AccountChangeOutput } from '../accounts/account-events.js';
import {
  wantsAccountScoreChanges,
  wantsAccountTransition,
  wantsScoreChanges,
  wantsTransition,
  webhookIdOf,
  type AccountTransition,
  type Transition,
} from '@leadscore/lifecycle';
import {
  consumerOffsetRepository,
  lifecycleStateRepository,
  outboxRepository,
  webhookDeliveryRepository,
  type SqlRunner,
  type LifecycleStateRow,
  type NewWebhookDelivery,
  type OutboxMessage,
  type WebhookSubscriptionRow,
} from '@leadscore/persistence';

/**
 * What one threshold batch writes, whichever topic it came from: the changed lifecycle states, the
 * transitions as lifecycle events (outbox), the webhook deliveries they call for, and the next offset,
 * all in the batch's transaction.
 */
export class LifecycleWrites {
  /** Lifecycle states changed so far in this batch, by `lifecycleStateRepository.keyOf`. */
  readonly changed = new Map<string, LifecycleStateRow>();
  readonly transitions: Transition[] = [];
  private readonly outbox: OutboxMessage[] = [];
  private readonly deliveries: NewWebhookDelivery[] = [];

  readonly accountTransitions: AccountTransition[] = [];

  constructor(
    private readonly source: string,
    private readonly lifecycleTopic: string,
    private readonly subscriptionsOf: ReadonlyMap<string, readonly WebhookSubscriptionRow[]>,
    private readonly accountScoreTopic?: string,
  ) {}

  /** One contact's transitions and their published events; `scoreChanged` is the change behind them, if any. */
  record(
    workspace: string,
    contact: string,
    transitions: readonly Transition[],
    published: readonly LifecycleChangedEvent[],
    scoreChanged?: ScoreChangedEvent,
  ): void {
    this.transitions.push(...transitions);
    const key = contactKey(workspace, contact);
    for (const message of published) this.enqueue(this.lifecycleTopic, key, message);
    for (const subscription of this.subscriptionsOf.get(workspace) ?? []) {
      this.deliveries.push(...deliveriesFor(subscription, scoreChanged, transitions, published));
    }
  }

  /** One account change, its transitions and their published events: outbox and webhook deliveries. */
  recordAccount({ change, transitions, published }: AccountChangeOutput): void {
    if (this.accountScoreTopic === undefined)
      throw new Error('LifecycleWrites: account changes need the account score topic');
    this.accountTransitions.push(...transitions);
    const key = accountKey(change.workspace, change.data.account);
    this.enqueue(this.accountScoreTopic, key, change);
    for (const message of published) this.enqueue(this.lifecycleTopic, key, message);
    for (const subscription of this.subscriptionsOf.get(change.workspace) ?? []) {
      if (wantsAccountScoreChanges(subscription)) this.deliveries.push(deliveryOf(subscription, change));
      transitions.forEach((transition, index) => {
        const message = published[index];
        if (message && wantsAccountTransition(subscription, transition))
          this.deliveries.push(deliveryOf(subscription, message));
      });
    }
  }

  private enqueue(topic: string, key: string, message: { readonly id: string }): void {
    this.outbox.push({ eventId: message.id, source: this.source, topic, key, payload: message });
  }

  get deliveryCount(): number {
    return this.deliveries.length;
  }

  async commit(
    sql: SqlRunner,
    now: Date,
    consumerGroup: string,
    batch: Pick<ConsumedBatch, 'topic' | 'partition' | 'nextOffset'>,
  ): Promise<void> {
    await lifecycleStateRepository.upsertMany(sql, [...this.changed.values()], now);
    // One outbox row for the batch's messages, as the scorer writes them: one insert, however many.
    await outboxRepository.enqueueBatch(sql, this.source, this.outbox, now);
    await webhookDeliveryRepository.enqueue(sql, this.deliveries, now);
    await consumerOffsetRepository.save(sql, consumerGroup, batch.topic, [
      { partition: batch.partition, nextOffset: batch.nextOffset },
    ]);
  }
}

export function deliveriesFor(
  subscription: WebhookSubscriptionRow,
  scoreChanged: ScoreChangedEvent | undefined,
  transitions: readonly Transition[],
  published: readonly LifecycleChangedEvent[],
): NewWebhookDelivery[] {
  const deliveries: NewWebhookDelivery[] = [];
  if (scoreChanged && wantsScoreChanges(subscription))
    deliveries.push(deliveryOf(subscription, scoreChanged));
  transitions.forEach((transition, index) => {
    const message = published[index];
    if (message && wantsTransition(subscription, transition))
      deliveries.push(deliveryOf(subscription, message));
  });
  return deliveries;
}

/** One message for one subscription: its webhook id derives from both, so a retried batch sends it once. */
function deliveryOf(
  subscription: WebhookSubscriptionRow,
  message: { readonly id: string; readonly type: string },
): NewWebhookDelivery {
  return {
    subscriptionId: subscription.id,
    workspaceId: subscription.workspaceId,
    webhookId: webhookIdOf(subscription.id, message.id),
    eventId: message.id,
    eventType: message.type,
    payload: message,
  };
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
