-- The archive: every record of the four topics, once per key however often it is inserted.
-- ReplacingMergeTree collapses rows with the same ORDER BY key when parts merge; until then queries read
-- with FINAL (or aggregate by the key), so they are right before any merge. Each table also drops a
-- repeated insert block outright (non_replicated_deduplication_window + a token per Kafka batch).
-- Monthly partitions; every ORDER BY starts with (workspace, contact), so a contact's history and
-- timeline read only its granules. Every row keeps its Kafka topic, partition and offset.

CREATE TABLE IF NOT EXISTS {database}.events
(
    workspace LowCardinality(String),
    contact String,
    time DateTime64(3, 'UTC'),
    source String,
    id String,
    type LowCardinality(String),
    data String CODEC(ZSTD(3)),
    record String CODEC(ZSTD(3)),
    kafka_topic LowCardinality(String),
    kafka_partition UInt32,
    kafka_offset UInt64,
    archived_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (workspace, contact, time, source, id)
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {database}.score_changes
(
    workspace LowCardinality(String),
    model LowCardinality(String),
    contact String,
    sequence UInt64,
    id String,
    time DateTime64(3, 'UTC'),
    source LowCardinality(String),
    model_version UInt32,
    cause LowCardinality(String),
    cause_event_id String,
    fit Float64,
    engagement Float64,
    total Float64,
    previous_total Nullable(Float64),
    tier LowCardinality(String),
    grade LowCardinality(String),
    data String CODEC(ZSTD(3)),
    kafka_topic LowCardinality(String),
    kafka_partition UInt32,
    kafka_offset UInt64,
    archived_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (workspace, contact, model, sequence)
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {database}.lifecycle_changes
(
    workspace LowCardinality(String),
    model LowCardinality(String),
    contact String,
    time DateTime64(3, 'UTC'),
    id String,
    kind LowCardinality(String),
    previous LowCardinality(String),
    current LowCardinality(String),
    cause LowCardinality(String),
    sequence UInt64,
    data String CODEC(ZSTD(3)),
    kafka_topic LowCardinality(String),
    kafka_partition UInt32,
    kafka_offset UInt64,
    archived_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (workspace, contact, model, time, id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Rejected input as received: the key is where it was on the dead-letter topic.
CREATE TABLE IF NOT EXISTS {database}.dead_letters
(
    received_at DateTime64(3, 'UTC'),
    workspace LowCardinality(String),
    reason LowCardinality(String),
    source_topic LowCardinality(String),
    type String,
    id String,
    detail String,
    record String CODEC(ZSTD(3)),
    kafka_topic LowCardinality(String),
    kafka_partition UInt32,
    kafka_offset UInt64,
    archived_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (kafka_topic, kafka_partition, kafka_offset)
SETTINGS non_replicated_deduplication_window = 1000;

-- Where each partition's archive ends: written after every batch's insert, read when a partition is
-- assigned, so a restart resumes there (argMax by offset: correct before merges too).
CREATE TABLE IF NOT EXISTS {database}.archive_offsets
(
    consumer_group String,
    topic LowCardinality(String),
    partition UInt32,
    next_offset UInt64,
    written_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(next_offset)
ORDER BY (consumer_group, topic, partition);
