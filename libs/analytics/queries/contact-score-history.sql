-- A contact's score history: every change under every model (or one), oldest first per model, with its
-- cause (events, refits and the decay, expiry, absence and inactivity steps) and the contributions.
-- Reads only the contact's granules: (workspace, contact) is the prefix of the table's key. A change
-- archived twice is the same row twice: LIMIT 1 BY its key keeps one, before any merge (FINAL would too,
-- at twice the time on 10M changes: tools/bench archive-queries).
SELECT
    model,
    model_version,
    sequence,
    time,
    source,
    cause,
    cause_event_id,
    fit,
    engagement,
    total,
    previous_total,
    tier,
    grade,
    JSONExtractRaw(data, 'contributions') AS contributions
FROM {database}.score_changes
WHERE workspace = {workspace:String}
  AND contact = {contact:String}
  AND ({model:String} = '' OR model = {model:String})
ORDER BY model, sequence
LIMIT 1 BY model, sequence
LIMIT {limit:UInt32}
