import { type ScoringModel } from '@leadscore/contracts';
import { createBatchingProducer, type BatchingProducer, type KafkaClient } from '@leadscore/kafka';
import { DecayMetrics, registerMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import { OutboxPublisher } from '@leadscore/outbox';
import {
  tryAcquireLeaderLease,
  workspaceSettingsRepository,
  type DataSource,
  type LeaderLease,
} from '@leadscore/persistence';
import { type Registry } from 'prom-client';
import { DECAY_OUTBOX_SOURCE } from '../decay/decay-plan.js';
import {
  DecayRunner,
  PassInterruptedError,
  loadModels,
  type ModelPassResult,
} from '../decay/decay-runner.js';
import { lastScheduledTime, nextScheduledTime } from '../decay/decay-schedule.js';
import { type WorkspaceTimeZones } from '../decay/workspace-time-zones.js';

/** The advisory-lock name every decay replica competes for. */
export const DECAY_LEADER_LOCK = 'leadscore-decay-leader';

export interface DecayRuntimeOptions {
  readonly dataSource: DataSource;
  readonly kafka: KafkaClient;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly rangeSize?: number;
  /** How often the leader checks schedules and a standby tries to take over. */
  readonly checkIntervalMs: number;
  /**
   * Each workspace's zone for schedules that name none when its settings (the api's
   * `PATCH /v1/settings`) set none: DECAY_WORKSPACE_TIME_ZONES; not listed either = UTC.
   */
  readonly workspaceTimeZones?: WorkspaceTimeZones;
  /** Where score changes go (tests use a topic of their own). */
  readonly scoreChangedTopic?: string;
  /** The clock passes are timed by (tests inject one). */
  readonly clock?: () => number;
  /** Leadership was lost (its connection died): the process should exit and be restarted. */
  readonly onLeadershipLost?: () => void;
}

export interface RunRequest {
  readonly workspace?: string;
  readonly model?: string;
  /** Epoch ms to decay to (default: now). */
  readonly at?: number;
}

export class NotLeaderError extends Error {
  override readonly name = 'NotLeaderError';
  constructor() {
    super(
      'this decay replica is a standby; another replica holds the leader lock and runs the passes — send the request to the leader, or wait for this one to take over',
    );
  }
}

export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
}

/**
 * One decay replica: competes for the leader lock; the leader recovers the decay outbox, then runs every
 * model's pass whenever its schedule fired since the last pass (and on demand). Passes never overlap in
 * a process; the lock keeps other replicas out.
 */
export class DecayRuntime {
  private readonly producer: BatchingProducer;
  private readonly publisher: OutboxPublisher;
  private readonly runner: DecayRunner;
  private readonly metrics: MetricsOf<typeof DecayMetrics>;
  private readonly clock: () => number;
  private lease: LeaderLease | undefined;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Per failing model (`workspace/model`), the first fire time its pass has owed since. */
  private owedSince = new Map<string, number>();
  private nextRunDueSet = false;
  /** The time zones of the workspaces' settings, read again at every check (and run on demand). */
  private settingsTimeZones: ReadonlyMap<string, string> = new Map();
  private settingsTimeZonesFailing = false;

  constructor(private readonly options: DecayRuntimeOptions) {
    this.producer = createBatchingProducer(options.kafka, { lingerMs: 1 });
    this.publisher = new OutboxPublisher(options.dataSource, this.producer, options.kafka);
    this.metrics = registerMetrics(options.registry, DecayMetrics);
    this.clock = options.clock ?? Date.now;
    this.runner = new DecayRunner({
      dataSource: options.dataSource,
      logger: options.logger,
      metrics: this.metrics,
      publish: (committed) => this.publisher.publishCommitted(DECAY_OUTBOX_SOURCE, committed),
      fence: async (sql) => {
        if (!this.lease) throw new NotLeaderError();
        await this.lease.assertHeld(sql);
      },
      isStopping: () => this.stopped,
      ...(options.rangeSize !== undefined ? { rangeSize: options.rangeSize } : {}),
      ...(options.scoreChangedTopic !== undefined ? { scoreChangedTopic: options.scoreChangedTopic } : {}),
    });
  }

  get isLeader(): boolean {
    return this.lease !== undefined;
  }

  get isRunning(): boolean {
    return this.loop !== undefined && !this.stopped;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.loop = this.leaderLoop();
  }

  /** Tries once to become the leader now (the CLI does this instead of start()). */
  async acquireLeadership(): Promise<boolean> {
    if (this.lease) return true;
    const lease = await tryAcquireLeaderLease(this.options.dataSource, DECAY_LEADER_LOCK);
    if (!lease) return false;
    this.lease = lease;
    // A leader that died between commit and publish left acknowledged-or-not rows: settle them first.
    const recovered = await this.publisher.recover(DECAY_OUTBOX_SOURCE);
    this.options.logger.info({ ...recovered }, 'decay leader: leadership taken, outbox recovered');
    return true;
  }

  async connectProducer(): Promise<void> {
    await this.producer.connect();
  }

  /** On demand: decays the matching models (all by default) to `at` (default now). Leader only. */
  runNow(request: RunRequest = {}): Promise<ModelPassResult[]> {
    if (!this.lease) return Promise.reject(new NotLeaderError());
    return this.exclusive(async () => {
      await this.reloadTimeZones();
      const models = (await loadModels(this.options.dataSource)).filter(
        (m) =>
          (request.workspace === undefined || m.workspace === request.workspace) &&
          (request.model === undefined || m.id === request.model),
      );
      if (models.length === 0 && (request.workspace !== undefined || request.model !== undefined)) {
        throw new UnknownModelError(
          `no model matches workspace ${request.workspace ?? '(any)'} and model ${request.model ?? '(any)'}; the decay service knows the models the scorer recorded in scoring_models`,
        );
      }
      const at = request.at ?? this.clock();
      return this.runModels(models, () => at);
    });
  }

  /** Runs the passes whose schedule fired since each model's last pass. */
  runScheduled(): Promise<ModelPassResult[]> {
    return this.exclusive(async () => {
      await this.reloadTimeZones();
      const models = await loadModels(this.options.dataSource);
      const now = this.clock();
      // A new leader's first check may be a long pass: until it ends, what is owed is owed since now.
      if (!this.nextRunDueSet) this.metrics.nextRunDue.set(now / 1000);
      this.nextRunDueSet = true;
      const failed = new Set<ScoringModel>();
      let results: ModelPassResult[];
      try {
        results = await this.runModels(
          models,
          (model) => lastScheduledTime(model, now, this.timeZoneOf(model)),
          failed,
        );
      } catch (error) {
        if (!(error instanceof PassInterruptedError)) this.recordNextRunDue(models, failed, now);
        throw error;
      }
      this.recordNextRunDue(models, failed, now);
      for (const result of results)
        this.metrics.scheduledRuns.inc({ result: result.ran ? 'completed' : 'up_to_date' });
      return results;
    });
  }

  /** The workspace's zone: its settings', else DECAY_WORKSPACE_TIME_ZONES', else none (UTC). */
  private timeZoneOf(model: ScoringModel): string | undefined {
    return (
      this.settingsTimeZones.get(model.workspace) ?? this.options.workspaceTimeZones?.get(model.workspace)
    );
  }

  /**
   * Reads the workspaces' time zones from their settings: one small query per check, so a zone set
   * through the api applies from the next check on. While it cannot be read, the last ones stay.
   */
  private async reloadTimeZones(): Promise<void> {
    try {
      this.settingsTimeZones = await workspaceSettingsRepository.timeZones(this.options.dataSource.manager);
      this.settingsTimeZonesFailing = false;
    } catch (error) {
      if (!this.settingsTimeZonesFailing)
        this.options.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'cannot read the workspaces’ time zones from their settings: keeping the last ones read',
        );
      this.settingsTimeZonesFailing = true;
    }
  }

  /**
   * Sets the next-run-due gauge after a check: a model whose pass completed is next due at its next
   * fire time; a failed one stays due at the first fire time it missed, however many checks fail
   * after it, so the alert on it does not reset at every fire time. No models: the check time.
   */
  private recordNextRunDue(
    models: readonly ScoringModel[],
    failed: ReadonlySet<ScoringModel>,
    now: number,
  ): void {
    const owedSince = new Map<string, number>();
    let due = Number.POSITIVE_INFINITY;
    for (const model of models) {
      const key = `${model.workspace}/${model.id}`;
      let modelDue: number;
      try {
        modelDue = failed.has(model)
          ? (this.owedSince.get(key) ?? lastScheduledTime(model, now, this.timeZoneOf(model)))
          : nextScheduledTime(model, now, this.timeZoneOf(model));
      } catch {
        // The schedule cannot be read (the pass failed on it too): owed since the first check that found it.
        modelDue = this.owedSince.get(key) ?? now;
      }
      if (failed.has(model)) owedSince.set(key, modelDue);
      due = Math.min(due, modelDue);
    }
    this.owedSince = owedSince;
    this.metrics.nextRunDue.set((Number.isFinite(due) ? due : now) / 1000);
  }

  private async runModels(
    models: readonly ScoringModel[],
    targetOf: (model: ScoringModel) => number,
    failed?: Set<ScoringModel>,
  ): Promise<ModelPassResult[]> {
    const results: ModelPassResult[] = [];
    let failure: Error | undefined;
    for (const model of models) {
      try {
        results.push(...(await this.runner.runModel(model, targetOf(model))));
      } catch (error) {
        if (error instanceof PassInterruptedError) throw error;
        failed?.add(model);
        failure ??= error instanceof Error ? error : new Error(String(error));
        this.metrics.scheduledRuns.inc({ result: 'failed' });
        this.options.logger.error(
          {
            workspace: model.workspace,
            model: model.id,
            err: error instanceof Error ? error.message : String(error),
          },
          'decay pass failed; it resumes where it stopped on the next check',
        );
      }
    }
    if (failure !== undefined) throw failure;
    this.metrics.lastSuccessfulRun.set(Date.now() / 1000);
    return results;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async leaderLoop(): Promise<void> {
    const { logger } = this.options;
    while (!this.stopped) {
      try {
        if (!this.lease) {
          await this.acquireLeadership();
        } else if (!(await this.lease.stillHeld())) {
          this.lease = undefined;
          logger.fatal('decay leader lock connection lost; exiting so that a standby takes over cleanly');
          this.options.onLeadershipLost?.();
        }
        if (this.lease && !this.stopped) await this.runScheduled();
      } catch (error) {
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'decay check failed; retrying',
        );
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.checkIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async refreshBacklogMetric(): Promise<number> {
    return this.publisher.backlog();
  }

  /** Finishes the pass in hand (its current range commits), releases the lock, flushes the producer. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      this.wake?.();
      await this.loop;
      await this.queue;
      await this.lease?.release().catch(() => undefined);
      this.lease = undefined;
      await this.producer.disconnect();
    })();
    return this.stopping;
  }
}
