import { counter, gauge, histogram, type MetricDefinition } from './metric-definition.js';

/**
 * The metric catalogue: every metric a service exports is declared here, once, and services register
 * the groups they need with `registerMetrics(registry, ScorerMetrics)`. Label values are listed in
 * the help text; keep them to small closed sets (never contact or event ids).
 */

/** Request and processing latencies: 1 ms to 10 s. */
export const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;
/** Scheduled runs: 100 ms to 10 min. */
export const RUN_DURATION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] as const;
/** Messages or events per batch. */
export const BATCH_SIZE_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;
/** Bodies and batches in bytes: 256 B to 4 MiB. */
export const SIZE_BUCKETS = [256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304] as const;

export const IngestMetrics = {
  receivedEvents: counter(
    'leadscore_ingest_received_events_total',
    'Events received, by source (api|segment|pixel|webhook) and result (accepted|rejected|duplicate)',
    ['source', 'result'],
  ),
  deadLetteredEvents: counter(
    'leadscore_ingest_dead_lettered_events_total',
    'Events written to leads.events.dlq.v1, by reason',
    ['reason'],
  ),
  requestDuration: histogram(
    'leadscore_ingest_request_duration_seconds',
    'HTTP request duration until the response (202 only after the Kafka ack), by route and status code',
    ['route', 'status_code'],
    DURATION_BUCKETS,
  ),
  requestSize: histogram(
    'leadscore_ingest_request_size_bytes',
    'HTTP request body size, by route',
    ['route'],
    SIZE_BUCKETS,
  ),
} as const satisfies Record<string, MetricDefinition>;

export const ScorerMetrics = {
  consumedEvents: counter(
    'leadscore_scorer_consumed_events_total',
    'Events consumed from leads.events.v1, by result (scored|duplicate|ignored|dead_lettered)',
    ['result'],
  ),
  scoreChangedEvents: counter(
    'leadscore_scorer_score_changed_events_total',
    'Score-changed events written to the outbox, by cause (event|rescore)',
    ['cause'],
  ),
  batchDuration: histogram(
    'leadscore_scorer_batch_duration_seconds',
    'One consumed batch: scoring, the PostgreSQL transaction and the outbox publish',
    [],
    DURATION_BUCKETS,
  ),
  transactionDuration: histogram(
    'leadscore_scorer_transaction_duration_seconds',
    'The PostgreSQL transaction of one batch (states, outbox, offsets)',
    [],
    DURATION_BUCKETS,
  ),
  outboxBacklog: gauge(
    'leadscore_scorer_outbox_backlog_messages',
    'Outbox rows committed but not yet published',
  ),
} as const satisfies Record<string, MetricDefinition>;

export const DecayMetrics = {
  runDuration: histogram(
    'leadscore_decay_run_duration_seconds',
    'One decay pass of one model, by result (completed|failed)',
    ['result'],
    RUN_DURATION_BUCKETS,
  ),
  scheduledRuns: counter(
    'leadscore_decay_scheduled_runs_total',
    'Scheduled decay passes, by result (completed|failed|up_to_date)',
    ['result'],
  ),
  scannedContacts: counter(
    'leadscore_decay_scanned_contacts_total',
    'Contact scores a decay pass read (locked range by range)',
  ),
  touchedContacts: counter(
    'leadscore_decay_touched_contacts_total',
    'Contact scores a decay pass advanced to its time and wrote back',
  ),
  changedContacts: counter(
    'leadscore_decay_changed_contacts_total',
    'Contacts whose published score a decay pass changed',
  ),
  scoreChangedEvents: counter(
    'leadscore_decay_score_changed_events_total',
    'Score-changed events emitted by decay passes, by cause (decay|expiry|inactivity|absence)',
    ['cause'],
  ),
  lastSuccessfulRun: gauge(
    'leadscore_decay_last_successful_run_timestamp_seconds',
    'Unix time at which the last decay pass of all models completed (alert when it falls behind the schedule)',
  ),
} as const satisfies Record<string, MetricDefinition>;

export const ThresholdMetrics = {
  consumedEvents: counter(
    'leadscore_threshold_consumed_events_total',
    'Score-changed events consumed, by result (processed|duplicate|dead_lettered)',
    ['result'],
  ),
  lifecycleTransitions: counter(
    'leadscore_threshold_lifecycle_transitions_total',
    'Lifecycle stage transitions, by from_stage and to_stage (lead|mql|sql)',
    ['from_stage', 'to_stage'],
  ),
  webhookDeliveries: counter(
    'leadscore_threshold_webhook_deliveries_total',
    'CRM webhook delivery attempts, by result (delivered|retrying|failed|dead_lettered)',
    ['result'],
  ),
  webhookDeliveryDuration: histogram(
    'leadscore_threshold_webhook_delivery_duration_seconds',
    'One CRM webhook delivery attempt until the response, by result',
    ['result'],
    DURATION_BUCKETS,
  ),
} as const satisfies Record<string, MetricDefinition>;

/** The shared Kafka client (libs/kafka) in every service; `kafkaClientMetricsHooks` feeds them. */
export const KafkaClientMetrics = {
  producedBatchSize: histogram(
    'leadscore_kafka_produced_batch_size_messages',
    'Messages per produce request Kafka acknowledged',
    [],
    BATCH_SIZE_BUCKETS,
  ),
  producedBatchBytes: histogram(
    'leadscore_kafka_produced_batch_size_bytes',
    'Bytes per produce request Kafka acknowledged',
    [],
    SIZE_BUCKETS,
  ),
  produceDuration: histogram(
    'leadscore_kafka_produce_duration_seconds',
    'One produce request until the ack or the error, by result (ok|failed)',
    ['result'],
    DURATION_BUCKETS,
  ),
  consumedBatchSize: histogram(
    'leadscore_kafka_consumed_batch_size_messages',
    'Messages per handled consumer batch, by group and topic',
    ['group', 'topic'],
    BATCH_SIZE_BUCKETS,
  ),
  consumedBatchDuration: histogram(
    'leadscore_kafka_consumed_batch_duration_seconds',
    'Handling one consumer batch, by group and topic',
    ['group', 'topic'],
    DURATION_BUCKETS,
  ),
  consumerLag: gauge(
    'leadscore_kafka_consumer_lag_messages',
    'Messages behind the end of the partition after the last batch, by group, topic and partition',
    ['group', 'topic', 'partition'],
  ),
} as const satisfies Record<string, MetricDefinition>;

/** Every group, for docs, dashboards checks and tests. */
export const METRIC_CATALOGUE = {
  ingest: IngestMetrics,
  scorer: ScorerMetrics,
  decay: DecayMetrics,
  threshold: ThresholdMetrics,
  kafka: KafkaClientMetrics,
} as const;

/** Every metric of the catalogue, flat. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = Object.values(METRIC_CATALOGUE).flatMap(
  (group: Readonly<Record<string, MetricDefinition>>) => Object.values(group),
);
