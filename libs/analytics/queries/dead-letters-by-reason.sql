-- Rejected input of a workspace received in [from, to), by reason and where it was rejected (ingest, the
-- scorer's topic, or the archive itself), with the latest one's detail as an example.
SELECT
    reason,
    source_topic,
    count() AS records,
    max(received_at) AS latest,
    argMax(detail, received_at) AS example
FROM {database}.dead_letters FINAL
WHERE workspace = {workspace:String}
  AND received_at >= {from:DateTime64(3, 'UTC')}
  AND received_at < {to:DateTime64(3, 'UTC')}
GROUP BY reason, source_topic
ORDER BY records DESC, reason, source_topic
