import { Topics, type ScoreChangedEvent } from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import {
  applyMergedScores,
  INITIAL_LIFECYCLE,
  type AccountTransition,
  type Transition,
} from '@leadscore/lifecycle';
import { type Logger } from '@leadscore/observability';
import {
  consumerOffsetRepository,
  contactErasureRepository,
  lifecycleStateRepository,
  webhookSubscriptionRepository,
  type DataSource,
  type EntityManager,
} from '@leadscore/persistence';
import { rollUpAccounts, type MemberScoreChange } from '../accounts/account-rollup.js';
import { lifecycleEvent } from './lifecycle-event.js';
import { type LifecycleModels } from './lifecycle-models.js';
import { decodeScoreChanged } from './score-changed.decoder.js';
import { LifecycleWrites, groupBy } from './lifecycle-writes.js';

export const outboxSourceOf = (partition: number) => `threshold:${partition}`;

/** The topics threshold reads and writes; tests give each run topics of its own. */
export interface ThresholdTopics {
  readonly scoreChanged: string;
  readonly lifecycle: string;
  /** Read for `contact.updated` events that carry the sales-accepted trait. */
  readonly events: string;
  /** Where account score changes go. */
  readonly accountScoreChanged: string;
}

export const DEFAULT_THRESHOLD_TOPICS: ThresholdTopics = {
  scoreChanged: Topics.scoreChanged,
  lifecycle: Topics.lifecycle,
  events: Topics.events,
  accountScoreChanged: Topics.accountScoreChanged,
};

export interface LifecycleBatchOutcome {
  readonly processed: number;
  readonly duplicates: number;
  readonly invalid: number;
  /** Records of erased contacts dated at or before their erasure (in flight, or replayed): not applied. */
  readonly erased: number;
  readonly transitions: readonly Transition[];
  readonly deliveries: number;
  /** Account changes published (members' changes rolled up into their accounts). */
  readonly accountChanges: number;
  readonly accountTransitions: readonly AccountTransition[];
}

/**
 * One batch of one score-changed partition, with an exactly-once effect: in one PostgreSQL transaction
 * the contacts' lifecycle states are locked, advanced by the pure engine, and written back with the
 * transitions (outbox), the webhook deliveries and the next offset. A score change at or below a
 * contact's last applied sequence is a duplicate or a replay and changes nothing.
 */
export class LifecycleBatchHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: LifecycleModels,
    private readonly consumerGroup: string,
    private readonly logger: Logger,
    private readonly topics: ThresholdTopics = DEFAULT_THRESHOLD_TOPICS,
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
      const decoded: ScoreChangedEvent[] = [];
      let invalid = 0;
      for (const message of fresh) {
        const read = decodeScoreChanged(message.offset, message.value);
        if (read.ok) decoded.push(read.event);
        else {
          invalid += 1;
          // Nothing downstream can act on it; it stays on the topic for inspection.
          this.logger.error(
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: message.offset,
              reason: read.reason,
            },
            'score-changed record skipped',
          );
        }
      }

      // A contact erased after these changes were made must not get its lifecycle back from them: the
      // shared locks make an erasure wait for this batch, or this batch see its tombstone.
      const events = await withoutErased(sql, decoded, (e) => ({
        workspaceId: e.workspace,
        contactId: e.data.contact,
        time: e.time,
      }));
      // A merge's survivor starts from the further stage of the two: the merged contact's state too.
      const keys = [
        ...new Map(
          events.flatMap((e) =>
            [e.data.contact, mergedSubjectOf(e)]
              .filter((contactId) => contactId !== undefined)
              .map((contactId) => {
                const key = { workspaceId: e.workspace, modelId: e.data.model.id, contactId };
                return [lifecycleStateRepository.keyOf(key), key] as const;
              }),
          ),
        ).values(),
      ];
      const states = await lifecycleStateRepository.loadMany(sql, keys, true);
      const subscriptions = await webhookSubscriptionRepository.enabledFor(sql, [
        ...new Set(events.map((e) => e.workspace)),
      ]);
      const subscriptionsOf = groupBy(subscriptions, (s) => s.workspaceId);

      const writes = new LifecycleWrites(
        source,
        this.topics.lifecycle,
        subscriptionsOf,
        this.topics.accountScoreChanged,
      );
      const memberChanges: MemberScoreChange[] = [];
      const { changed } = writes;
      let duplicates = 0;
      for (const event of events) {
        const { data } = event;
        const key = { workspaceId: event.workspace, modelId: data.model.id, contactId: data.contact };
        const stateKey = lifecycleStateRepository.keyOf(key);
        const current = changed.get(stateKey) ?? states.get(stateKey);
        if (current && data.sequence <= current.lastSequence) {
          duplicates += 1;
          continue;
        }
        const model = await this.models.find(sql, event.workspace, data.model.id, data.model.version);
        if (!model) {
          this.logger.warn(
            {
              workspace: event.workspace,
              model: data.model.id,
              version: data.model.version,
              eventId: event.id,
            },
            'model version not recorded; only the tier is tracked for this change',
          );
        }
        const merged = mergedSubjectOf(event);
        const mergedKey = merged && lifecycleStateRepository.keyOf({ ...key, contactId: merged });
        const plan = endsInMerge(event)
          ? // Merged away: its lifecycle ends where it stood (its last change is no fall of a real lead).
            { next: current ?? { ...INITIAL_LIFECYCLE }, transitions: [] }
          : applyMergedScores(
              model?.lifecycle,
              current ?? { ...INITIAL_LIFECYCLE },
              mergedKey === undefined ? undefined : (changed.get(mergedKey) ?? states.get(mergedKey)),
              data.current,
              model?.tiers,
            );
        changed.set(stateKey, {
          ...key,
          ...plan.next,
          grade: data.current.grade,
          lastSequence: data.sequence,
          modelVersion: data.model.version,
          scores: data.current,
        });
        const published = plan.transitions.map((t, index) => lifecycleEvent(event, t, index));
        writes.record(event.workspace, data.contact, plan.transitions, published, event);
        if (model?.accounts) memberChanges.push({ event, scoring: model.accounts });
      }

      const now = new Date(this.clock());
      const rolledUp = await rollUpAccounts(sql, memberChanges, now);
      for (const account of rolledUp.accounts) writes.recordAccount(account);
      await writes.commit(sql, now, this.consumerGroup, batch);
      return {
        processed: events.length - duplicates,
        duplicates: duplicates + (batch.messages.length - fresh.length),
        invalid,
        erased: decoded.length - events.length,
        transitions: writes.transitions,
        deliveries: writes.deliveryCount,
        accountChanges: rolledUp.accounts.length,
        accountTransitions: writes.accountTransitions,
      };
    });
  }
}

/** On a merge's survivor: the contact merged into it. */
function mergedSubjectOf(event: ScoreChangedEvent): string | undefined {
  const cause = event.data.cause;
  return cause.type === 'merge' ? cause.mergedSubject : undefined;
}

/** The last change of a contact merged into another. */
function endsInMerge(event: ScoreChangedEvent): boolean {
  const cause = event.data.cause;
  return cause.type === 'merge' && cause.survivor !== undefined;
}

/**
 * The records less those of erased contacts dated at or before their erasure, under the contacts' shared
 * erasure locks (held until the transaction ends).
 */
export async function withoutErased<T>(
  sql: EntityManager,
  records: readonly T[],
  contactOf: (record: T) => { workspaceId: string; contactId: string; time: string },
): Promise<T[]> {
  const contacts = records.map(contactOf);
  const guard = await contactErasureRepository.guard(sql, contacts);
  return records.filter((_, index) => {
    const contact = contacts[index];
    return contact === undefined || !guard.covers(contact, contact.time);
  });
}
