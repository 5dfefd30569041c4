import {
  CONTACT_ERASED,
  Headers,
  Topics,
  createEventValidator,
  type CanonicalEvent,
  type EventValidator,
} from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import {
  consumerOffsetRepository,
  contactAliasRepository,
  contactErasureRepository,
  accountProfileRepository,
  contactProfileRepository,
  contactScoreRepository,
  outboxRepository,
  processedEventRepository,
  type DataSource,
  type EntityManager,
  type OutboxMessage,
  type PendingOutboxMessage,
  type WorkspaceEventId,
} from '@leadscore/persistence';
import { type Logger } from '@leadscore/observability';
import { type ModelRegistry } from '../models/model-registry.js';
import { contactsNeedingProfiles, planBatch, type ScorableEvent } from './batch-plan.js';
import { decodeEventMessage } from './event-decoder.js';

export interface BatchOutcome {
  readonly scored: number;
  readonly duplicates: number;
  /** Dead-lettered because the record is not a valid event. */
  readonly undecodable: number;
  /** Dead-lettered because the model failed on a valid event. */
  readonly unscorable: number;
  /** Records a previous owner of the partition had already handled (evicted-member fence). */
  readonly skipped: number;
  /** Events of erased contacts dated at or before their erasure (in flight, or replayed): not scored. */
  readonly erased: number;
  /** `contact.erased` events applied (the api erased the contact; this repeats it if it did not). */
  readonly erasures: number;
  /** `contact.merged` events applied (two contacts became one). */
  readonly merged: number;
  /** Events of merged-away contacts (and merges naming one as survivor) sent on to their survivor. */
  readonly forwarded: number;
  readonly changes: number;
  /** The outbox rows the batch committed, in id order: publish them after commit. */
  readonly enqueued: readonly PendingOutboxMessage[];
}

/** Where a batch's time goes (the scorer's stage histogram). */
export type BatchStage =
  | 'lock_offset'
  | 'dedupe'
  | 'erasure'
  | 'aliases'
  | 'load'
  | 'plan'
  | 'write_scores'
  | 'write_profiles'
  | 'write_outbox'
  | 'save_offset'
  | 'commit';

/** Starts timing a stage; the returned function ends it. */
export type StageTimer = (stage: BatchStage) => () => void;

const untimed: StageTimer = () => () => undefined;

export const outboxSourceOf = (partition: number) => `scorer:${partition}`;

/**
 * What the handler needs of identity stitching (identity/contact-merger.ts): applying a `contact.merged`
 * event, and the message that forwards an event of a merged-away contact to its survivor.
 */
export interface Merges {
  merge(
    batch: ConsumedBatch,
    offset: string,
    event: CanonicalEvent,
  ): Promise<Pick<BatchOutcome, 'merged' | 'forwarded' | 'skipped' | 'changes' | 'enqueued'>>;
  forwardOf(batch: ConsumedBatch, offset: string, event: CanonicalEvent, survivor: string): OutboxMessage;
}

/** Publishes committed outbox rows (the runtime's OutboxPublisher for the batch's partition). */
export type Publish = (enqueued: readonly PendingOutboxMessage[]) => Promise<void>;

const CONTACT_MERGED = 'contact.merged';
const MERGE_MARKER = Buffer.from(`"${CONTACT_MERGED}"`);

const EMPTY_OUTCOME: BatchOutcome = {
  scored: 0,
  duplicates: 0,
  undecodable: 0,
  unscorable: 0,
  skipped: 0,
  erased: 0,
  erasures: 0,
  merged: 0,
  forwarded: 0,
  changes: 0,
  enqueued: [],
};

function sumOutcomes(a: BatchOutcome, b: BatchOutcome): BatchOutcome {
  return {
    scored: a.scored + b.scored,
    duplicates: a.duplicates + b.duplicates,
    undecodable: a.undecodable + b.undecodable,
    unscorable: a.unscorable + b.unscorable,
    skipped: a.skipped + b.skipped,
    erased: a.erased + b.erased,
    erasures: a.erasures + b.erasures,
    merged: a.merged + b.merged,
    forwarded: a.forwarded + b.forwarded,
    changes: a.changes + b.changes,
    enqueued: [...a.enqueued, ...b.enqueued],
  };
}

/** The topics the scorer reads and writes; tests give each run topics of its own. */
export interface ScorerTopics {
  readonly events: string;
  readonly models: string;
  readonly scoreChanged: string;
  readonly deadLetter: string;
}

export const DEFAULT_SCORER_TOPICS: ScorerTopics = {
  events: Topics.events,
  models: Topics.models,
  scoreChanged: Topics.scoreChanged,
  deadLetter: Topics.eventsDeadLetter,
};

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which a record written to the topic by anything may
 * carry (a raw NUL byte, or one quoted in JSON.parse's message): such a dead letter would fail its
 * batch on every redelivery. It is stored with U+FFFD instead; the record itself stays on the source
 * topic at the offset the headers name.
 */
function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** The CloudEvents dedupe key: ids are unique per source (ingest, the README and the archive agree). */
function dedupeKeyOf(event: CanonicalEvent): WorkspaceEventId {
  return { workspaceId: event.workspace, source: event.source, eventId: event.id };
}

function deadLetter(
  topic: string,
  source: string,
  batch: ConsumedBatch,
  offset: string,
  key: string,
  value: string,
  reason: string,
): OutboxMessage {
  return {
    eventId: `dlq:${batch.topic}:${batch.partition}:${offset}`,
    source,
    topic,
    key: storable(key),
    payload: storable(value),
    headers: {
      [Headers.deadLetterReason]: storable(reason.slice(0, 1_000)),
      [Headers.deadLetterSourceTopic]: batch.topic,
      [Headers.deadLetterSourceOffset]: `${batch.partition}:${offset}`,
    },
  };
}

/**
 * One batch of one events partition, with an exactly-once effect: in one PostgreSQL transaction the
 * batch's states are locked and loaded, scored with the pure engine, and written back together with the
 * processed event ids, the score-changed and dead-letter messages (outbox) and the next offset. Kafka
 * redelivery after a crash or rebalance finds the stored offset and the processed ids, and adds nothing.
 */
export class ScoringBatchHandler {
  private readonly validator: EventValidator = createEventValidator();

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ModelRegistry,
    private readonly consumerGroup: string,
    private readonly logger: Logger,
    private readonly merger: Merges,
    private readonly topics: ScorerTopics = DEFAULT_SCORER_TOPICS,
    private readonly time: StageTimer = untimed,
  ) {}

  /**
   * Handles a batch in order. A `contact.merged` event is applied on its own (ContactMerger: it waits for
   * the archive and commits in steps), so the batch is cut around each one: the events before it commit
   * first, with the partition's offset at the merge event.
   */
  async handle(batch: ConsumedBatch, publish: Publish = () => Promise.resolve()): Promise<BatchOutcome> {
    let at = -1;
    let event: CanonicalEvent | undefined;
    for (const [index, message] of batch.messages.entries()) {
      event = this.mergeOf(message.offset, message.value);
      if (event) {
        at = index;
        break;
      }
    }
    const merge = batch.messages[at];
    if (!event || !merge) return this.handleScoring(batch);
    let before = EMPTY_OUTCOME;
    if (at > 0) {
      before = await this.handleScoring({
        ...batch,
        messages: batch.messages.slice(0, at),
        nextOffset: merge.offset,
      });
      // Out before the merge waits: another partition's merge may be waiting for exactly these.
      await publish(before.enqueued);
      before = { ...before, enqueued: [] };
    }
    const merged = { ...EMPTY_OUTCOME, ...(await this.merger.merge(batch, merge.offset, event)) };
    const after =
      at + 1 < batch.messages.length
        ? await this.handle({ ...batch, messages: batch.messages.slice(at + 1) }, publish)
        : EMPTY_OUTCOME;
    return [before, merged, after].reduce(sumOutcomes);
  }

  /** The event of a record that is a valid `contact.merged`, else undefined (a cheap test comes first). */
  private mergeOf(offset: string, value: Buffer | null): CanonicalEvent | undefined {
    if (value === null || !value.includes(MERGE_MARKER)) return undefined;
    const decoded = decodeEventMessage(this.validator, offset, value);
    return decoded.ok && decoded.event.type === CONTACT_MERGED ? decoded.event : undefined;
  }

  private async handleScoring(batch: ConsumedBatch): Promise<BatchOutcome> {
    let endCommit: () => void = () => undefined;
    const outcome = await this.dataSource.transaction(async (sql) => {
      const result = await this.handleIn(sql, batch);
      endCommit = this.time('commit');
      return result;
    });
    endCommit();
    return outcome;
  }

  private async handleIn(sql: EntityManager, batch: ConsumedBatch): Promise<BatchOutcome> {
    const source = outboxSourceOf(batch.partition);
    let end = this.time('lock_offset');
    const stored = await consumerOffsetRepository.lockPartition(
      sql,
      this.consumerGroup,
      batch.topic,
      batch.partition,
    );
    end();
    const fresh = batch.messages.filter((m) => stored === undefined || BigInt(m.offset) >= BigInt(stored));
    const skipped = batch.messages.length - fresh.length;
    if (fresh.length === 0) return { ...EMPTY_OUTCOME, skipped };

    const deadLetters: OutboxMessage[] = [];
    const candidates: ScorableEvent[] = [];
    for (const message of fresh) {
      const decoded = decodeEventMessage(this.validator, message.offset, message.value);
      if (decoded.ok) candidates.push({ offset: decoded.offset, event: decoded.event });
      else {
        this.logger.warn(
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            reason: decoded.reason,
          },
          'event dead-lettered',
        );
        deadLetters.push(
          deadLetter(
            this.topics.deadLetter,
            source,
            batch,
            message.offset,
            message.key?.toString('utf8') ?? '',
            message.value?.toString('utf8') ?? '',
            decoded.reason,
          ),
        );
      }
    }

    end = this.time('dedupe');
    // Dedupe: first occurrence in the batch wins; ids applied in earlier batches are skipped.
    const seenInBatch = new Set<string>();
    const unique = candidates.filter(({ event }) => {
      const key = processedEventRepository.keyOf(dedupeKeyOf(event));
      if (seenInBatch.has(key)) return false;
      seenInBatch.add(key);
      return true;
    });
    // Recording the ids up front is the lookup too: what the insert skips was applied before.
    const now = new Date();
    const claimed = await processedEventRepository.claim(
      sql,
      unique.map(({ event }) => dedupeKeyOf(event)),
      now,
    );
    const claimedEvents = unique.filter(({ event }) =>
      claimed.has(processedEventRepository.keyOf(dedupeKeyOf(event))),
    );

    end();
    end = this.time('erasure');
    const { events: living, erased, erasures } = await this.withoutErased(sql, claimedEvents);
    end();
    end = this.time('aliases');
    // Read under the contacts' shared locks (taken by the erasure guard): a merge that took effect
    // before them forwards the events of its merged-away contact to the survivor.
    const { events, forwards } = await this.withoutAliases(sql, batch, living);
    end();
    end = this.time('load');
    const contacts = [
      ...new Map(
        events.map(({ event }) => [
          `${event.workspace}\u0000${event.subject}`,
          { workspaceId: event.workspace, contactId: event.subject },
        ]),
      ).values(),
    ];
    // The models in force, fixed for the batch: exactly their rows are loaded, locked against a concurrent
    // decay pass, and scored (a model applied meanwhile waits for the next batch).
    const models = new Map(contacts.map((c) => [c.workspaceId, this.models.modelsFor(c.workspaceId)]));
    const modelsFor = (workspace: string) => models.get(workspace) ?? [];
    const scores = await contactScoreRepository.lockMany(
      sql,
      contacts.flatMap((c) => modelsFor(c.workspaceId).map((m) => ({ ...c, modelId: m.id }))),
    );
    const profiles = await contactProfileRepository.loadMany(
      sql,
      contactsNeedingProfiles(events, scores, modelsFor),
    );
    end();
    end = this.time('plan');
    const plan = planBatch({
      events,
      scores,
      profiles,
      modelsFor,
      outboxSource: source,
      scoreChangedTopic: this.topics.scoreChanged,
    });
    for (const failure of plan.failures) {
      this.logger.error(
        {
          workspace: failure.event.workspace,
          contact: failure.event.subject,
          eventId: failure.event.id,
          offset: failure.offset,
          reason: failure.reason,
        },
        'event dead-lettered',
      );
      deadLetters.push(
        deadLetter(
          this.topics.deadLetter,
          source,
          batch,
          failure.offset,
          `${failure.event.workspace}:${failure.event.subject}`,
          JSON.stringify(failure.event),
          failure.reason,
        ),
      );
    }

    end();
    end = this.time('write_scores');
    // The partition's outbox source is also its histogram shard: one writer per shard.
    await contactScoreRepository.upsertMany(sql, plan.scores, source);
    end();
    end = this.time('write_profiles');
    await contactProfileRepository.upsertMany(sql, plan.profiles);
    await accountProfileRepository.mergeTraits(sql, plan.accountProfiles);
    end();
    // A scoring failure is not applied: its id must not count as processed (a resend is scored again).
    end = this.time('dedupe');
    // A forwarded event is scored under its survivor's key, where its id must still be new.
    await processedEventRepository.forget(sql, [
      ...plan.failures.map(({ event }) => dedupeKeyOf(event)),
      ...forwards.map(({ event }) => dedupeKeyOf(event)),
    ]);
    end();
    end = this.time('write_outbox');
    // Score changes as one batch row; dead letters one row each, whose ids (topic, partition, offset)
    // keep a replay from rewound offsets from enqueuing them twice. Both in id order.
    const enqueued = [
      ...(await outboxRepository.enqueueBatch(sql, source, plan.outbox, now)),
      ...(await outboxRepository.enqueue(
        sql,
        [...deadLetters, ...forwards.map(({ message }) => message)],
        now,
      )),
    ];
    end();
    end = this.time('save_offset');
    await consumerOffsetRepository.save(sql, this.consumerGroup, batch.topic, [
      { partition: batch.partition, nextOffset: batch.nextOffset },
    ]);
    end();
    return {
      scored: plan.processed.length,
      duplicates: candidates.length - living.length,
      undecodable: deadLetters.length - plan.failures.length,
      unscorable: plan.failures.length,
      skipped,
      erased,
      erasures,
      merged: 0,
      forwarded: forwards.length,
      changes: plan.changes,
      enqueued,
    };
  }

  /** The events to score here, and those of merged-away contacts with the message forwarding each. */
  private async withoutAliases(
    sql: EntityManager,
    batch: ConsumedBatch,
    candidates: readonly ScorableEvent[],
  ): Promise<{
    events: readonly ScorableEvent[];
    forwards: { event: CanonicalEvent; message: OutboxMessage }[];
  }> {
    const aliases = await contactAliasRepository.aliasesAmong(
      sql,
      candidates.map(({ event }) => ({ workspaceId: event.workspace, contactId: event.subject })),
    );
    if (aliases.size === 0) return { events: candidates, forwards: [] };
    const events: ScorableEvent[] = [];
    const forwards: { event: CanonicalEvent; message: OutboxMessage }[] = [];
    for (const candidate of candidates) {
      const { event } = candidate;
      const alias = aliases.get(
        contactAliasRepository.keyOf({ workspaceId: event.workspace, contactId: event.subject }),
      );
      if (alias === undefined) events.push(candidate);
      else
        forwards.push({
          event,
          message: this.merger.forwardOf(batch, candidate.offset, event, alias.survivor),
        });
    }
    return { events, forwards };
  }

  /**
   * The batch's events less those of erased contacts dated at or before their erasure, and less the
   * `contact.erased` events themselves, applied here in case the api's erasure did not commit (it
   * publishes before it commits). The contacts' shared locks, held until commit, keep an erasure from
   * passing this batch unseen (libs/persistence `contactErasureRepository`).
   */
  private async withoutErased(
    sql: EntityManager,
    candidates: readonly ScorableEvent[],
  ): Promise<{ events: ScorableEvent[]; erased: number; erasures: number }> {
    const contactOf = (event: CanonicalEvent) => ({ workspaceId: event.workspace, contactId: event.subject });
    const guard = await contactErasureRepository.guard(
      sql,
      candidates.map(({ event }) => contactOf(event)),
    );
    let erasures = 0;
    for (const { event } of candidates) {
      if (event.type !== CONTACT_ERASED) continue;
      const erasedAt = new Date(event.time);
      if (!guard.covers(contactOf(event), erasedAt)) {
        await contactErasureRepository.erase(sql, { ...contactOf(event), erasureId: event.id, erasedAt });
        guard.record(contactOf(event), erasedAt);
      }
      erasures += 1;
    }
    const events = candidates.filter(
      ({ event }) => event.type !== CONTACT_ERASED && !guard.covers(contactOf(event), event.time),
    );
    return { events, erased: candidates.length - erasures - events.length, erasures };
  }
}
