import {
  createEventValidator,
  type CanonicalEvent,
  type EventValidator,
  type LifecycleScores,
} from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import { setSalesAccepted } from '@leadscore/lifecycle';
import { type Logger } from '@leadscore/observability';
import {
  consumerOffsetRepository,
  lifecycleStateRepository,
  webhookSubscriptionRepository,
  type DataSource,
} from '@leadscore/persistence';
import {
  outboxSourceOf,
  withoutErased,
  type LifecycleBatchOutcome,
  type ThresholdTopics,
} from './lifecycle-batch.handler.js';
import { LifecycleWrites, groupBy } from './lifecycle-writes.js';
import { salesLifecycleEvent } from './lifecycle-event.js';
import { type LifecycleModels } from './lifecycle-models.js';

/** The `contact.updated` trait that says sales accepted (true) or returned (false) the lead. */
export const SALES_ACCEPTED_TRAIT = 'sales_accepted';

/**
 * What an event says about sales acceptance: true (accepted), false (returned to marketing) or nothing.
 * The outcomes the api records (`outcome.sales_accepted` / `outcome.sales_rejected`) and the trait of a
 * `contact.updated` event are the same flag.
 */
export function salesAcceptanceOf(event: CanonicalEvent): boolean | undefined {
  if (event.type === 'outcome.sales_accepted') return true;
  if (event.type === 'outcome.sales_rejected') return false;
  if (event.type !== 'contact.updated') return undefined;
  const flag = event.data.traits[SALES_ACCEPTED_TRAIT];
  return typeof flag === 'boolean' ? flag : undefined;
}

interface SalesFlag {
  readonly workspace: string;
  readonly contact: string;
  readonly accepted: boolean;
  readonly eventId: string;
  readonly time: string;
}

/**
 * One batch of leads.events.v1: `outcome.sales_accepted` events and `contact.updated` events with the
 * sales-accepted trait move every model's lifecycle of that contact to SQL (through each crossed line),
 * where it stays whatever the score does until `outcome.sales_rejected` or the trait set false. Every other event is only counted past. Same transaction shape as score
 * changes: states, outbox, deliveries and the next offset together; ids are derived from the event id,
 * so a redelivered event adds nothing. A contact never scored has no lifecycle yet and is skipped.
 */
export class SalesAcceptanceHandler {
  private readonly validator: EventValidator = createEventValidator();

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: LifecycleModels,
    private readonly consumerGroup: string,
    private readonly logger: Logger,
    private readonly topics: ThresholdTopics,
    private readonly clock: () => number = Date.now,
  ) {}

  async handle(batch: ConsumedBatch): Promise<LifecycleBatchOutcome> {
    const source = outboxSourceOf(batch.partition);
    return this.dataSource.transaction(async (sql) => {
      const stored = await consumerOffsetRepository.lockPartition(
        sql,
        this.consumerGroup,
        batch.topic,
        batch.partition,
      );
      const fresh = batch.messages.filter((m) => stored === undefined || BigInt(m.offset) >= BigInt(stored));
      const flags: SalesFlag[] = [];
      for (const message of fresh) {
        if (message.value === null) continue;
        let candidate: unknown;
        try {
          candidate = JSON.parse(message.value.toString('utf8'));
        } catch {
          continue; // the scorer dead-letters unreadable events; nothing here to act on
        }
        const validation = this.validator.validate(candidate);
        if (!validation.valid) continue;
        const { event } = validation;
        const accepted = salesAcceptanceOf(event);
        if (accepted === undefined) continue;
        flags.push({
          workspace: event.workspace,
          contact: event.subject,
          accepted,
          eventId: event.id,
          time: event.time,
        });
      }

      // A sales flag sent before its contact was erased must not move the lifecycle of whoever the key
      // names after the erasure.
      const kept = await withoutErased(sql, flags, (f) => ({
        workspaceId: f.workspace,
        contactId: f.contact,
        time: f.time,
      }));
      const states = await lifecycleStateRepository.lockContacts(
        sql,
        kept.map((f) => ({ workspaceId: f.workspace, contactId: f.contact })),
      );
      const statesOf = groupBy(states, (s) => `${s.workspaceId}\u0000${s.contactId}`);
      const subscriptionsOf = groupBy(
        await webhookSubscriptionRepository.enabledFor(sql, [...new Set(flags.map((f) => f.workspace))]),
        (s) => s.workspaceId,
      );
      const writes = new LifecycleWrites(source, this.topics.lifecycle, subscriptionsOf);
      const { changed } = writes;
      for (const flag of kept) {
        const rows = statesOf.get(`${flag.workspace}\u0000${flag.contact}`) ?? [];
        if (rows.length === 0) {
          this.logger.warn(
            { workspace: flag.workspace, contact: flag.contact, eventId: flag.eventId },
            'sales flag for a contact without a lifecycle yet; ignored',
          );
        }
        for (const row of rows) {
          const key = lifecycleStateRepository.keyOf(row);
          const current = changed.get(key) ?? row;
          const model = await this.models.find(sql, row.workspaceId, row.modelId, current.modelVersion);
          const plan = setSalesAccepted(model?.lifecycle, current, flag.accepted);
          changed.set(key, { ...current, ...plan.next });
          const published = plan.transitions.map((t, index) =>
            salesLifecycleEvent(
              {
                workspace: flag.workspace,
                contact: flag.contact,
                model: { id: row.modelId, version: current.modelVersion },
                sequence: current.lastSequence,
                scores: current.scores as LifecycleScores,
                eventId: flag.eventId,
                time: flag.time,
              },
              t,
              index,
            ),
          );
          writes.record(flag.workspace, flag.contact, plan.transitions, published);
        }
      }
      await writes.commit(sql, new Date(this.clock()), this.consumerGroup, batch);
      return {
        processed: kept.length,
        duplicates: batch.messages.length - fresh.length,
        invalid: 0,
        erased: flags.length - kept.length,
        transitions: writes.transitions,
        deliveries: writes.deliveryCount,
        accountChanges: 0,
        accountTransitions: [],
      };
    });
  }
}
