import {
  ArchiveStore,
  archiveRowOf,
  applyEventsTtl,
  migrateAnalytics,
  type AnalyticsClient,
  type ArchiveRole,
} from '@leadscore/analytics';
import { Topics } from '@leadscore/contracts';
import {
  createBatchConsumer,
  type BatchConsumer,
  type ConsumedBatch,
  type KafkaClient,
  type KafkaError,
} from '@leadscore/kafka';
import { AnalyticsMetrics, registerMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import { type Registry } from 'prom-client';

/** The topics archived, by what they hold. */
export type AnalyticsTopics = Readonly<Record<ArchiveRole, string>>;

export const DEFAULT_ANALYTICS_TOPICS: AnalyticsTopics = {
  events: Topics.events,
  scoreChanges: Topics.scoreChanged,
  lifecycleChanges: Topics.lifecycle,
  deadLetters: Topics.eventsDeadLetter,
};

export interface AnalyticsRuntimeOptions {
  readonly kafka: KafkaClient;
  readonly clickhouse: AnalyticsClient;
  /** The ClickHouse database of the archive (created and migrated at start). */
  readonly database: string;
  /** The server's cluster the archive is laid out on (CLICKHOUSE_CLUSTER); unset on one node. */
  readonly cluster?: string | undefined;
  /** Days raw events stay (ANALYTICS_EVENTS_TTL_DAYS); 0 or unset keeps them. */
  readonly eventsTtlDays?: number;
  /** The consumer group; the offsets it resumes from live in the archive under this name. */
  readonly consumerGroup: string;
  readonly topics?: AnalyticsTopics;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly onFatalError?: (error: KafkaError) => void;
  readonly sessionTimeoutMs?: number;
  /** Bytes fetched per partition and request: the most a batch (one insert per table) holds. */
  readonly maxBytesPerPartition?: number;
  /** How long a fetch waits for more records: a batch is cut by size or by this time. */
  readonly maxWaitTimeMs?: number;
  /** Partition batches archived at once: mapping one overlaps the insert of another (default 1). */
  readonly partitionsConsumedConcurrently?: number;
}

/**
 * The analytics service's consumer: each partition batch of the four topics becomes one insert per
 * archive table (ArchiveStore: deduplicated by token and key) and then its next offset, which the
 * partition resumes from after a restart or a rebalance (seek-on-join).
 */
export class AnalyticsRuntime {
  private readonly store: ArchiveStore;
  private readonly roles: ReadonlyMap<string, ArchiveRole>;
  private readonly metrics: MetricsOf<typeof AnalyticsMetrics>;
  private consumer: BatchConsumer | undefined;
  private running = false;

  constructor(private readonly options: AnalyticsRuntimeOptions) {
    this.store = new ArchiveStore(options.clickhouse, options.database, { cluster: options.cluster });
    const topics = options.topics ?? DEFAULT_ANALYTICS_TOPICS;
    this.roles = new Map(Object.entries(topics).map(([role, topic]) => [topic, role as ArchiveRole]));
    this.metrics = registerMetrics(options.registry, AnalyticsMetrics);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Where the archive ends, per archived topic and partition: the offset each partition resumes from
   * (what the archive holds, not what was fetched), for operators and tests.
   */
  async archivedOffsets(): Promise<{
    consumerGroup: string;
    topics: Record<string, Record<string, string>>;
  }> {
    const topics: Record<string, Record<string, string>> = {};
    for (const topic of this.roles.keys())
      topics[topic] = Object.fromEntries(
        [...(await this.store.nextOffsets(this.options.consumerGroup, topic))].map(([partition, offset]) => [
          String(partition),
          offset,
        ]),
      );
    return { consumerGroup: this.options.consumerGroup, topics };
  }

  async start(): Promise<void> {
    const { kafka, clickhouse, database, consumerGroup, logger } = this.options;
    const { applied } = await migrateAnalytics(clickhouse, database, { cluster: this.options.cluster });
    if (applied.length > 0) logger.info({ database, applied }, 'analytics schema migrated');
    const ttlDays = this.options.eventsTtlDays ?? 0;
    const ttl = await applyEventsTtl(clickhouse, database, ttlDays, { cluster: this.options.cluster });
    if (ttl.changed)
      logger.info({ database, ttlDays }, 'events TTL changed (parts are rewritten in the background)');
    this.consumer = createBatchConsumer(kafka, {
      groupId: consumerGroup,
      topics: [...this.roles.keys()],
      fromBeginning: true,
      commitOffsets: false,
      ...(this.options.sessionTimeoutMs !== undefined
        ? { sessionTimeoutMs: this.options.sessionTimeoutMs }
        : {}),
      ...(this.options.maxBytesPerPartition !== undefined
        ? { maxBytesPerPartition: this.options.maxBytesPerPartition }
        : {}),
      ...(this.options.maxWaitTimeMs !== undefined ? { maxWaitTimeMs: this.options.maxWaitTimeMs } : {}),
      ...(this.options.partitionsConsumedConcurrently !== undefined
        ? { partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently }
        : {}),
      onPartitionsAssigned: async ({ topic, partitions }) => {
        const stored = await this.store.nextOffsets(consumerGroup, topic);
        return new Map([...stored].filter(([partition]) => partitions.includes(partition)));
      },
      handler: (batch) => this.archive(batch),
      ...(this.options.onFatalError ? { onFatalError: this.options.onFatalError } : {}),
    });
    await this.consumer.start();
    this.running = true;
    logger.info({ topics: [...this.roles.keys()], consumerGroup, database }, 'analytics archiving');
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer?.stop();
  }

  private async archive(batch: ConsumedBatch): Promise<void> {
    const role = this.roles.get(batch.topic);
    const first = batch.messages[0];
    if (!role || !first) return;
    const rows = batch.messages.map((message) =>
      archiveRowOf(role, {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        timestamp: message.timestamp,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: message.headers,
      }),
    );
    const stopTimer = this.metrics.insertDuration.startTimer();
    try {
      const counts = await this.store.write({
        consumerGroup: this.options.consumerGroup,
        topic: batch.topic,
        partition: batch.partition,
        firstOffset: first.offset,
        nextOffset: batch.nextOffset,
        rows,
      });
      stopTimer({ result: 'ok' });
      for (const [table, count] of counts) this.metrics.archivedRows.inc({ table }, count);
    } catch (error) {
      stopTimer({ result: 'failed' });
      throw error;
    }
    const unreadable = rows.filter((row) => row.unreadable !== undefined);
    if (unreadable.length > 0) {
      this.metrics.rejectedRows.inc({ topic: batch.topic }, unreadable.length);
      this.options.logger.warn(
        {
          topic: batch.topic,
          partition: batch.partition,
          count: unreadable.length,
          reason: unreadable[0]?.unreadable,
        },
        'records archived as dead letters: not readable as their topic’s events',
      );
    }
  }
}
