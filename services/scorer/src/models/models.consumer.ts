import { randomBytes } from 'node:crypto';
import { ModelValidationError, Topics, parseModel, type ScoringModel } from '@leadscore/contracts';
import { createBatchConsumer, highWatermarks, type BatchConsumer, type KafkaClient } from '@leadscore/kafka';
import { scoringModelRepository, type DataSource } from '@leadscore/persistence';
import { type Logger } from '@leadscore/observability';
import { type ModelRegistry } from './model-registry.js';

/**
 * Keeps the registry in step with leads.models.v1 (compacted: the latest version of every model).
 * Every instance reads the whole topic with a group of its own; `start()` resolves once it has caught
 * up with what the topic held at start, so no event is scored with a model older than the topic's.
 */
export class ModelsConsumer {
  private consumer: BatchConsumer | undefined;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly dataSource: DataSource,
    private readonly registry: ModelRegistry,
    private readonly logger: Logger,
    private readonly topic: string = Topics.models,
    /** Called after a version is recorded (the runtime queues a first application's rescore). */
    private readonly onApplied?: (model: ScoringModel) => Promise<void>,
  ) {}

  async start(): Promise<void> {
    const targets = await highWatermarks(this.kafka, this.topic);
    const waiting = new Map([...targets].filter(([, high]) => high !== '0'));
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    if (waiting.size === 0) caughtUp();

    this.consumer = createBatchConsumer(this.kafka, {
      groupId: `leadscore-scorer-models-${randomBytes(6).toString('hex')}`,
      topics: [this.topic],
      fromBeginning: true,
      commitOffsets: false,
      handler: async (batch) => {
        for (const message of batch.messages) await this.applyRecord(message.key, message.value);
        const target = waiting.get(batch.partition);
        if (target !== undefined && BigInt(batch.nextOffset) >= BigInt(target)) {
          waiting.delete(batch.partition);
          if (waiting.size === 0) caughtUp();
        }
      },
    });
    await this.consumer.start();
    await ready;
    this.logger.info({ models: this.registry.size }, 'scoring models loaded');
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private async applyRecord(key: Buffer | null, value: Buffer | null): Promise<void> {
    const keyText = key?.toString('utf8') ?? '';
    if (value === null) {
      const separator = keyText.indexOf(':');
      if (separator > 0) this.registry.remove(keyText.slice(0, separator), keyText.slice(separator + 1));
      this.logger.info({ key: keyText }, 'scoring model removed');
      return;
    }
    let model: ScoringModel;
    try {
      model = parseModel(value.toString('utf8'), 'json', `${this.topic}/${keyText}`);
    } catch (error) {
      // The api validates before publishing; a bad record here is logged and skipped, never applied.
      const detail = error instanceof ModelValidationError ? error.message : String(error);
      this.logger.error({ key: keyText, err: detail }, 'invalid scoring model on the models topic, ignored');
      return;
    }
    if (this.registry.apply(model)) {
      await scoringModelRepository.record(this.dataSource.manager, {
        workspaceId: model.workspace,
        modelId: model.id,
        version: model.version,
        document: model,
        appliedAt: new Date(),
      });
      await this.onApplied?.(model);
      this.logger.info(
        { workspace: model.workspace, model: model.id, version: model.version },
        'scoring model applied',
      );
    }
  }
}
