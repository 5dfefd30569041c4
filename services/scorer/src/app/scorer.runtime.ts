import { SERVICE_DEFAULT_PORTS } from '@leadscore/config';
import {
  createBatchConsumer,
  createBatchingProducer,
  highWatermarks,
  type BatchConsumer,
  type BatchingProducer,
  type KafkaClient,
  type KafkaError,
} from '@leadscore/kafka';
import { ScorerMetrics, registerMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import {
  consumerOffsetRepository,
  rescoreRepository,
  scoringModelRepository,
  type DataSource,
} from '@leadscore/persistence';
import { type ScoringModel } from '@leadscore/contracts';
import { RescoreWorker } from '../rescore/rescore-worker.js';
import { type Registry } from 'prom-client';
import { pruneExpiredRows, type PruneResult, type RetentionSettings } from '../housekeeping/housekeeping.js';
import { ModelRegistry } from '../models/model-registry.js';
import { ModelsConsumer } from '../models/models.consumer.js';
import { HttpArchiveReader, type ArchiveReader } from '../identity/archive-reader.js';
import { ContactMerger } from '../identity/contact-merger.js';
import { OutboxPublisher } from '@leadscore/outbox';
import {
  DEFAULT_SCORER_TOPICS,
  ScoringBatchHandler,
  outboxSourceOf,
  type ScorerTopics,
} from '../scoring/scoring-batch.handler.js';

export interface ScorerRuntimeOptions {
  readonly kafka: KafkaClient;
  readonly dataSource: DataSource;
  readonly logger: Logger;
  readonly registry: Registry;
  /** Consumer group of leads.events.v1; its offsets live in PostgreSQL under this name. */
  readonly consumerGroup: string;
  readonly topics?: ScorerTopics;
  /** The consumer stopped for good: the process should exit and be restarted. */
  readonly onFatalError?: (error: KafkaError) => void;
  readonly sessionTimeoutMs?: number;
  /** Partitions handled at once (default 1); each keeps its order. */
  readonly partitionsConsumedConcurrently?: number;
  readonly retention?: RetentionSettings;
  /** Where merges read both contacts' history (default: analytics at `analyticsUrl`). */
  readonly archive?: ArchiveReader;
  /** Base URL of the analytics service (default http://127.0.0.1:3005). */
  readonly analyticsUrl?: string;
  readonly rescore?: RescoreSettings;
}

export interface RescoreSettings {
  /** Queue a rescore (reason first-apply) when a model's first version is applied (default false). */
  readonly onFirstApply?: boolean;
  /** Pace of a first-apply rescore's transitions (default 50 per second). */
  readonly transitionsPerSecond?: number;
  readonly leaseMs?: number;
  readonly switchContacts?: number;
  readonly pageContacts?: number;
  /** Pause between two looks for a queued rescore (default 2 s). */
  readonly idlePollMs?: number;
}

const DEFAULT_ANALYTICS_URL = `http://127.0.0.1:${SERVICE_DEFAULT_PORTS.analytics}`;

const DEFAULT_RETENTION: RetentionSettings = {
  processedEventRetentionHours: 192,
  publishedOutboxRetentionHours: 24,
};

/**
 * The scorer's moving parts: models kept current, events consumed per partition with seek-on-join to
 * the offsets stored in PostgreSQL, each batch committed in one transaction, its outbox then published.
 */
export class ScorerRuntime {
  readonly models = new ModelRegistry();
  private readonly producer: BatchingProducer;
  private readonly publisher: OutboxPublisher;
  private readonly modelsConsumer: ModelsConsumer;
  private readonly handler: ScoringBatchHandler;
  private readonly metrics: MetricsOf<typeof ScorerMetrics>;
  private consumer: BatchConsumer | undefined;
  private running = false;
  readonly rescores: RescoreWorker;

  constructor(private readonly options: ScorerRuntimeOptions) {
    this.metrics = registerMetrics(options.registry, ScorerMetrics);
    this.producer = createBatchingProducer(options.kafka, { lingerMs: 1 });
    this.publisher = new OutboxPublisher(options.dataSource, this.producer, options.kafka);
    const topics = options.topics ?? DEFAULT_SCORER_TOPICS;
    this.modelsConsumer = new ModelsConsumer(
      options.kafka,
      options.dataSource,
      this.models,
      options.logger,
      topics.models,
      options.rescore?.onFirstApply ? (model) => this.queueFirstApply(model) : undefined,
    );
    const archive = options.archive ?? new HttpArchiveReader(options.analyticsUrl ?? DEFAULT_ANALYTICS_URL);
    const merger = new ContactMerger({
      dataSource: options.dataSource,
      models: this.models,
      archive,
      consumerGroup: options.consumerGroup,
      logger: options.logger,
      eventsTopic: topics.events,
      scoreChangedTopic: topics.scoreChanged,
      outboxSourceOf,
      timeMerge: () => this.metrics.mergeDuration.startTimer(),
    });
    this.handler = new ScoringBatchHandler(
      options.dataSource,
      this.models,
      options.consumerGroup,
      options.logger,
      merger,
      topics,
      (stage) => this.metrics.stageDuration.startTimer({ stage }),
    );
    this.rescores = new RescoreWorker({
      dataSource: options.dataSource,
      models: this.models,
      archive,
      publisher: this.publisher,
      logger: options.logger,
      consumerGroup: options.consumerGroup,
      eventsTopic: topics.events,
      scoreChangedTopic: topics.scoreChanged,
      outboxSourceOf,
      ...(options.rescore?.leaseMs !== undefined ? { leaseMs: options.rescore.leaseMs } : {}),
      ...(options.rescore?.switchContacts !== undefined
        ? { switchContacts: options.rescore.switchContacts }
        : {}),
      ...(options.rescore?.pageContacts !== undefined ? { pageContacts: options.rescore.pageContacts } : {}),
      ...(options.rescore?.idlePollMs !== undefined ? { idlePollMs: options.rescore.idlePollMs } : {}),
      metrics: {
        contacts: (result, n) => this.metrics.rescoreContacts.inc({ result }, n),
        scoreChanges: (n) => this.metrics.scoreChangedEvents.inc({ cause: 'rescore' }, n),
        progress: (ratio) => this.metrics.rescoreProgress.set(ratio),
        timeStage: (stage) => this.metrics.rescoreStageDuration.startTimer({ stage }),
      },
    });
  }

  /** A model's first version: its contacts' engagement history is replayed (once, whichever scorer is first). */
  private async queueFirstApply(model: ScoringModel): Promise<void> {
    const manager = this.options.dataSource.manager;
    const first = await scoringModelRepository.firstVersion(manager, model.workspace, model.id);
    if (first !== undefined && first < model.version) return;
    const queued = await rescoreRepository.create(
      manager,
      {
        workspaceId: model.workspace,
        modelId: model.id,
        version: model.version,
        dryRun: false,
        reason: 'first-apply',
        transitionsPerSecond: this.options.rescore?.transitionsPerSecond ?? 50,
      },
      new Date(),
    );
    if (queued)
      this.options.logger.info(
        { rescore: queued.id, workspace: model.workspace, model: model.id },
        'first application of a model: its history will be replayed',
      );
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    const { kafka, dataSource, logger, consumerGroup } = this.options;
    const topic = (this.options.topics ?? DEFAULT_SCORER_TOPICS).events;
    await this.producer.connect();
    await this.modelsConsumer.start();
    this.consumer = createBatchConsumer(kafka, {
      groupId: consumerGroup,
      topics: [topic],
      fromBeginning: true,
      commitOffsets: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      ...(this.options.sessionTimeoutMs !== undefined
        ? { sessionTimeoutMs: this.options.sessionTimeoutMs }
        : {}),
      onPartitionsAssigned: async ({ partitions }) => {
        // A previous owner may have died between its commit and its publish: finish its outbox first.
        for (const partition of partitions) {
          const recovered = await this.publisher.recover(outboxSourceOf(partition));
          if (recovered.alreadyPublished + recovered.published > 0) {
            logger.info({ partition, ...recovered }, 'outbox recovered after reassignment');
          }
        }
        const stored = await consumerOffsetRepository.load(dataSource.manager, consumerGroup, topic);
        return new Map([...stored].filter(([partition]) => partitions.includes(partition)));
      },
      handler: async (batch) => {
        const stopTimer = this.metrics.batchDuration.startTimer();
        const stopTransactionTimer = this.metrics.transactionDuration.startTimer();
        const outcome = await this.handler.handle(batch, async (enqueued) => {
          await this.publisher.publishCommitted(outboxSourceOf(batch.partition), enqueued);
        });
        stopTransactionTimer();
        const stopPublishTimer = this.metrics.stageDuration.startTimer({ stage: 'publish' });
        await this.publisher.publishCommitted(outboxSourceOf(batch.partition), outcome.enqueued);
        stopPublishTimer();
        stopTimer();
        this.metrics.consumedEvents.inc({ result: 'scored' }, outcome.scored);
        this.metrics.consumedEvents.inc({ result: 'duplicate' }, outcome.duplicates + outcome.skipped);
        this.metrics.consumedEvents.inc({ result: 'erased' }, outcome.erased + outcome.erasures);
        this.metrics.consumedEvents.inc(
          { result: 'dead_lettered' },
          outcome.undecodable + outcome.unscorable,
        );
        this.metrics.deadLetteredEvents.inc({ stage: 'decode' }, outcome.undecodable);
        this.metrics.deadLetteredEvents.inc({ stage: 'scoring' }, outcome.unscorable);
        this.metrics.consumedEvents.inc({ result: 'merged' }, outcome.merged);
        this.metrics.consumedEvents.inc({ result: 'forwarded' }, outcome.forwarded);
        this.metrics.scoreChangedEvents.inc({ cause: 'event' }, outcome.changes);
      },
      onFatalError: (error) => {
        this.running = false;
        this.options.onFatalError?.(error);
      },
    });
    await this.consumer.start();
    this.rescores.start();
    this.running = true;
    logger.info({ topic, consumerGroup }, 'scorer consuming');
  }

  /**
   * Outbox backlog and consumer lag, read from the sources of truth (PostgreSQL's stored offsets against
   * the topic's high watermarks), so the lag keeps growing on a dashboard even when consuming has stalled.
   */
  async refreshMetrics(): Promise<void> {
    const topic = (this.options.topics ?? DEFAULT_SCORER_TOPICS).events;
    const [backlog, highs, stored] = await Promise.all([
      this.publisher.backlog(),
      highWatermarks(this.options.kafka, topic),
      consumerOffsetRepository.load(this.options.dataSource.manager, this.options.consumerGroup, topic),
    ]);
    this.metrics.outboxBacklog.set(backlog);
    for (const [partition, high] of highs) {
      const committed = stored.get(partition) ?? '0';
      const lag = BigInt(high) - BigInt(committed);
      this.metrics.consumerLag.set({ partition: String(partition) }, Number(lag > 0n ? lag : 0n));
    }
  }

  /** Deletes expired dedupe ids and old published outbox rows (see RetentionSettings). */
  async prune(now: Date = new Date()): Promise<PruneResult> {
    const pruned = await pruneExpiredRows(
      this.options.dataSource,
      this.options.retention ?? DEFAULT_RETENTION,
      now,
    );
    this.metrics.prunedRows.inc({ table: 'processed_events' }, pruned.processedEvents);
    this.metrics.prunedRows.inc({ table: 'outbox' }, pruned.outbox);
    return pruned;
  }

  /** Finishes the batch in hand, leaves the group, flushes the producer. */
  async stop(): Promise<void> {
    this.running = false;
    await this.rescores.stop();
    await this.consumer?.stop();
    await this.modelsConsumer.stop();
    await this.producer.disconnect();
  }
}
