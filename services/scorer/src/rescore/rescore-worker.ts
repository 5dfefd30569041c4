import { randomBytes } from 'node:crypto';
import {
  type ArchivedReplayEvent,
  type ReplayContact,
  type ReplayContactEvent,
  type ReplayContacts,
  type ScoringModel,
} from '@leadscore/contracts';
import { type Logger } from '@leadscore/observability';
import { type OutboxPublisher } from '@leadscore/outbox';
import {
  consumerOffsetRepository,
  contactAliasRepository,
  contactErasureRepository,
  contactProfileRepository,
  contactScoreRepository,
  lifecycleStateRepository,
  outboxRepository,
  rescoreRepository,
  webhookSubscriptionRepository,
  type ClaimedRescore,
  type DataSource,
  type EventPositions,
  type PendingOutboxMessage,
  type RescoreCounts,
  type SqlRunner,
} from '@leadscore/persistence';
import { type SubscriptionFilter } from '@leadscore/lifecycle';
import { type ContactScoreState } from '@leadscore/scoring';
import { type ArchiveReader } from '../identity/archive-reader.js';
import { type ModelRegistry } from '../models/model-registry.js';
import { addCounts, planRescoreChunk, type RescoreContact } from './rescore-plan.js';

/** The histogram shard a rescore's writes count under: its own, so it never waits on a partition's. */
const RESCORE_SHARD = 'rescore';

export type RescoreStage = 'read' | 'switch' | 'publish' | 'pace';

export interface RescoreWorkerMetrics {
  readonly contacts: (result: 'changed' | 'unchanged' | 'skipped' | 'dirty' | 'counted', n: number) => void;
  readonly scoreChanges: (n: number) => void;
  readonly progress: (ratio: number) => void;
  /** Starts timing one stage of a rescore (read, switch, publish, pace); the returned function ends it. */
  readonly timeStage: (stage: RescoreStage) => () => void;
}

export interface RescoreWorkerOptions {
  readonly dataSource: DataSource;
  readonly models: ModelRegistry;
  readonly archive: ArchiveReader;
  readonly publisher: OutboxPublisher;
  readonly logger: Logger;
  /** The scorer's consumer group: its stored offsets say which events the live path applied. */
  readonly consumerGroup: string;
  readonly eventsTopic: string;
  readonly scoreChangedTopic: string;
  readonly outboxSourceOf: (partition: number) => string;
  readonly metrics?: RescoreWorkerMetrics;
  /** How long a claimed rescore stays this worker's without a switch (a killed worker's is taken over after it). */
  readonly leaseMs?: number;
  /** Pause between two looks for a queued rescore. */
  readonly idlePollMs?: number;
  /** Contacts per archive page (default 500), and per switch transaction (default and at most 100). */
  readonly pageContacts?: number;
  readonly switchContacts?: number;
  /** Pause between two looks at the archive while it catches up with the live path (dirty contacts). */
  readonly archivePollMs?: number;
  /** How long a switch waits for the archive under its locks before giving up (and trying again later). */
  readonly archiveWaitMs?: number;
  readonly now?: () => number;
}

type Chunk = readonly ReplayContact[];
type SwitchOutcome =
  | { readonly kind: 'lost' }
  | {
      readonly kind: 'switched';
      readonly counts: RescoreCounts;
      /** Contacts switched (the chunk's, less those deferred). */
      readonly switched: number;
      readonly dirty: number;
      /** The rescore's deferred contacts after the switch. */
      readonly deferred: readonly string[];
      readonly enqueued: ReadonlyMap<string, PendingOutboxMessage[]>;
    };

/** How a switch treats its dirty contacts: leaves them for later (`defer`), or replays them under its locks. */
interface SwitchMode {
  /** The cursor after this switch (null: a switch of deferred contacts leaves it). */
  readonly cursor: string | null;
  readonly onDirty: 'defer' | 'wait';
  /** The rescore's deferred contacts before the switch. */
  readonly deferred: readonly string[];
}

/** Deferred contacts are tried again with a fresher read this many times before waiting under their locks. */
const DEFERRED_ATTEMPTS = 3;

class Stopped extends Error {}

/** A page of the archive with the bound its events are replayed to. */
interface PageRead {
  readonly page: ReplayContacts;
  readonly bound: EventPositions;
}

/**
 * Runs rescores (table `rescores`, queued by the api or by a model's first application): claims one
 * under a lease, walks the archive's contacts page by page from its cursor and switches them chunk by
 * chunk, each chunk one transaction that locks the contacts' live rows (the live path's own locks, so an
 * event of theirs waits for the switch or is applied before it), replays their archived events before a
 * bound every one of them was applied before, and writes the result with the cursor and the counts. A
 * contact whose live state holds a later event is replayed again, still under its lock, once the
 * archive holds everything the live path applied. Killed, it is resumed by whoever claims it after its
 * lease; cancelled, it stops before its next switch.
 */
export class RescoreWorker {
  private readonly owner = `scorer-${process.pid}-${randomBytes(4).toString('hex')}`;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private subscriptions = new Map<string, SubscriptionFilter[]>();

  constructor(private readonly options: RescoreWorkerOptions) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? 30_000;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  start(): void {
    this.stopping = false;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        if (!(error instanceof Stopped))
          this.options.logger.error({ err: error }, 'rescore worker failed; trying again');
      }
      if (!worked) await this.sleep(this.options.idlePollMs ?? 2_000).catch(() => undefined);
    }
  }

  /** Claims one rescore and works on it until it ends, is lost, or the worker stops. False when none was queued. */
  async runOne(): Promise<boolean> {
    const job = await rescoreRepository.claim(
      this.options.dataSource.manager,
      this.owner,
      this.leaseMs,
      new Date(this.now()),
    );
    if (!job) return false;
    this.options.logger.info(
      {
        rescore: job.id,
        workspace: job.workspace,
        model: job.model,
        dryRun: job.dryRun,
        cursor: job.progress.cursor,
      },
      'rescore claimed',
    );
    this.subscriptions.delete(job.workspace);
    let failures = 0;
    for (;;) {
      try {
        await this.work(job);
        this.options.metrics?.progress(0);
        return true;
      } catch (error) {
        if (error instanceof Stopped) {
          // Back in the queue at once, not after its lease: another scorer (or this one restarted) goes on.
          await rescoreRepository.release(this.options.dataSource.manager, job.id, this.owner);
          throw error;
        }
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.options.logger.warn(
          { rescore: job.id, err: message, failures },
          'rescore step failed; trying again',
        );
        if (failures >= 10) {
          await rescoreRepository.finish(
            this.options.dataSource.manager,
            job.id,
            this.owner,
            'failed',
            `${message} (10 attempts in a row; resume it once the cause is fixed)`,
            new Date(this.now()),
          );
          return true;
        }
        await this.sleep(Math.min(30_000, 500 * 2 ** failures));
      }
    }
  }

  private async work(claimed: ClaimedRescore): Promise<void> {
    const manager = this.options.dataSource.manager;
    const model = await this.modelOf(claimed);
    if (model === 'superseded') {
      await rescoreRepository.finish(
        manager,
        claimed.id,
        this.owner,
        'superseded',
        null,
        new Date(this.now()),
      );
      return;
    }
    const current = await rescoreRepository.find(manager, claimed.workspace, claimed.id);
    if (!current || current.status !== 'running') return;
    const after = current.progress.cursor ?? '';
    let done = current.progress.contacts;
    let total = current.progress.total;
    // Five switches a page by default: an archive read has a fixed cost (about 0.2 s on a 2-core machine)
    // that one switch's worth of contacts does not repay; a live event that reaches a contact after its
    // page's bound only defers that contact to a later switch with a fresh read.
    const pageSize = this.options.pageContacts ?? 500;
    const read = (cursor: string): Promise<PageRead> =>
      this.timed('read', async () => {
        const stored = await consumerOffsetRepository.load(
          manager,
          this.options.consumerGroup,
          this.options.eventsTopic,
        );
        const page = await this.options.archive.replayContacts(claimed.workspace, cursor, pageSize);
        return { page, bound: boundOf(stored, page.archivedThrough[this.options.eventsTopic] ?? {}) };
      });
    // At most 100: a switch of deferred contacts reads them back from the archive in one call.
    const switchSize = Math.min(100, this.options.switchContacts ?? 100);
    let deferred = claimed.deferred;
    const step = async (chunk: Chunk, bound: EventPositions, mode: SwitchMode): Promise<boolean> => {
      const outcome = await this.timed('switch', () => this.switchChunk(claimed, model, chunk, bound, mode));
      if (outcome.kind === 'lost') {
        this.options.logger.info({ rescore: claimed.id }, 'rescore cancelled or taken over: stopped');
        return false;
      }
      await this.timed('publish', () => this.publish(outcome.enqueued));
      done += outcome.switched;
      deferred = outcome.deferred;
      this.report(claimed, outcome, done, total);
      await this.timed('pace', () => this.pace(claimed, outcome.counts));
      return true;
    };
    /** Switches the deferred contacts (all of them, or while a switch's worth is waiting), freshly read. */
    const settle = async (all: boolean): Promise<boolean> => {
      for (let attempt = 1; deferred.length > 0 && (all || deferred.length >= switchSize); attempt += 1) {
        this.checkStopping();
        const batch = deferred.slice(0, switchSize);
        const fresh = await this.timed('read', () => this.freshlyRead(claimed.workspace, batch));
        const onDirty = attempt % DEFERRED_ATTEMPTS === 0 ? 'wait' : 'defer';
        if (!(await step(fresh.contacts, fresh.bound, { cursor: null, onDirty, deferred }))) return false;
      }
      return true;
    };
    if (!(await settle(true))) return;
    let reading: Promise<PageRead> | undefined = read(after);
    while (reading) {
      this.checkStopping();
      const { page, bound }: PageRead = await reading;
      // The next page is read while this one is switched (a failure surfaces when it is awaited).
      reading = page.next === null ? undefined : read(page.next);
      reading?.catch(() => undefined);
      if (total === null) {
        total = page.archivedContacts ?? 0;
        const from = page.archivedFrom ?? null;
        await rescoreRepository.started(manager, claimed.id, total, from === null ? null : new Date(from));
      }
      for (let i = 0; i < page.contacts.length; i += switchSize) {
        this.checkStopping();
        const chunk = page.contacts.slice(i, i + switchSize);
        const cursor = chunk.at(-1)?.contact ?? null;
        if (!(await step(chunk, bound, { cursor, onDirty: 'defer', deferred }))) return;
        if (!(await settle(false))) return;
      }
    }
    if (!(await settle(true))) return;
    await rescoreRepository.finish(manager, claimed.id, this.owner, 'done', null, new Date(this.now()));
    this.options.logger.info({ rescore: claimed.id, contacts: done }, 'rescore done');
  }

  /** The model version to rescore under, once this scorer has it; 'superseded' when a newer one is in force. */
  private async modelOf(job: ClaimedRescore): Promise<ScoringModel | 'superseded'> {
    for (;;) {
      const model = this.options.models.modelsFor(job.workspace).find((m) => m.id === job.model.id);
      if (model && model.version > job.model.version) return 'superseded';
      if (model && model.version === job.model.version) return model;
      this.checkStopping();
      const held = await rescoreRepository.lockOwned(
        this.options.dataSource.manager,
        job.id,
        this.owner,
        this.leaseMs,
        new Date(this.now()),
      );
      if (!held) throw new Stopped();
      await this.sleep(this.options.idlePollMs ?? 2_000);
    }
  }

  /** One switch: the chunk's contacts locked, replayed and written with the rescore's progress, or counted (dry run). */
  private async switchChunk(
    job: ClaimedRescore,
    model: ScoringModel,
    chunk: Chunk,
    bound: EventPositions,
    mode: SwitchMode,
  ): Promise<SwitchOutcome> {
    return this.options.dataSource.transaction(async (sql) => {
      const now = this.now();
      const held = await rescoreRepository.lockOwned(sql, job.id, this.owner, this.leaseMs, new Date(now));
      if (!held) return { kind: 'lost' } as const;
      const keys = chunk.map((c) => ({ workspaceId: job.workspace, contactId: c.contact }));
      if (!job.dryRun) await contactErasureRepository.lockShared(sql, keys);
      const scoreKeys = keys.map((k) => ({ ...k, modelId: model.id }));
      const rows = job.dryRun
        ? await contactScoreRepository.loadMany(sql, keys)
        : await contactScoreRepository.lockMany(sql, scoreKeys);
      const contacts = await this.contactsOf(sql, job, model, chunk, rows);
      const input = {
        workspace: job.workspace,
        model,
        rescoreId: job.id,
        now,
        onlyMissingHistory: job.reason === 'first-apply',
        bound,
        subscriptions: await this.subscriptionsOf(sql, job.workspace),
        outboxSourceOf: this.options.outboxSourceOf,
        scoreChangedTopic: this.options.scoreChangedTopic,
      };
      let plan = planRescoreChunk({ ...input, contacts, judgeDirty: !job.dryRun });
      const dirty = plan.dirty;
      if (dirty.length > 0 && mode.onDirty === 'wait') {
        const again = await this.replayDirty(sql, job, contacts, dirty);
        const replanned = planRescoreChunk({ ...input, bound: again.bound, contacts: again.contacts });
        if (replanned.dirty.length > 0)
          throw new Error(
            `contacts ${replanned.dirty.slice(0, 3).join(', ')} hold events the archive does not, even at the live path's positions`,
          );
        plan = {
          rows: [...plan.rows, ...replanned.rows],
          outbox: mergeOutboxes(plan.outbox, replanned.outbox),
          dirty: [],
          counts: addCounts(plan.counts, replanned.counts),
        };
      }
      const inChunk = new Set(chunk.map((c) => c.contact));
      const deferred = [...mode.deferred.filter((contact) => !inChunk.has(contact)), ...plan.dirty];
      const enqueued = new Map<string, PendingOutboxMessage[]>();
      if (!job.dryRun) {
        await contactScoreRepository.upsertMany(sql, plan.rows, RESCORE_SHARD);
        for (const [source, messages] of [...plan.outbox].sort(([a], [b]) => (a < b ? -1 : 1)))
          enqueued.set(source, await outboxRepository.enqueueBatch(sql, source, messages, new Date(now)));
      }
      const switched = chunk.length - plan.dirty.length;
      await rescoreRepository.recordProgress(
        sql,
        job.id,
        { contacts: switched, cursor: mode.cursor, deferred, counts: plan.counts },
        new Date(now),
        new Date(now),
      );
      return {
        kind: 'switched',
        counts: plan.counts,
        switched,
        dirty: dirty.length,
        deferred,
        enqueued,
      } as const;
    });
  }

  private async timed<T>(stage: RescoreStage, step: () => Promise<T>): Promise<T> {
    const end = this.options.metrics?.timeStage(stage) ?? (() => undefined);
    try {
      return await step();
    } finally {
      end();
    }
  }

  /** The chunk's contacts with what a switch judges them by: live state, profile, lifecycle, aliases, erasure. */
  private async contactsOf(
    sql: SqlRunner,
    job: ClaimedRescore,
    model: ScoringModel,
    chunk: Chunk,
    rows: readonly { modelId: string; contactId: string; state: unknown }[],
  ): Promise<RescoreContact[]> {
    const keys = chunk.map((c) => ({ workspaceId: job.workspace, contactId: c.contact }));
    // One after another: they share the switch's transaction (one connection).
    const erased = await contactErasureRepository.erasedAt(sql, keys);
    const aliases = await contactAliasRepository.aliasesAmong(sql, keys);
    const merged = await contactAliasRepository.mergedIntoAny(
      sql,
      job.workspace,
      chunk.map((c) => c.contact),
    );
    const profiles = await contactProfileRepository.loadMany(sql, keys);
    const lifecycles = await lifecycleStateRepository.loadMany(
      sql,
      keys.map((k) => ({ ...k, modelId: model.id })),
      false,
    );
    const mergedEvents: ArchivedReplayEvent[] = [];
    // The archive answers at most 100 contacts per call.
    for (let i = 0; i < merged.length; i += 100)
      mergedEvents.push(
        ...(
          await this.options.archive.replayEvents(
            job.workspace,
            merged.slice(i, i + 100).map((a) => a.alias),
          )
        ).events,
      );
    return chunk.map((entry): RescoreContact => {
      const key = { workspaceId: job.workspace, contactId: entry.contact };
      const lockKey = contactErasureRepository.keyOf(key);
      const live = rows.find((r) => r.modelId === model.id && r.contactId === entry.contact)?.state as
        ContactScoreState | undefined;
      const lifecycle = lifecycles.get(lifecycleStateRepository.keyOf({ ...key, modelId: model.id }));
      const aliasesOfContact = merged.filter((a) => a.survivor === entry.contact);
      const skip = erased.has(lockKey)
        ? 'erased'
        : aliases.has(contactAliasRepository.keyOf(key))
          ? 'merged'
          : undefined;
      return {
        contact: entry.contact,
        events: entry.events,
        live,
        profile: profiles.find((p) => p.contactId === entry.contact)?.traits,
        lifecycle: lifecycle && {
          stage: lifecycle.stage,
          tier: lifecycle.tier,
          tierName: lifecycle.tierName,
          salesAccepted: lifecycle.salesAccepted,
        },
        ...(skip ? { skip } : {}),
        ...(aliasesOfContact.length > 0
          ? {
              merged: {
                aliases: aliasesOfContact,
                events: mergedEvents.filter((e) => aliasesOfContact.some((a) => a.alias === e.contact)),
              },
            }
          : {}),
      };
    });
  }

  /**
   * The dirty contacts again, under the locks the switch holds: the live path's positions now (nothing
   * of theirs can commit past them until the switch ends) are the bound, once the archive holds them.
   */
  private async replayDirty(
    sql: SqlRunner,
    job: ClaimedRescore,
    contacts: readonly RescoreContact[],
    dirty: readonly string[],
  ): Promise<{ bound: EventPositions; contacts: RescoreContact[] }> {
    const stored = await consumerOffsetRepository.load(
      sql,
      this.options.consumerGroup,
      this.options.eventsTopic,
    );
    const { bound, events } = await this.archivedThrough(job.workspace, dirty, stored);
    return {
      bound,
      contacts: contacts
        .filter((c) => dirty.includes(c.contact))
        .map((c) => ({ ...c, events: events.get(c.contact) ?? [] })),
    };
  }

  /** Deferred contacts read again, without locks: their events up to the live path's positions now. */
  private async freshlyRead(
    workspace: string,
    contacts: readonly string[],
  ): Promise<{ bound: EventPositions; contacts: ReplayContact[] }> {
    const stored = await consumerOffsetRepository.load(
      this.options.dataSource.manager,
      this.options.consumerGroup,
      this.options.eventsTopic,
    );
    const { bound, events } = await this.archivedThrough(workspace, contacts, stored);
    return { bound, contacts: contacts.map((contact) => ({ contact, events: events.get(contact) ?? [] })) };
  }

  /**
   * The contacts' archived events once the archive holds every event before the live path's `stored`
   * positions (polling `replay-events`), and those positions as the bound.
   */
  private async archivedThrough(
    workspace: string,
    contacts: readonly string[],
    stored: ReadonlyMap<number, string>,
  ): Promise<{ bound: EventPositions; events: Map<string, ReplayContactEvent[]> }> {
    const bound: EventPositions = Object.fromEntries([...stored].map(([p, next]) => [String(p), next]));
    const waitUntil = Date.now() + (this.options.archiveWaitMs ?? 30_000);
    for (;;) {
      const answer = await this.options.archive.replayEvents(workspace, contacts);
      const archived = answer.archivedThrough[this.options.eventsTopic] ?? {};
      const behind = Object.keys(bound).filter((p) => BigInt(archived[p] ?? '0') < BigInt(bound[p] ?? '0'));
      if (behind.length === 0) {
        const events = new Map<string, ReplayContactEvent[]>();
        for (const { contact, ...event } of answer.events)
          events.set(contact, [...(events.get(contact) ?? []), event]);
        return { bound, events };
      }
      if (Date.now() >= waitUntil)
        throw new Error(`the archive is behind the live path on partitions ${behind.join(', ')}`);
      await this.sleep(this.options.archivePollMs ?? 250);
    }
  }

  private async subscriptionsOf(sql: SqlRunner, workspace: string): Promise<SubscriptionFilter[]> {
    let cached = this.subscriptions.get(workspace);
    if (!cached) {
      cached = (await webhookSubscriptionRepository.enabledFor(sql, [workspace])).map((s) => ({
        events: s.events,
        tiers: s.tiers,
        stages: s.stages,
      }));
      this.subscriptions.set(workspace, cached);
    }
    return cached;
  }

  /** Each source's changes, the sources at once (each under its own lock, keeping its own order). */
  private async publish(enqueued: ReadonlyMap<string, PendingOutboxMessage[]>): Promise<void> {
    await Promise.all(
      [...enqueued].map(([source, messages]) => this.options.publisher.publishCommitted(source, messages)),
    );
  }

  private report(
    job: ClaimedRescore,
    outcome: Extract<SwitchOutcome, { kind: 'switched' }>,
    done: number,
    total: number | null,
  ): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    const c = outcome.counts;
    if (job.dryRun) metrics.contacts('counted', outcome.switched);
    else {
      metrics.contacts('changed', c.changedContacts);
      metrics.contacts('unchanged', c.unchangedContacts);
      metrics.contacts('skipped', c.skippedContacts);
      metrics.contacts('dirty', outcome.dirty);
      metrics.scoreChanges(c.scoreChanges);
    }
    metrics.progress(total ? Math.min(1, done / total) : 0);
  }

  /** After a switch, waits as long as its transitions take at the rescore's pace (none for a dry run). */
  private async pace(job: ClaimedRescore, counts: RescoreCounts): Promise<void> {
    if (job.dryRun) return;
    const transitions = counts.tierTransitions + counts.stageTransitions;
    if (transitions > 0) await this.sleep((transitions / job.transitionsPerSecond) * 1000);
  }

  private checkStopping(): void {
    if (this.stopping) throw new Stopped();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stopping) {
        reject(new Stopped());
        return;
      }
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        reject(new Stopped());
      };
    });
  }
}

/** Per partition, the smaller of the live path's stored offset and the archive's end: both hold every event before it. */
function boundOf(
  stored: ReadonlyMap<number, string>,
  archived: Readonly<Record<string, string>>,
): EventPositions {
  const bound: Record<string, string> = {};
  for (const [partition, next] of stored) {
    const end = archived[String(partition)] ?? '0';
    bound[String(partition)] = BigInt(end) < BigInt(next) ? end : next;
  }
  return bound;
}

function mergeOutboxes<T>(
  a: ReadonlyMap<string, T[]>,
  b: ReadonlyMap<string, T[]>,
): ReadonlyMap<string, T[]> {
  const merged = new Map<string, T[]>();
  for (const [source, list] of [...a, ...b]) merged.set(source, [...(merged.get(source) ?? []), ...list]);
  return merged;
}
