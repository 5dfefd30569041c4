-- A contact's tier and lifecycle-stage transitions under every model, oldest first: its data export.
-- A transition archived twice (same key) is listed once. Named tiers ('' when none) come from its data.
SELECT model, time, id, kind, previous, current, cause, sequence,
       JSONExtractString(data, 'previousName') AS previousName,
       JSONExtractString(data, 'currentName') AS currentName
FROM {database}.lifecycle_changes
WHERE workspace = {workspace:String} AND contact = {contact:String}
ORDER BY model, time, id
LIMIT 1 BY model, time, id
LIMIT {limit:UInt32}
