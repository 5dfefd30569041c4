import { type Registry } from 'prom-client';
import { KafkaClientMetrics } from './metric-names.js';
import { registerMetrics } from './metrics-registry.js';

/**
 * The instrumentation events of libs/kafka this module reads; structurally the same as its
 * `KafkaInstrumentationHooks`, so `instrumentation.subscribe(kafkaClientMetricsHooks(registry))` works
 * without libs/observability importing libs/kafka.
 */
export interface KafkaClientMetricsHooks {
  onBatchProduced(event: {
    readonly messages: number;
    readonly bytes: number;
    readonly durationMs: number;
  }): void;
  onProduceFailed(event: { readonly durationMs: number }): void;
  onBatchConsumed(event: {
    readonly groupId: string;
    readonly topic: string;
    readonly messages: number;
    readonly durationMs: number;
  }): void;
  onConsumerLag(event: {
    readonly groupId: string;
    readonly topic: string;
    readonly partition: number;
    readonly lag: number;
  }): void;
}

/** Hooks that turn Kafka client instrumentation events into the `leadscore_kafka_*` metrics. */
export function kafkaClientMetricsHooks(registry: Registry): KafkaClientMetricsHooks {
  const metrics = registerMetrics(registry, KafkaClientMetrics);
  return {
    onBatchProduced({ messages, bytes, durationMs }) {
      metrics.producedBatchSize.observe(messages);
      metrics.producedBatchBytes.observe(bytes);
      metrics.produceDuration.observe({ result: 'ok' }, durationMs / 1000);
    },
    onProduceFailed({ durationMs }) {
      metrics.produceDuration.observe({ result: 'failed' }, durationMs / 1000);
    },
    onBatchConsumed({ groupId, topic, messages, durationMs }) {
      metrics.consumedBatchSize.observe({ group: groupId, topic }, messages);
      metrics.consumedBatchDuration.observe({ group: groupId, topic }, durationMs / 1000);
    },
    onConsumerLag({ groupId, topic, partition, lag }) {
      metrics.consumerLag.set({ group: groupId, topic, partition: String(partition) }, lag);
    },
  };
}
