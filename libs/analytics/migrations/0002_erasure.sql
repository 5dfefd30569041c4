-- Erased contacts: one tombstone per workspace and contact, keyed by a hash of the contact key (sha256 of
-- workspace, NUL, contact; the archive keeps no personal data of an erased contact), with the erasure's
-- time. The archive deletes the contact's rows dated at or before it and never archives such a row again
-- (a replay of the topics, a score change still in flight); what comes later is a new start.
CREATE TABLE IF NOT EXISTS {database}.erased_contacts
(
    workspace LowCardinality(String),
    contact_hash String,
    erased_at DateTime64(3, 'UTC'),
    id String,
    kafka_topic LowCardinality(String),
    kafka_partition UInt32,
    kafka_offset UInt64,
    archived_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(erased_at)
ORDER BY (workspace, contact_hash)
SETTINGS non_replicated_deduplication_window = 1000;
