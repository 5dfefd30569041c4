export {
  METRIC_NAMESPACE,
  METRIC_SERVICES,
  METRIC_UNITS,
  MetricNameError,
  metricName,
  metricNameProblems,
  assertMetricName,
  type MetricService,
  type MetricUnit,
  type MetricType,
} from './metric-name.js';
export {
  counter,
  gauge,
  histogram,
  type CounterDefinition,
  type GaugeDefinition,
  type HistogramDefinition,
  type MetricDefinition,
} from './metric-definition.js';
export {
  ApiMetrics,
  IngestMetrics,
  ScorerMetrics,
  DecayMetrics,
  ThresholdMetrics,
  AnalyticsMetrics,
  KafkaClientMetrics,
  METRIC_CATALOGUE,
  METRIC_DEFINITIONS,
  DURATION_BUCKETS,
  RUN_DURATION_BUCKETS,
  BATCH_SIZE_BUCKETS,
  SIZE_BUCKETS,
} from './metric-names.js';
export {
  createMetricsRegistry,
  registerMetrics,
  type MetricsOf,
  type MetricsRegistryOptions,
} from './metrics-registry.js';
export { kafkaClientMetricsHooks, type KafkaClientMetricsHooks } from './kafka-client.metrics.js';
export {
  createLogger,
  withIds,
  DEFAULT_REDACT_PATHS,
  REDACTED,
  type Logger,
  type LogLevel,
  type LogIds,
  type LoggerOptions,
} from './logger.js';
export { PinoNestLogger } from './pino-nest.logger.js';
export {
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessResult,
  type ReadinessOutcome,
  type ReadinessReport,
} from './readiness-check.js';
export { ReadinessService, type ReadinessState } from './readiness.service.js';
export { ObservabilityController } from './observability.controller.js';
export { ObservabilityModule } from './observability.module.js';
export { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability.options.js';
export {
  enableGracefulShutdown,
  drainOnSignals,
  DEFAULT_SHUTDOWN_SIGNALS,
  type SignalSource,
} from './graceful-shutdown.js';
export { kafkaLogAdapter, type MessageFirstLogger } from './kafka-log.adapter.js';
