-- The archived events of some contacts of one workspace with their Kafka positions, for a replay (a
-- merge of contacts, a rescore): each event once, its first archived copy, in the order the scorer saw
-- them (partition, offset). `contacts` is a JSON array of contact keys.
SELECT contact, id, source, type, time, data, kafka_partition AS partition, toString(kafka_offset) AS offset
FROM {database}.events
WHERE workspace = {workspace:String}
  AND contact IN (SELECT arrayJoin(JSONExtract({contacts:String}, 'Array(String)')))
ORDER BY contact, kafka_partition, kafka_offset
LIMIT 1 BY contact, source, id
LIMIT {limit:UInt32}
