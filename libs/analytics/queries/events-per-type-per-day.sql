-- Events per type per day (UTC) of a workspace in [from, to). An id sent again later is archived twice
-- (ingest stamps a new time on an event without one) and counted once, at its first time in the period.
SELECT toDate(time) AS day, type, count() AS events
FROM
(
    SELECT time, type
    FROM {database}.events FINAL
    WHERE workspace = {workspace:String}
      AND time >= {from:DateTime64(3, 'UTC')}
      AND time < {to:DateTime64(3, 'UTC')}
    ORDER BY time
    LIMIT 1 BY source, id
)
GROUP BY day, type
ORDER BY day, type
