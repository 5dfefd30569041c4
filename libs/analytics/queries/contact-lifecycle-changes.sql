-- A contact's tier and lifecycle-stage transitions under every model, oldest first: its data export.
-- A transition archived twice (same key) is listed once.
SELECT model, time, id, kind, previous, current, cause, sequence
FROM {database}.lifecycle_changes
WHERE workspace = {workspace:String} AND contact = {contact:String}
ORDER BY model, time, id
LIMIT 1 BY model, time, id
LIMIT {limit:UInt32}
