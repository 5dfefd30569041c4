-- Events per type per day (UTC) of a workspace in [from, to).
SELECT toDate(time) AS day, type, count() AS events
FROM {database}.events FINAL
WHERE workspace = {workspace:String}
  AND time >= {from:DateTime64(3, 'UTC')}
  AND time < {to:DateTime64(3, 'UTC')}
GROUP BY day, type
ORDER BY day, type
