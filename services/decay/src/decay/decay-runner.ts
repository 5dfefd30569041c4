import { Topics, type ScoringModel } from '@leadscore/contracts';
import { type DecayMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import {
  contactRankRepository,
  contactScoreRepository,
  decayRunRepository,
  outboxRepository,
  scoringModelRepository,
  storedModelOf,
  type ContactScoreRow,
  type DataSource,
  type DecayPassMode,
  type PendingOutboxMessage,
  type SqlRunner,
} from '@leadscore/persistence';
import { DECAY_OUTBOX_SOURCE, planDecayRange, type DecayCause } from './decay-plan.js';

export const DEFAULT_RANGE_SIZE = 2_000;
const DEADLOCK_RETRIES = 5;

export interface DecayRunnerOptions {
  readonly dataSource: DataSource;
  readonly logger: Logger;
  readonly metrics?: MetricsOf<typeof DecayMetrics>;
  /**
   * Publishes what ranges committed to the decay outbox, given as enqueued (absent: the rows stay for
   * the next publisher). Runs alongside the next ranges, one call at a time, with everything committed
   * since the previous call.
   */
  readonly publish?: (committed: readonly PendingOutboxMessage[]) => Promise<unknown>;
  /** Contacts per range: one locked read, at most three writes and one outbox insert per range. */
  readonly rangeSize?: number;
  readonly scoreChangedTopic?: string;
  /**
   * Runs first in every range's transaction; throws to abort the range (the leader lease's check, so a
   * replica that lost leadership writes nothing more).
   */
  readonly fence?: (sql: SqlRunner) => Promise<void>;
  /** Checked between ranges: true stops the pass (it resumes after its last committed range). */
  readonly isStopping?: () => boolean;
}

/** A pass stopped between two ranges because the process is shutting down; the next run resumes it. */
export class PassInterruptedError extends Error {
  override readonly name = 'PassInterruptedError';
}

export interface ModelPassResult {
  readonly workspace: string;
  readonly modelId: string;
  readonly modelVersion: number;
  /** Epoch ms the pass decayed to. */
  readonly target: number;
  /** false: the model was already decayed to (or past) the requested time; nothing was read. */
  readonly ran: boolean;
  /** The pass continued an earlier run that stopped midway. */
  readonly resumed: boolean;
  /** `all`: every contact was read; `due`: only those whose attention time had come. */
  readonly mode: DecayPassMode;
  readonly scanned: number;
  readonly advanced: number;
  readonly events: number;
  /** How long the pass took (0 when it did not run). */
  readonly seconds: number;
}

function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01';
}

/** The models in force, as the scorer recorded them in `scoring_models` (latest version of each). */
export async function loadModels(dataSource: DataSource): Promise<ScoringModel[]> {
  const rows = await scoringModelRepository.latest(dataSource.manager);
  return rows.map(storedModelOf);
}

/**
 * Publishes committed ranges in the background while the next ranges run: at most one `publish` call
 * at a time, each with everything committed since the previous one, in commit order. A failure stops
 * the pass at the next range (`throwIfFailed`) or at its end; what was not published stays in the
 * outbox for the next publisher.
 */
class TrailingPublisher {
  private running: Promise<void> | undefined;
  private queued: PendingOutboxMessage[][] = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly publish: (committed: readonly PendingOutboxMessage[]) => Promise<unknown>) {}

  /** A range committed these outbox messages. */
  add(committed: readonly PendingOutboxMessage[]): void {
    if (committed.length === 0) return;
    this.queued.push([...committed]);
    this.running ??= this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    while (this.queued.length > 0 && !this.failure) {
      const next = this.queued.flat();
      this.queued = [];
      try {
        await this.publish(next);
      } catch (error) {
        this.failure = { error };
      }
    }
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits until everything queued is published (or publishing failed), then reports the failure if any. */
  async settle(): Promise<void> {
    while (this.running) await this.running;
    this.throwIfFailed();
  }
}

/**
 * Runs decay passes: a model's contacts in contact-id ranges, each range in one transaction that locks
 * the range's rows, advances them with the pure engine, writes them back (whole states where something
 * came due, only the report fields where the contact merely decayed), enqueues the score-changed events
 * and records the range in `decay_runs`; the outbox is published while the next ranges run. A killed
 * pass resumes after the last committed range towards the same time, so a restart gives exactly the
 * result of one uninterrupted pass.
 */
export class DecayRunner {
  private readonly rangeSize: number;

  constructor(private readonly options: DecayRunnerOptions) {
    this.rangeSize = options.rangeSize ?? DEFAULT_RANGE_SIZE;
    if (!Number.isSafeInteger(this.rangeSize) || this.rangeSize < 1)
      throw new RangeError(`rangeSize must be a positive integer, got ${String(options.rangeSize)}`);
  }

  /**
   * Brings the model's contacts to `target`. An unfinished pass (whatever its time) is finished first;
   * a model already decayed to `target` or later is left alone. A pass reads only the contacts due by
   * `target` once an earlier pass has read all of them under the same model version (so their
   * attention times are known); otherwise, all of them.
   */
  async runModel(model: ScoringModel, target: number): Promise<ModelPassResult[]> {
    const { dataSource } = this.options;
    const results: ModelPassResult[] = [];
    const existing = await decayRunRepository.find(dataSource.manager, model.workspace, model.id);
    if (existing && existing.completedAt === null) {
      results.push(
        await this.pass(model, existing.targetAt.getTime(), {
          mode: existing.mode,
          after: existing.lastContactId,
          resumed: true,
          sameModel: existing.modelVersion === model.version,
        }),
      );
    }
    const reached = results[0]?.target ?? existing?.targetAt.getTime();
    if (reached !== undefined && reached >= target) {
      if (results.length === 0) results.push(this.upToDate(model, reached));
      return results;
    }
    // A resumed pass may just have recorded the attention version: read the run again only then.
    const known =
      results.length > 0
        ? await decayRunRepository.find(dataSource.manager, model.workspace, model.id)
        : existing;
    const mode: DecayPassMode = known?.attentionModelVersion === model.version ? 'due' : 'all';
    await decayRunRepository.begin(
      dataSource.manager,
      { workspaceId: model.workspace, modelId: model.id, modelVersion: model.version, mode },
      new Date(target),
      new Date(),
    );
    results.push(await this.pass(model, target, { mode, after: null, resumed: false, sameModel: true }));
    return results;
  }

  private upToDate(model: ScoringModel, target: number): ModelPassResult {
    return {
      workspace: model.workspace,
      modelId: model.id,
      modelVersion: model.version,
      target,
      ran: false,
      resumed: false,
      mode: 'due',
      scanned: 0,
      advanced: 0,
      events: 0,
      seconds: 0,
    };
  }

  private async pass(
    model: ScoringModel,
    target: number,
    how: { mode: DecayPassMode; after: string | null; resumed: boolean; sameModel: boolean },
  ): Promise<ModelPassResult> {
    const { dataSource, logger, metrics } = this.options;
    const { mode, resumed } = how;
    const started = performance.now();
    const stopTimer = metrics?.runDuration.startTimer();
    // Where the last committed range ended: a restart after a deadlock goes on from there.
    let committedUpTo: RangeCursor | null =
      how.after === null ? null : { contactId: how.after, attentionAt: null };
    let scanned = 0;
    let advanced = 0;
    let events = 0;
    const publisher = this.options.publish ? new TrailingPublisher(this.options.publish) : undefined;
    const onCommitted = (range: RangeOutcome): void => {
      committedUpTo = range.cursor;
      scanned += range.scanned;
      advanced += range.advanced;
      events += range.events;
      metrics?.scannedContacts.inc(range.scanned);
      metrics?.touchedContacts.inc(range.advanced);
      metrics?.changedContacts.inc(range.events);
      for (const [cause, n] of Object.entries(range.changesByCause)) {
        if (n > 0) metrics?.scoreChangedEvents.inc({ cause }, n);
      }
      publisher?.add(range.committed);
    };
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.ranges(model, target, mode, committedUpTo, onCommitted, () =>
            publisher?.throwIfFailed(),
          );
          break;
        } catch (error) {
          if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
          logger.warn(
            { model: model.id, after: committedUpTo?.contactId ?? null, attempt },
            'decay range deadlocked with a writer; going on from the last committed range',
          );
        }
      }
      await publisher?.settle();
      // A pass that read every contact under one model version has written every attention time.
      const attentionKnown = mode === 'all' && how.sameModel ? model.version : undefined;
      await decayRunRepository.complete(
        dataSource.manager,
        model.workspace,
        model.id,
        new Date(),
        attentionKnown,
      );
      stopTimer?.({ result: 'completed' });
    } catch (error) {
      // Whatever already committed is still published (or left for recovery if that fails too).
      await publisher?.settle().catch(() => undefined);
      stopTimer?.({ result: 'failed' });
      throw error;
    }
    logger.info(
      {
        workspace: model.workspace,
        model: model.id,
        target: new Date(target).toISOString(),
        mode,
        resumed,
        scanned,
        advanced,
        events,
      },
      'decay pass completed',
    );
    return {
      workspace: model.workspace,
      modelId: model.id,
      modelVersion: model.version,
      target,
      ran: true,
      resumed,
      mode,
      scanned,
      advanced,
      events,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /**
   * The pass's ranges from `after` on, two at a time: while one range's writes and commit run in
   * PostgreSQL, the next is read and advanced here (the pass's CPU would otherwise wait for the
   * database and the other way round). A range writes only after the range before it committed, so
   * ranges commit in order (the progress row and the outbox follow the pass), and ranges are disjoint,
   * so they never wait on each other's rows. A failed range fails the range after it, which has
   * written nothing; everything in flight has ended when this returns or throws.
   */
  private async ranges(
    model: ScoringModel,
    target: number,
    mode: DecayPassMode,
    after: RangeCursor | null,
    onCommitted: (range: RangeOutcome) => void,
    checkPublisher: () => void,
  ): Promise<void> {
    let cursor = after;
    let previous: Promise<unknown> = Promise.resolve();
    let beforePrevious: Promise<unknown> = Promise.resolve();
    try {
      for (;;) {
        checkPublisher();
        await beforePrevious;
        if (this.options.isStopping?.()) {
          await previous;
          throw new PassInterruptedError(
            `decay pass of ${model.workspace}/${model.id} stopped after contact ${cursor?.contactId ?? '(none)'}`,
          );
        }
        const range = await this.openRange(model, target, mode, cursor, previous);
        if (range.next === null) {
          // Nothing left to read: that transaction ends without writing.
          await range.committed;
          break;
        }
        cursor = range.next;
        beforePrevious = previous;
        previous = range.committed.then((outcome) => outcome && onCommitted(outcome));
      }
      await previous;
    } catch (error) {
      await Promise.allSettled([beforePrevious, previous]);
      throw error;
    }
  }

  /**
   * Starts one range's transaction: it reads and locks the range, hands back where the next range
   * starts (null: nothing was left to read, and the transaction ends empty), then advances its contacts
   * and, once `previous` committed, writes them and commits.
   */
  private async openRange(
    model: ScoringModel,
    target: number,
    mode: DecayPassMode,
    after: RangeCursor | null,
    previous: Promise<unknown>,
  ): Promise<{ next: RangeCursor | null; committed: Promise<RangeOutcome | null> }> {
    let readDone!: (next: RangeCursor | null) => void;
    const read = new Promise<RangeCursor | null>((resolve) => (readDone = resolve));
    const committed = this.options.dataSource.transaction(async (sql) => {
      await this.options.fence?.(sql);
      const { rows, next } =
        mode === 'all'
          ? await this.readRange(sql, model, after)
          : await this.readDue(sql, model, target, after);
      readDone(next);
      if (next === null) return null;
      const plan = planDecayRange(model, rows, target, this.options.scoreChangedTopic ?? Topics.scoreChanged);
      await previous;
      // The leader is the only decay writer, so its outbox source is its histogram shard too.
      await contactScoreRepository.updateMany(sql, plan.scores, DECAY_OUTBOX_SOURCE);
      await contactScoreRepository.updateReports(sql, plan.reports, DECAY_OUTBOX_SOURCE);
      await contactScoreRepository.rerank(sql, plan.unchanged, DECAY_OUTBOX_SOURCE);
      // One outbox row per range: its score changes have deterministic ids and a range commits once
      // (with its decay_runs progress), so the per-message id check of `enqueue` is not needed.
      const enqueued = await outboxRepository.enqueueBatch(sql, DECAY_OUTBOX_SOURCE, plan.outbox, new Date());
      await decayRunRepository.advance(sql, model.workspace, model.id, next.contactId);
      return {
        cursor: next,
        scanned: plan.scanned,
        advanced: plan.scores.length + plan.reports.length,
        events: plan.outbox.length,
        changesByCause: { ...plan.changesByCause },
        committed: enqueued,
      };
    });
    // Awaited by the next range or the pass; never left to reject unobserved.
    committed.catch(() => undefined);
    const next = await Promise.race([read, committed.then(() => read)]);
    return { next, committed };
  }

  /** The next contact-id range after `after`, locked. */
  private async readRange(
    sql: SqlRunner,
    model: ScoringModel,
    after: RangeCursor | null,
  ): Promise<RangeRead> {
    const rows = await contactScoreRepository.lockModelRange(
      sql,
      model.workspace,
      model.id,
      after?.contactId ?? null,
      this.rangeSize,
    );
    const last = rows[rows.length - 1];
    return { rows, next: last ? { contactId: last.contactId, attentionAt: null } : null };
  }

  /**
   * The next contacts due by `target` after `after` in attention order, locked. What a range advanced is
   * due after `target` (or never) from then on, and a contact the scorer writes meanwhile is due after
   * the time it was scored, so walking the index once finds every contact due when the pass began.
   */
  private async readDue(
    sql: SqlRunner,
    model: ScoringModel,
    target: number,
    after: RangeCursor | null,
  ): Promise<RangeRead> {
    const due = await contactRankRepository.dueContacts(
      sql,
      model.workspace,
      model.id,
      new Date(target),
      after?.attentionAt ? { attentionAt: after.attentionAt, contactId: after.contactId } : null,
      this.rangeSize,
    );
    const rows = await contactScoreRepository.lockMany(
      sql,
      due.map(({ contactId }) => ({ workspaceId: model.workspace, modelId: model.id, contactId })),
    );
    if (rows.length < due.length) {
      // Ranks outliving their score (never expected: erasure deletes both) must not stay due.
      const scored = new Set(rows.map((row) => row.contactId));
      await contactRankRepository.clearAttention(
        sql,
        model.workspace,
        model.id,
        due.filter(({ contactId }) => !scored.has(contactId)).map(({ contactId }) => contactId),
      );
    }
    const last = due[due.length - 1];
    return { rows, next: last ?? null };
  }
}

/** Where a range ended: its last contact, and in a `due` pass that contact's attention time. */
interface RangeCursor {
  readonly contactId: string;
  readonly attentionAt: Date | null;
}

interface RangeRead {
  readonly rows: ContactScoreRow[];
  readonly next: RangeCursor | null;
}

interface RangeOutcome {
  readonly cursor: RangeCursor;
  readonly scanned: number;
  readonly advanced: number;
  readonly events: number;
  readonly changesByCause: Record<DecayCause, number>;
  readonly committed: readonly PendingOutboxMessage[];
}

export { DECAY_OUTBOX_SOURCE };
