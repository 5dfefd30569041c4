-- A contact's events, newest first, each with the points it gave under each model and the rules whose
-- latest award it is (from the score change it caused). An event that changed no score has one row with
-- an empty model.
SELECT
    e.time AS time,
    e.type AS type,
    e.id AS id,
    e.source AS source,
    sc.model AS model,
    -- Rounded to hundredths like every published score.
    if(sc.model = '', 0, round(sc.total - ifNull(sc.previous_total, 0), 2)) AS points,
    arrayMap(
        c -> JSONExtractString(c, 'ruleId'),
        arrayFilter(c -> JSONExtractString(c, 'eventId') = e.id, JSONExtractArrayRaw(sc.data, 'contributions'))
    ) AS rules
FROM
(
    SELECT time, type, id, source
    FROM
    (
        -- An id sent again later (ingest stamps a new time on an event without one) is archived twice;
        -- the scorer scored the first, and so the timeline shows the first.
        SELECT time, type, id, source
        FROM {database}.events FINAL
        WHERE workspace = {workspace:String} AND contact = {contact:String}
        ORDER BY time
        LIMIT 1 BY source, id
    )
    ORDER BY time DESC
    LIMIT {limit:UInt32}
) AS e
LEFT JOIN
(
    SELECT model, cause_event_id, total, previous_total, data
    FROM {database}.score_changes FINAL
    WHERE workspace = {workspace:String} AND contact = {contact:String} AND cause IN ('event', 'refit')
) AS sc ON sc.cause_event_id = e.id
ORDER BY time DESC, id, model
