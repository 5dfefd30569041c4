import { describe, expect, it } from '@jest/globals';
import { register as globalRegistry } from 'prom-client';
import { kafkaClientMetricsHooks } from './kafka-client.metrics.js';
import { counter } from './metric-definition.js';
import { ScorerMetrics } from './metric-names.js';
import { createMetricsRegistry, registerMetrics } from './metrics-registry.js';
import { sampleValue } from '../test/prometheus-text.js';

describe('createMetricsRegistry', () => {
  it('keeps each registry separate and leaves the global default registry alone', async () => {
    const first = createMetricsRegistry({ service: 'scorer' });
    const second = createMetricsRegistry({ service: 'scorer' });
    registerMetrics(first, ScorerMetrics).consumedEvents.inc({ result: 'scored' }, 2);
    registerMetrics(second, ScorerMetrics).consumedEvents.inc({ result: 'scored' }, 5);
    const labels = { result: 'scored', service: 'scorer' };
    expect(sampleValue(await first.metrics(), 'leadscore_scorer_consumed_events_total', labels)).toBe(2);
    expect(sampleValue(await second.metrics(), 'leadscore_scorer_consumed_events_total', labels)).toBe(5);
    expect(await globalRegistry.metrics()).not.toContain('leadscore_');
  });

  it('prefixes the process metrics with leadscore_<service>_ and labels everything with the service', async () => {
    const text = await createMetricsRegistry({ service: 'decay' }).metrics();
    expect(text).toContain('# TYPE leadscore_decay_process_cpu_user_seconds_total counter');
    expect(text).toMatch(/^leadscore_decay_nodejs_heap_size_used_bytes\{service="decay"\} \d+/m);
    expect(text).not.toMatch(/^process_cpu/m);
  });

  it('can leave the process metrics out', async () => {
    expect(await createMetricsRegistry({ service: 'api', processMetrics: false }).metrics()).toBe('\n');
  });

  it('refuses a service name that cannot be a metric prefix', () => {
    expect(() => createMetricsRegistry({ service: 'Lead-Scorer' })).toThrow('one lowercase word');
  });
});

describe('registerMetrics', () => {
  it('returns the same instruments when a group is registered twice in one registry', () => {
    const registry = createMetricsRegistry({ service: 'scorer', processMetrics: false });
    const once = registerMetrics(registry, ScorerMetrics);
    const twice = registerMetrics(registry, ScorerMetrics);
    expect(twice.batchDuration).toBe(once.batchDuration);
  });

  it('refuses a name already registered as another type', () => {
    const registry = createMetricsRegistry({ service: 'scorer', processMetrics: false });
    registerMetrics(registry, ScorerMetrics);
    const clash = { outbox: counter('leadscore_scorer_outbox_backlog_messages_total', 'x') };
    registerMetrics(registry, clash); // a different name: fine
    expect(() =>
      registerMetrics(registry, { backlog: { ...ScorerMetrics.outboxBacklog, type: 'counter' as const } }),
    ).toThrow('already registered as another metric type');
  });
});

describe('kafkaClientMetricsHooks', () => {
  it('turns Kafka client instrumentation events into leadscore_kafka_* metrics', async () => {
    const registry = createMetricsRegistry({ service: 'scorer', processMetrics: false });
    const hooks = kafkaClientMetricsHooks(registry);
    hooks.onBatchProduced({ messages: 100, bytes: 20_000, durationMs: 12 });
    hooks.onProduceFailed({ durationMs: 3000 });
    hooks.onBatchConsumed({ groupId: 'scorer', topic: 'leads.events.v1', messages: 250, durationMs: 40 });
    hooks.onConsumerLag({ groupId: 'scorer', topic: 'leads.events.v1', partition: 2, lag: 17 });
    const text = await registry.metrics();
    const service = { service: 'scorer' };
    const consumer = { ...service, group: 'scorer', topic: 'leads.events.v1' };
    expect(sampleValue(text, 'leadscore_kafka_produced_batch_size_messages_sum', service)).toBe(100);
    expect(sampleValue(text, 'leadscore_kafka_produced_batch_size_bytes_sum', service)).toBe(20_000);
    expect(
      sampleValue(text, 'leadscore_kafka_produce_duration_seconds_sum', { ...service, result: 'ok' }),
    ).toBe(0.012);
    expect(
      sampleValue(text, 'leadscore_kafka_produce_duration_seconds_count', { ...service, result: 'failed' }),
    ).toBe(1);
    expect(sampleValue(text, 'leadscore_kafka_consumed_batch_size_messages_sum', consumer)).toBe(250);
    expect(sampleValue(text, 'leadscore_kafka_consumed_batch_duration_seconds_sum', consumer)).toBe(0.04);
    expect(sampleValue(text, 'leadscore_kafka_consumer_lag_messages', { ...consumer, partition: '2' })).toBe(
      17,
    );
  });
});
