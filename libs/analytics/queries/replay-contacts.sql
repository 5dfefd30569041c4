-- A page of a workspace's archived contacts with their events, for backtests and rescoring: the next
-- `contacts` contact keys after `after` (key order; '' for the first page), then each one's events once,
-- its first archived copy, in the order the scorer saw them (partition, offset), like replay-events.
-- GLOBAL IN: on a cluster the page is picked once over every shard, not per shard (one node: plain IN).
WITH page AS (
    SELECT DISTINCT contact
    FROM {database}.events
    WHERE workspace = {workspace:String} AND contact > {after:String}
    ORDER BY contact
    LIMIT {contacts:UInt32}
)
SELECT contact, id, source, type, time, data, kafka_partition AS partition, toString(kafka_offset) AS offset
FROM {database}.events
WHERE workspace = {workspace:String}
  AND contact GLOBAL IN (SELECT contact FROM page)
ORDER BY contact, kafka_partition, kafka_offset
LIMIT 1 BY contact, source, id
LIMIT {limit:UInt32}
