import { describe, expect, it } from '@jest/globals';
import {
  assertMetricName,
  metricName,
  metricNameProblems,
  MetricNameError,
  type MetricType,
} from './metric-name.js';
import { counter, histogram } from './metric-definition.js';
import { METRIC_DEFINITIONS } from './metric-names.js';

describe('the metric name rule leadscore_<service>_<thing>_<unit>', () => {
  it.each<[string, MetricType]>([
    ['leadscore_ingest_received_events_total', 'counter'],
    ['leadscore_scorer_batch_duration_seconds', 'histogram'],
    ['leadscore_kafka_consumer_lag_messages', 'gauge'],
    ['leadscore_decay_touched_contacts_total', 'counter'],
    ['leadscore_api_cache_hit_ratio', 'gauge'],
  ])('accepts %s as a %s', (name, type) => {
    expect(metricNameProblems(name, type)).toEqual([]);
  });

  it.each<[string, MetricType, string]>([
    ['leadscore_ingest_requestDuration_seconds', 'histogram', 'lowercase snake_case'],
    ['leadscore__ingest_events_total', 'counter', 'lowercase snake_case'],
    ['ingest_received_events_total', 'counter', 'start with leadscore_'],
    ['leadscore_billing_received_events_total', 'counter', 'name the service second'],
    ['leadscore_ingest_received_events', 'counter', 'end a counter with _<unit>_total'],
    ['leadscore_kafka_consumer_lag_total', 'gauge', 'only counters end in _total'],
    ['leadscore_scorer_batch_duration_ms', 'histogram', 'end with a unit'],
    ['leadscore_scorer_batch_duration', 'histogram', 'end with a unit'],
    ['leadscore_scorer_seconds', 'histogram', 'say what is measured'],
    ['leadscore_decay_contacts_total', 'counter', 'say what is measured'],
  ])('rejects %s as a %s (%s)', (name, type, problem) => {
    expect(metricNameProblems(name, type).join('; ')).toContain(problem);
    expect(() => assertMetricName(name, type)).toThrow(MetricNameError);
  });

  it('builds names that follow it', () => {
    expect(metricName({ service: 'scorer', thing: 'outbox_backlog', unit: 'messages', type: 'gauge' })).toBe(
      'leadscore_scorer_outbox_backlog_messages',
    );
    expect(metricName({ service: 'ingest', thing: 'received', unit: 'events', type: 'counter' })).toBe(
      'leadscore_ingest_received_events_total',
    );
    expect(() =>
      metricName({ service: 'ingest', thing: 'Bad-Thing', unit: 'events', type: 'counter' }),
    ).toThrow(MetricNameError);
  });

  it('is enforced when a metric is declared', () => {
    expect(() => counter('leadscore_ingest_events', 'help')).toThrow('end a counter with _<unit>_total');
    expect(() => histogram('scorer_batch_seconds', 'help', [], [1])).toThrow('start with leadscore_');
  });

  it('holds for every metric of the catalogue, and no name is declared twice', () => {
    const definitions = METRIC_DEFINITIONS;
    expect(definitions.length).toBeGreaterThan(20);
    for (const definition of definitions)
      expect(metricNameProblems(definition.name, definition.type)).toEqual([]);
    const names = definitions.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(definitions.every((d) => d.help.length > 0)).toBe(true);
  });
});
