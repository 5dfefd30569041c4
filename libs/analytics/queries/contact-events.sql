-- A contact's archived events in full (type, time, source, data), oldest first: its data export. An id
-- sent again later is archived twice and listed once, at its first time.
SELECT id, source, type, time, data
FROM {database}.events
WHERE workspace = {workspace:String} AND contact = {contact:String}
ORDER BY time
LIMIT 1 BY source, id
LIMIT {limit:UInt32}
