import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  type CounterDefinition,
  type GaugeDefinition,
  type HistogramDefinition,
  type MetricDefinition,
} from './metric-definition.js';
import { METRIC_NAMESPACE } from './metric-name.js';

export interface MetricsRegistryOptions {
  /** The service name: the `service` label on every metric and the prefix of the process metrics. */
  readonly service: string;
  /** Node.js process metrics (CPU, memory, event loop, GC) as `leadscore_<service>_...`; default true. */
  readonly processMetrics?: boolean;
}

/**
 * One registry per service process. Nothing here touches prom-client's global default registry, so
 * two registries (two apps in one test run) never collide.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  if (!/^[a-z][a-z0-9]*$/.test(options.service)) {
    throw new Error(`service "${options.service}": expected one lowercase word such as scorer`);
  }
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry, prefix: `${METRIC_NAMESPACE}_${options.service}_` });
  }
  return registry;
}

/** The prom-client instrument for each definition of a catalogue group. */
export type MetricsOf<Group extends Readonly<Record<string, MetricDefinition>>> = {
  readonly [K in keyof Group]: Group[K] extends HistogramDefinition<infer L>
    ? Histogram<L>
    : Group[K] extends CounterDefinition<infer L>
      ? Counter<L>
      : Group[K] extends GaugeDefinition<infer L>
        ? Gauge<L>
        : never;
};

/**
 * Registers a catalogue group (e.g. `ScorerMetrics`) in `registry` and returns its instruments.
 * Registering the same group twice returns the same instruments, so a library and its service may
 * both ask for the Kafka client metrics.
 */
export function registerMetrics<Group extends Readonly<Record<string, MetricDefinition>>>(
  registry: Registry,
  group: Group,
): MetricsOf<Group> {
  const entries = Object.entries(group).map(([key, definition]) => [
    key,
    instrumentFor(registry, definition),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as MetricsOf<Group>;
}

function instrumentFor(registry: Registry, definition: MetricDefinition): Counter | Gauge | Histogram {
  const existing = registry.getSingleMetric(definition.name);
  const config = {
    name: definition.name,
    help: definition.help,
    labelNames: definition.labelNames,
    registers: [registry],
  };
  switch (definition.type) {
    case 'counter':
      if (existing instanceof Counter) return existing;
      assertFree(existing, definition);
      return new Counter(config);
    case 'gauge':
      if (existing instanceof Gauge) return existing;
      assertFree(existing, definition);
      return new Gauge(config);
    case 'histogram':
      if (existing instanceof Histogram) return existing;
      assertFree(existing, definition);
      return new Histogram({ ...config, buckets: [...definition.buckets] });
  }
}

function assertFree(existing: unknown, definition: MetricDefinition): void {
  if (existing !== undefined) {
    throw new Error(
      `${definition.name} is already registered as another metric type, not a ${definition.type}`,
    );
  }
}
