-- A model's funnel by cohort week: the contacts that became leads in [from, to) — their first score
-- change under the model (every contact starts as a lead) — grouped by the week (from Monday, UTC) it
-- happened, with how many of them have reached MQL (a stage change to mql, or straight to sql) and SQL by
-- now, and the time from lead to MQL (nearest-rank median and p90, in milliseconds). min() and minIf()
-- over the key make a row archived twice count once before any merge.
WITH
    leads AS
    (
        SELECT contact, min(time) AS lead_at
        FROM {database}.score_changes
        WHERE workspace = {workspace:String}
          AND model = {model:String}
          AND sequence = 1
          AND time >= {from:DateTime64(3, 'UTC')}
          AND time < {to:DateTime64(3, 'UTC')}
        GROUP BY contact
    ),
    stages AS
    (
        SELECT
            contact,
            minIfOrNull(time, current IN ('mql', 'sql')) AS mql_at,
            minIfOrNull(time, current = 'sql') AS sql_at
        FROM {database}.lifecycle_changes
        WHERE workspace = {workspace:String}
          AND model = {model:String}
          AND kind = 'stage'
          AND time >= {from:DateTime64(3, 'UTC')}
          AND contact IN (SELECT contact FROM leads)
        GROUP BY contact
    ),
    arraySort(groupArray(dateDiff('millisecond', lead_at, mql_at))) AS to_mql
SELECT
    toMonday(lead_at) AS cohort_week,
    count() AS leads,
    countIf(mql_at IS NOT NULL) AS mqls,
    countIf(sql_at IS NOT NULL) AS sqls,
    if(empty(to_mql), NULL, to_mql[intDiv(50 * length(to_mql) + 99, 100)]) AS to_mql_median_ms,
    if(empty(to_mql), NULL, to_mql[intDiv(90 * length(to_mql) + 99, 100)]) AS to_mql_p90_ms
FROM leads
LEFT JOIN stages USING (contact)
GROUP BY cohort_week
ORDER BY cohort_week
