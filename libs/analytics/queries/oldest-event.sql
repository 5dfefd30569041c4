-- The time of a workspace's oldest archived event (what the archive's retention left), null when the
-- workspace has no archived event, and how many contacts the archive holds for it: one row.
SELECT minOrNull(time) AS oldest, uniqExact(contact) AS contacts
FROM {database}.events
WHERE workspace = {workspace:String}
