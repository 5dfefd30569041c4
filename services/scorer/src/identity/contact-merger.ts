import { contactKey, type CanonicalEvent, type ReplayEvents } from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import { type Logger } from '@leadscore/observability';
import {
  consumerOffsetRepository,
  contactAliasRepository,
  contactErasureRepository,
  contactProfileRepository,
  contactScoreRepository,
  outboxRepository,
  type ContactAlias,
  type DataSource,
  type EventPositions,
  type OutboxMessage,
  type SqlRunner,
} from '@leadscore/persistence';
import { type ModelRegistry } from '../models/model-registry.js';
import { type BatchOutcome, type Merges } from '../scoring/scoring-batch.handler.js';
import { type ArchiveReader } from './archive-reader.js';
import { planMerge, type ReplayedContact } from './merge-plan.js';

/**
 * What one contact.merged event did: `merged` 1 when applied now (0: applied before, or nothing to
 * merge); `forwarded` 1 when it went on to its survivor's survivor; `skipped` 1 when a previous owner of
 * the partition had handled it.
 */
export type MergeOutcome = Pick<BatchOutcome, 'merged' | 'forwarded' | 'skipped' | 'changes' | 'enqueued'>;

/** The decay service's outbox source (services/decay DECAY_OUTBOX_SOURCE): it writes score changes too. */
const OTHER_WRITERS = ['decay'];

const NOTHING: MergeOutcome = { merged: 0, forwarded: 0, skipped: 0, changes: 0, enqueued: [] };

export interface ContactMergerOptions {
  readonly dataSource: DataSource;
  readonly models: ModelRegistry;
  readonly archive: ArchiveReader;
  readonly consumerGroup: string;
  readonly logger: Logger;
  readonly eventsTopic: string;
  readonly scoreChangedTopic: string;
  readonly outboxSourceOf: (partition: number) => string;
  /** Pause between two looks at the archive while it catches up (default 250 ms). */
  readonly archivePollMs?: number;
  /** Starts timing one merge; the returned function ends it (the merge duration histogram). */
  readonly timeMerge?: () => () => void;
}

type Begun =
  | { readonly kind: 'done'; readonly outcome: MergeOutcome }
  | { readonly kind: 'merge'; readonly survivor: string; readonly merged: string };

/**
 * Applies `contact.merged` (subject: the survivor, data.merged_subject: the contact merged into it),
 * exactly once, in three steps. (1) Under the merged contact's exclusive lock the alias takes effect,
 * with the scorer's positions at that moment: every batch that scored the merged contact committed
 * before (its events lie before those positions), and every later one reads the alias and forwards
 * that contact's events to the survivor. (2) Wait until the archive holds every event of both contacts
 * up to those positions (and the survivor's up to the merge event). (3) In one transaction: the
 * survivor re-derived by replaying both contacts' events (merge-plan.ts), the merged contact emptied,
 * their changes in the outbox, the alias completed, the partition's offset past the merge event. A
 * crash between the steps repeats the merge event, and the recorded alias resumes it at step 2.
 */
export class ContactMerger implements Merges {
  constructor(private readonly options: ContactMergerOptions) {}

  async merge(batch: ConsumedBatch, offset: string, event: CanonicalEvent): Promise<MergeOutcome> {
    const workspace = event.workspace;
    const data = event.data as { merged_subject: string };
    const begun = await this.options.dataSource.transaction((sql) =>
      this.begin(sql, batch, offset, event, data.merged_subject),
    );
    if (begun.kind === 'done') return begun.outcome;
    const endTimer = this.options.timeMerge?.() ?? (() => undefined);
    const survivor = { workspaceId: workspace, contactId: begun.survivor };
    const replayed = await contactAliasRepository.mergedInto(this.options.dataSource.manager, survivor);
    const archived = await this.waitForHistory(workspace, begun.survivor, batch.partition, offset, replayed);
    const outcome = await this.options.dataSource.transaction((sql) =>
      this.complete(sql, batch, offset, event, begun.merged, replayed, archived),
    );
    endTimer();
    return outcome;
  }

  /** Step 1: the alias takes effect (or the event turns out to have nothing left to do). */
  private async begin(
    sql: SqlRunner,
    batch: ConsumedBatch,
    offset: string,
    event: CanonicalEvent,
    mergedSubject: string,
  ): Promise<Begun> {
    const { workspace } = event;
    const stored = await this.lockPartition(sql, batch);
    if (stored !== undefined && BigInt(offset) < BigInt(stored))
      return { kind: 'done', outcome: { ...NOTHING, skipped: 1 } };
    const done = async (outcome: MergeOutcome = NOTHING): Promise<Begun> => {
      await this.saveOffset(sql, batch, offset);
      return { kind: 'done', outcome };
    };
    const contact = (contactId: string) => ({ workspaceId: workspace, contactId });
    let merged = mergedSubject;
    // Both contacts, in one order: two merges of the same pair in opposite directions cannot both
    // take effect (the second sees the first's alias), and never deadlock each other.
    for (const contactId of [event.subject, merged].sort())
      await contactErasureRepository.lockExclusive(sql, contact(contactId));
    const known = await contactAliasRepository.aliasesAmong(sql, [contact(event.subject), contact(merged)]);
    const survivorAlias = known.get(contactAliasRepository.keyOf(contact(event.subject)));
    if (survivorAlias) {
      // The survivor was itself merged away: the merge belongs to its own survivor's partition.
      const enqueued = await outboxRepository.enqueue(
        sql,
        [this.forwardOf(batch, offset, event, survivorAlias.survivor)],
        new Date(),
      );
      return done({ ...NOTHING, forwarded: 1, enqueued });
    }
    const mergedAlias = known.get(contactAliasRepository.keyOf(contact(merged)));
    if (mergedAlias?.survivor === event.subject) {
      // Redelivered after step 1 (resume at step 2), or a repeated request (nothing to do).
      if (mergedAlias.completedAt === null) return { kind: 'merge', survivor: event.subject, merged };
      return done();
    }
    if (mergedAlias) {
      // Already merged into another contact: that one and the survivor are the same person.
      merged = mergedAlias.survivor;
      await contactErasureRepository.lockExclusive(sql, contact(merged));
    }
    if (merged === event.subject) return done();
    const models = this.options.models.modelsFor(workspace);
    const mergedRows = await contactScoreRepository.lockMany(
      sql,
      models.map((model) => ({ workspaceId: workspace, contactId: merged, modelId: model.id })),
    );
    const positions = await consumerOffsetRepository.load(sql, this.options.consumerGroup, batch.topic);
    const through: EventPositions = Object.fromEntries(
      [...positions].map(([partition, next]) => [String(partition), next]),
    );
    const now = new Date();
    await contactAliasRepository.begin(sql, {
      workspaceId: workspace,
      alias: merged,
      survivor: event.subject,
      through,
      mergeEvent: { source: event.source, id: event.id },
      requestedAt: now,
    });
    if (mergedRows.length === 0) {
      // Nothing scored under the merged key (a visitor who identified before any event counted): the
      // survivor's state is already the stitched one, and no history needs reading.
      await contactAliasRepository.complete(sql, contact(merged), now);
      return done({ ...NOTHING, merged: 1 });
    }
    return { kind: 'merge', survivor: event.subject, merged };
  }

  /**
   * Step 2: the archive's events of the survivor and of every contact merged into it, once it holds
   * them all; and once every score change committed before now by the other writers (other partitions,
   * the decay service) is published, so that the merged contact's last change follows its earlier ones.
   */
  private async waitForHistory(
    workspace: string,
    survivor: string,
    partition: number,
    offset: string,
    replayed: readonly ContactAlias[],
  ): Promise<ReplayEvents> {
    const contacts = [survivor, ...replayed.map((alias) => alias.alias)];
    const needed = new Map<string, bigint>([[String(partition), BigInt(offset)]]);
    for (const alias of replayed)
      for (const [p, next] of Object.entries(alias.through)) {
        const value = BigInt(next);
        if (value > (needed.get(p) ?? -1n)) needed.set(p, value);
      }
    const ownSource = this.options.outboxSourceOf(partition);
    const writers = [
      ...new Set([
        ...[...needed.keys()].map((p) => this.options.outboxSourceOf(Number(p))),
        ...OTHER_WRITERS,
      ]),
    ].filter((source) => source !== ownSource);
    const manager = this.options.dataSource.manager;
    const committed = await outboxRepository.newestId(manager);
    const pollMs = this.options.archivePollMs ?? 250;
    let waitingSince = Date.now();
    for (;;) {
      let reason: string;
      try {
        const unpublished = await outboxRepository.behindAt(manager, writers, committed);
        const answer = await this.options.archive.replayEvents(workspace, contacts);
        const archived = answer.archivedThrough[this.options.eventsTopic] ?? {};
        const behind = [...needed].filter(([p, next]) => BigInt(archived[p] ?? '0') < next);
        if (behind.length === 0 && unpublished.length === 0) return answer;
        reason =
          behind.length > 0
            ? `the archive is behind on partitions ${behind.map(([p]) => p).join(', ')}`
            : `score changes of ${unpublished.join(', ')} are not published yet`;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() - waitingSince >= 10_000) {
        this.options.logger.warn(
          { workspace, survivor, reason },
          'merge waiting for the archive and the other writers',
        );
        waitingSince = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Step 3: the survivor re-derived, the merged contact emptied, all in one transaction with the offset. */
  private async complete(
    sql: SqlRunner,
    batch: ConsumedBatch,
    offset: string,
    event: CanonicalEvent,
    merged: string,
    replayed: readonly ContactAlias[],
    archived: ReplayEvents,
  ): Promise<MergeOutcome> {
    const { workspace } = event;
    const stored = await this.lockPartition(sql, batch);
    if (stored !== undefined && BigInt(offset) < BigInt(stored)) return { ...NOTHING, skipped: 1 };
    const survivor = event.subject;
    const contacts = [survivor, merged].map((contactId) => ({ workspaceId: workspace, contactId }));
    const models = this.options.models.modelsFor(workspace);
    const scores = await contactScoreRepository.lockMany(
      sql,
      contacts.flatMap((c) => models.map((model) => ({ ...c, modelId: model.id }))),
    );
    const profiles = await contactProfileRepository.loadMany(sql, contacts);
    const profileOf = (contactId: string) => profiles.find((p) => p.contactId === contactId)?.traits;
    const source = this.options.outboxSourceOf(batch.partition);
    const plan = planMerge({
      workspace,
      survivor,
      merged,
      mergeEvent: { id: event.id, time: Date.parse(event.time), partition: batch.partition, offset },
      replayed: replayed.map((alias): ReplayedContact => ({ contact: alias.alias, through: alias.through })),
      archived: archived.events,
      models,
      scores,
      survivorProfile: profileOf(survivor),
      mergedProfile: profileOf(merged),
      outboxSource: source,
      scoreChangedTopic: this.options.scoreChangedTopic,
    });
    await contactScoreRepository.upsertMany(sql, plan.scores, source);
    if (plan.profile) await contactProfileRepository.upsertMany(sql, [plan.profile]);
    const enqueued = await outboxRepository.enqueueBatch(sql, source, plan.outbox, new Date());
    await contactAliasRepository.complete(sql, { workspaceId: workspace, contactId: merged }, new Date());
    await this.saveOffset(sql, batch, offset);
    this.options.logger.info(
      { workspace, survivor, merged, replayedEvents: plan.replayedEvents, changes: plan.outbox.length },
      'contacts merged',
    );
    return { ...NOTHING, merged: 1, changes: plan.outbox.length, enqueued };
  }

  /** The event again, on the events topic, under the contact it now belongs to. */
  forwardOf(batch: ConsumedBatch, offset: string, event: CanonicalEvent, survivor: string): OutboxMessage {
    return {
      // One per consumed record: a replay from rewound offsets does not enqueue it twice.
      eventId: `forward:${batch.topic}:${batch.partition}:${offset}`,
      source: this.options.outboxSourceOf(batch.partition),
      topic: this.options.eventsTopic,
      key: contactKey(event.workspace, survivor),
      payload: { ...event, subject: survivor },
      headers: { 'content-type': 'application/cloudevents+json' },
    };
  }

  private lockPartition(sql: SqlRunner, batch: ConsumedBatch): Promise<string | undefined> {
    return consumerOffsetRepository.lockPartition(
      sql,
      this.options.consumerGroup,
      batch.topic,
      batch.partition,
    );
  }

  private saveOffset(sql: SqlRunner, batch: ConsumedBatch, offset: string): Promise<void> {
    return consumerOffsetRepository.save(sql, this.options.consumerGroup, batch.topic, [
      { partition: batch.partition, nextOffset: String(BigInt(offset) + 1n) },
    ]);
  }
}
