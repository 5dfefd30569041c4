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
  ignoredEvents: counter(
    'leadscore_ingest_ignored_events_total',
    "Provider webhook events that map to no lead event on purpose (SendGrid processed, Twilio queued, ...), by provider (sendgrid|twilio|zoom|mailgun) and kind (the provider's event kind, or other for kinds ingest does not know); each is listed in the response with its reason",
    ['provider', 'kind'],
  ),
  deadLetteredEvents: counter(
    'leadscore_ingest_dead_lettered_events_total',
    'Events written to leads.events.dlq.v1, by reason',
    ['reason'],
  ),
  unacknowledgedEvents: counter(
    'leadscore_ingest_unacknowledged_events_total',
    'Events Kafka did not acknowledge after their request was already answered (pixel opens, dead-letter copies), by source (api|segment|pixel|webhook) and topic (events|dead_letter); each is logged with its id',
    ['source', 'topic'],
  ),
  eventsAwaitingAck: gauge(
    'leadscore_ingest_awaiting_ack_events',
    'Events whose request was already answered (pixel opens, dead-letter copies) still waiting for the Kafka ack',
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

export const ApiMetrics = {
  requestDuration: histogram(
    'leadscore_api_request_duration_seconds',
    'HTTP request duration until the response, by route and status code',
    ['route', 'status_code'],
    DURATION_BUCKETS,
  ),
} as const satisfies Record<string, MetricDefinition>;

export const ScorerMetrics = {
  consumedEvents: counter(
    'leadscore_scorer_consumed_events_total',
    'Events consumed from leads.events.v1, by result (scored|duplicate|erased|ignored|dead_lettered|merged|forwarded): erased counts contact.erased events and the events of erased contacts dated at or before their erasure; merged counts contact.merged events applied; forwarded counts events of merged-away contacts sent on to their survivor',
    ['result'],
  ),
  scoreChangedEvents: counter(
    'leadscore_scorer_score_changed_events_total',
    'Score-changed events written to the outbox, by cause (event: an engagement or profile event | rescore: a rescore switched a contact whose scores moved)',
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
  stageDuration: histogram(
    'leadscore_scorer_batch_stage_duration_seconds',
    'One stage of a consumed batch, by stage (lock_offset|dedupe|erasure|aliases|load|plan|write_scores|write_profiles|write_outbox|save_offset|commit|publish)',
    ['stage'],
    DURATION_BUCKETS,
  ),
  mergeDuration: histogram(
    'leadscore_scorer_merge_duration_seconds',
    'One merge of two contacts, from its contact.merged event to its commit: the wait for the archive to hold both contacts’ events, and the replay',
    [],
    DURATION_BUCKETS,
  ),
  outboxBacklog: gauge(
    'leadscore_scorer_outbox_backlog_messages',
    'Outbox rows committed but not yet published',
  ),
  deadLetteredEvents: counter(
    'leadscore_scorer_dead_lettered_events_total',
    'Events written to leads.events.dlq.v1, by stage (decode: not a valid event | scoring: the model failed on it)',
    ['stage'],
  ),
  consumerLag: gauge(
    'leadscore_scorer_consumer_lag_messages',
    'Records of leads.events.v1 not yet committed to PostgreSQL (high watermark minus stored offset), by partition',
    ['partition'],
  ),
  prunedRows: counter(
    'leadscore_scorer_pruned_rows_total',
    'Rows deleted by housekeeping, by table (processed_events|outbox)',
    ['table'],
  ),
  rescoreContacts: counter(
    'leadscore_scorer_rescore_contacts_total',
    "Contacts a rescore went through, by result (changed: switched, its change published | unchanged: switched, nothing to publish | skipped: erased or merged away | dirty: a live event reached it after its page's bound, so it was deferred to a later switch with a fresher read, counted each time | counted: a dry run)",
    ['result'],
  ),
  rescoreProgress: gauge(
    'leadscore_scorer_rescore_progress_ratio',
    'Progress of the rescore this instance runs: contacts done over the contacts the archive held when it started (0 when it runs none)',
  ),
  rescoreStageDuration: histogram(
    'leadscore_scorer_rescore_stage_duration_seconds',
    "One step of a rescore, by stage (read: a page of contacts from the archive | switch: one transaction locking a chunk of contacts, replaying and writing them — how long the live path may wait on those contacts | publish: its changes to Kafka | pace: the wait its transitions take at the rescore's pace)",
    ['stage'],
    DURATION_BUCKETS,
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
  nextRunDue: gauge(
    'leadscore_decay_next_run_due_timestamp_seconds',
    'Unix time the next scheduled decay pass is due: the earliest schedule fire time, over all models, whose pass has not completed (in the past while a pass is owed); set by the leader after every check, 0 on a standby (alert when time() passes it by a grace period)',
  ),
} as const satisfies Record<string, MetricDefinition>;

export const ThresholdMetrics = {
  consumedEvents: counter(
    'leadscore_threshold_consumed_events_total',
    'Score-changed events consumed, by result (processed|duplicate|erased|dead_lettered): erased counts the changes of erased contacts dated at or before their erasure',
    ['result'],
  ),
  lifecycleTransitions: counter(
    'leadscore_threshold_lifecycle_transitions_total',
    'Tier and lifecycle-stage transitions written, by kind (tier|stage), from and to (cold|warm|hot|lead|recycled|mql|sql)',
    ['kind', 'from_stage', 'to_stage'],
  ),
  accountChanges: counter(
    'leadscore_threshold_account_score_changed_events_total',
    "Account score changes published (members' changes rolled up into their accounts)",
  ),
  accountTransitions: counter(
    'leadscore_threshold_account_transitions_total',
    'Account tier and stage transitions written, by kind (tier|stage), from and to (cold|warm|hot|lead|mqa)',
    ['kind', 'from_stage', 'to_stage'],
  ),
  batchDuration: histogram(
    'leadscore_threshold_batch_duration_seconds',
    'One consumed batch: the PostgreSQL transaction and the outbox publish',
    [],
    DURATION_BUCKETS,
  ),
  outboxBacklog: gauge(
    'leadscore_threshold_outbox_backlog_messages',
    'Outbox messages committed but not yet published (every source)',
  ),
  webhookDeliveries: counter(
    'leadscore_threshold_webhook_deliveries_total',
    'CRM webhook delivery attempts, by result (delivered|retrying|dead_lettered)',
    ['result'],
  ),
  webhookDeliveryDuration: histogram(
    'leadscore_threshold_webhook_delivery_duration_seconds',
    'One CRM webhook delivery attempt until the response, by result',
    ['result'],
    DURATION_BUCKETS,
  ),
  webhookRetries: counter(
    'leadscore_threshold_webhook_retried_deliveries_total',
    'CRM webhook attempts scheduled for a retry, by reason (timeout|network|status_5xx|status_429)',
    ['reason'],
  ),
  webhookDeadLetters: gauge(
    'leadscore_threshold_webhook_dead_lettered_deliveries',
    'CRM webhook deliveries dead-lettered and not yet replayed',
  ),
  openCircuits: gauge(
    'leadscore_threshold_webhook_open_circuit_endpoints',
    'Webhook endpoints whose circuit breaker is open or half-open in this process',
  ),
} as const satisfies Record<string, MetricDefinition>;

/** services/analytics: the ClickHouse archive of every topic. */
export const AnalyticsMetrics = {
  archivedRows: counter(
    'leadscore_analytics_archived_rows_total',
    'Rows inserted into the archive, by table (events|score_changes|lifecycle_changes|dead_letters)',
    ['table'],
  ),
  insertDuration: histogram(
    'leadscore_analytics_insert_duration_seconds',
    'One consumed batch written to ClickHouse (its inserts and its offset), by result (ok|failed)',
    ['result'],
    DURATION_BUCKETS,
  ),
  rejectedRows: counter(
    'leadscore_analytics_rejected_rows_total',
    'Records that could not be read as their topic’s event, archived as dead letters, by topic',
    ['topic'],
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
  api: ApiMetrics,
  ingest: IngestMetrics,
  scorer: ScorerMetrics,
  decay: DecayMetrics,
  threshold: ThresholdMetrics,
  analytics: AnalyticsMetrics,
  kafka: KafkaClientMetrics,
} as const;

/** Every metric of the catalogue, flat. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = Object.values(METRIC_CATALOGUE).flatMap(
  (group: Readonly<Record<string, MetricDefinition>>) => Object.values(group),
);
