import { Topics, type ScoringModel } from '@leadscore/contracts';
import { type DecayMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import {
  contactScoreRepository,
  decayRunRepository,
  outboxRepository,
  scoringModelRepository,
  storedModelOf,
  type DataSource,
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
  /** Contacts per range: one locked read, at most two writes and one outbox insert per range. */
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
  readonly scanned: number;
  readonly advanced: number;
  readonly events: number;
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
   * a model already decayed to `target` or later is left alone.
   */
  async runModel(model: ScoringModel, target: number): Promise<ModelPassResult[]> {
    const { dataSource } = this.options;
    const results: ModelPassResult[] = [];
    const existing = await decayRunRepository.find(dataSource.manager, model.workspace, model.id);
    if (existing && existing.completedAt === null) {
      results.push(await this.pass(model, existing.targetAt.getTime(), existing.lastContactId, true));
    }
    const reached = results[0]?.target ?? existing?.targetAt.getTime();
    if (reached !== undefined && reached >= target) {
      if (results.length === 0) results.push(this.upToDate(model, reached));
      return results;
    }
    await decayRunRepository.begin(
      dataSource.manager,
      model.workspace,
      model.id,
      new Date(target),
      new Date(),
    );
    results.push(await this.pass(model, target, null, false));
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
      scanned: 0,
      advanced: 0,
      events: 0,
    };
  }

  private async pass(
    model: ScoringModel,
    target: number,
    after: string | null,
    resumed: boolean,
  ): Promise<ModelPassResult> {
    const { dataSource, logger, metrics } = this.options;
    const stopTimer = metrics?.runDuration.startTimer();
    let cursor = after;
    let scanned = 0;
    let advanced = 0;
    let events = 0;
    const publisher = this.options.publish ? new TrailingPublisher(this.options.publish) : undefined;
    try {
      for (;;) {
        publisher?.throwIfFailed();
        if (this.options.isStopping?.())
          throw new PassInterruptedError(
            `decay pass of ${model.workspace}/${model.id} stopped after contact ${cursor ?? '(none)'}`,
          );
        const range = await this.range(model, target, cursor);
        if (range.last === null) break;
        cursor = range.last;
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
      }
      await publisher?.settle();
      await decayRunRepository.complete(dataSource.manager, model.workspace, model.id, new Date());
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
      scanned,
      advanced,
      events,
    };
  }

  /** One range in one transaction; retried when PostgreSQL breaks a deadlock with the scorer. */
  private async range(
    model: ScoringModel,
    target: number,
    after: string | null,
  ): Promise<{
    last: string | null;
    scanned: number;
    advanced: number;
    events: number;
    changesByCause: Record<DecayCause, number>;
    committed: readonly PendingOutboxMessage[];
  }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.options.dataSource.transaction(async (sql) => {
          await this.options.fence?.(sql);
          const rows = await contactScoreRepository.lockModelRange(
            sql,
            model.workspace,
            model.id,
            after,
            this.rangeSize,
          );
          const last = rows[rows.length - 1]?.contactId ?? null;
          if (last === null)
            return {
              last,
              scanned: 0,
              advanced: 0,
              events: 0,
              changesByCause: { decay: 0, expiry: 0, inactivity: 0, absence: 0 },
              committed: [],
            };
          const plan = planDecayRange(
            model,
            rows,
            target,
            this.options.scoreChangedTopic ?? Topics.scoreChanged,
          );
          // The leader is the only decay writer, so its outbox source is its histogram shard too.
          await contactScoreRepository.updateMany(sql, plan.scores, DECAY_OUTBOX_SOURCE);
          await contactScoreRepository.updateReports(sql, plan.reports, DECAY_OUTBOX_SOURCE);
          // One outbox row per range: its score changes have deterministic ids and a range commits once
          // (with its decay_runs progress), so the per-message id check of `enqueue` is not needed.
          const committed = await outboxRepository.enqueueBatch(
            sql,
            DECAY_OUTBOX_SOURCE,
            plan.outbox,
            new Date(),
          );
          await decayRunRepository.advance(sql, model.workspace, model.id, last);
          return {
            last,
            scanned: plan.scanned,
            advanced: plan.scores.length + plan.reports.length,
            events: plan.outbox.length,
            changesByCause: { ...plan.changesByCause },
            committed,
          };
        });
      } catch (error) {
        if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
        this.options.logger.warn(
          { model: model.id, after, attempt },
          'decay range deadlocked with a writer; retrying',
        );
      }
    }
  }
}

export { DECAY_OUTBOX_SOURCE };
