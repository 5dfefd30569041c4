-- The time of a workspace's oldest archived event (what the archive's retention left): one row, null
-- when the workspace has no archived event.
SELECT minOrNull(time) AS oldest
FROM {database}.events
WHERE workspace = {workspace:String}
