-- How a model's contacts stood at a point in time: each contact's latest score change at or before `at`
-- (argMax by sequence, so a change archived twice counts once before any merge), as the count, extremes
-- and mean, nearest-rank percentiles (the ⌈q·count⌉-th lowest, as the api's live distribution), contacts
-- per `width`-point bucket [from, from + width) and per tier ('' when none). One row; with no contact,
-- contacts is 0 and the rest is meaningless.
WITH arraySort(groupArray(total)) AS sorted
SELECT
    length(sorted) AS contacts,
    min(total) AS min,
    max(total) AS max,
    avg(total) AS mean,
    -- In whole percents, so that ⌈q·count⌉ is exact: intDiv(p·count + 99, 100).
    arrayMap(p -> sorted[intDiv(p * length(sorted) + 99, 100)], [1, 5, 10, 25, 50, 75, 90, 95, 99])
        AS percentiles,
    -- Totals beyond ±1,000,000 fall in the edge buckets, as in the live distribution.
    sumMap([floor(least(greatest(total, -1000000), 1000000) / {width:UInt32}) * {width:UInt32}], [toUInt64(1)])
        AS histogram,
    sumMap([tier], [toUInt64(1)]) AS tiers
FROM
(
    SELECT contact, argMax(total, sequence) AS total, argMax(tier, sequence) AS tier
    FROM {database}.score_changes
    WHERE workspace = {workspace:String}
      AND model = {model:String}
      AND time <= {at:DateTime64(3, 'UTC')}
    GROUP BY contact
)
