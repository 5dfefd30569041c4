import type { SettingsCipher } from '@leadscore/access';
import {
  createBatchConsumer,
  createBatchingProducer,
  type BatchConsumer,
  type BatchingProducer,
  type KafkaClient,
  type KafkaError,
} from '@leadscore/kafka';
import { type CircuitPolicy, type RetryPolicy } from '@leadscore/lifecycle';
import { ThresholdMetrics, registerMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import { OutboxPublisher } from '@leadscore/outbox';
import { consumerOffsetRepository, webhookDeliveryRepository, type DataSource } from '@leadscore/persistence';
import { type WebhookTargetGuard } from '@leadscore/webhooks';
import { type Registry } from 'prom-client';
import {
  DEFAULT_THRESHOLD_TOPICS,
  LifecycleBatchHandler,
  outboxSourceOf,
  type ThresholdTopics,
} from '../lifecycle/lifecycle-batch.handler.js';
import { LifecycleModels } from '../lifecycle/lifecycle-models.js';
import { SalesAcceptanceHandler } from '../lifecycle/sales-acceptance.handler.js';
import { WebhookDeliveryWorker } from '../webhooks/webhook-delivery.worker.js';

export interface WebhookSettings {
  readonly retry: RetryPolicy;
  readonly circuit: CircuitPolicy;
  readonly timeoutMs: number;
  /** Where webhooks may go (WEBHOOK_ALLOW_PRIVATE_NETWORKS, https in production); checked per attempt. */
  readonly guard: WebhookTargetGuard;
  /** Opens the subscriptions' sealed signing secrets (SETTINGS_ENCRYPTION_KEY, as the api's). */
  readonly settingsCipher: SettingsCipher;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly endpointConcurrency: number;
  readonly concurrency: number;
}

export interface ThresholdRuntimeOptions {
  readonly kafka: KafkaClient;
  readonly dataSource: DataSource;
  readonly logger: Logger;
  readonly registry: Registry;
  /** Consumer group of leads.score-changed.v1; its offsets live in PostgreSQL under this name. */
  readonly consumerGroup: string;
  readonly topics?: ThresholdTopics;
  readonly webhooks: WebhookSettings;
  readonly onFatalError?: (error: KafkaError) => void;
  readonly sessionTimeoutMs?: number;
}

/**
 * The threshold service's moving parts: score changes consumed per partition with seek-on-join to the
 * offsets stored in PostgreSQL, each batch committed in one transaction, its outbox then published; and
 * the webhook worker delivering what the batches enqueued.
 */
export class ThresholdRuntime {
  private readonly producer: BatchingProducer;
  private readonly publisher: OutboxPublisher;
  private readonly handler: LifecycleBatchHandler;
  private readonly salesHandler: SalesAcceptanceHandler;
  private readonly topics: ThresholdTopics;
  private readonly metrics: MetricsOf<typeof ThresholdMetrics>;
  readonly webhooks: WebhookDeliveryWorker;
  private consumer: BatchConsumer | undefined;
  private running = false;

  constructor(private readonly options: ThresholdRuntimeOptions) {
    this.producer = createBatchingProducer(options.kafka, { lingerMs: 1 });
    this.publisher = new OutboxPublisher(options.dataSource, this.producer, options.kafka);
    this.topics = options.topics ?? DEFAULT_THRESHOLD_TOPICS;
    const models = new LifecycleModels();
    this.handler = new LifecycleBatchHandler(
      options.dataSource,
      models,
      options.consumerGroup,
      options.logger,
      this.topics,
    );
    this.salesHandler = new SalesAcceptanceHandler(
      options.dataSource,
      models,
      options.consumerGroup,
      options.logger,
      this.topics,
    );
    this.metrics = registerMetrics(options.registry, ThresholdMetrics);
    this.webhooks = new WebhookDeliveryWorker(options.dataSource, {
      ...options.webhooks,
      logger: options.logger,
      metrics: this.metrics,
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    const { kafka, dataSource, logger, consumerGroup } = this.options;
    const topic = this.topics.scoreChanged;
    await this.producer.connect();
    this.consumer = createBatchConsumer(kafka, {
      groupId: consumerGroup,
      topics: [topic, this.topics.events],
      fromBeginning: true,
      commitOffsets: false,
      ...(this.options.sessionTimeoutMs !== undefined
        ? { sessionTimeoutMs: this.options.sessionTimeoutMs }
        : {}),
      onPartitionsAssigned: async ({ topic: assigned, partitions }) => {
        // A previous owner may have died between its commit and its publish: finish its outbox first.
        for (const partition of partitions) {
          const recovered = await this.publisher.recover(outboxSourceOf(partition));
          if (recovered.alreadyPublished + recovered.published > 0) {
            logger.info({ partition, ...recovered }, 'outbox recovered after reassignment');
          }
        }
        const stored = await consumerOffsetRepository.load(dataSource.manager, consumerGroup, assigned);
        return new Map([...stored].filter(([partition]) => partitions.includes(partition)));
      },
      handler: async (batch) => {
        const stopTimer = this.metrics.batchDuration.startTimer();
        const outcome =
          batch.topic === this.topics.events
            ? await this.salesHandler.handle(batch)
            : await this.handler.handle(batch);
        // Stage changes enqueued webhook deliveries in the batch's (committed) transaction: send them now.
        if (outcome.transitions.length > 0 || outcome.accountTransitions.length > 0)
          this.webhooks.notifyEnqueued();
        await this.publisher.publishPending(outboxSourceOf(batch.partition));
        stopTimer();
        if (batch.topic !== this.topics.events) {
          this.metrics.consumedEvents.inc({ result: 'processed' }, outcome.processed);
          this.metrics.consumedEvents.inc({ result: 'duplicate' }, outcome.duplicates);
          this.metrics.consumedEvents.inc({ result: 'dead_lettered' }, outcome.invalid);
          this.metrics.consumedEvents.inc({ result: 'erased' }, outcome.erased);
        }
        for (const t of outcome.transitions) {
          this.metrics.lifecycleTransitions.inc({ kind: t.kind, from_stage: t.from, to_stage: t.to });
        }
        this.metrics.accountChanges.inc(outcome.accountChanges);
        for (const t of outcome.accountTransitions) {
          this.metrics.accountTransitions.inc({ kind: t.kind, from_stage: t.from, to_stage: t.to });
        }
      },
      onFatalError: (error) => {
        this.running = false;
        this.options.onFatalError?.(error);
      },
    });
    await this.consumer.start();
    this.webhooks.start();
    this.running = true;
    logger.info({ topic, events: this.topics.events, consumerGroup }, 'threshold consuming');
  }

  async refreshGauges(): Promise<void> {
    this.metrics.outboxBacklog.set(await this.publisher.backlog());
    const counts = await webhookDeliveryRepository.countByStatus(this.options.dataSource.manager);
    this.metrics.webhookDeadLetters.set(counts.dead);
  }

  /** Finishes the batch in hand, leaves the group, lets attempts in flight settle, flushes the producer. */
  async stop(): Promise<void> {
    this.running = false;
    await this.consumer?.stop();
    await this.webhooks.stop();
    await this.producer.disconnect();
  }
}
