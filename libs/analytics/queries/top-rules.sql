-- Which rules gave the most points under a model in [from, to): each change an event caused (or a
-- profile change, for fit rules) awards the rules whose latest award is that event what they are worth
-- now minus what they were worth in the contact's change before (so a repeated award counts its own
-- points, not the rule's running total, and decay in between is not counted as an award). Summed per
-- rule, largest first; negative rules last. FINAL: a change archived twice must not award twice.
-- A change lists the score's 10 largest contributions: a rule outside them is neither counted nor
-- subtracted.
WITH
    awarding AS
    (
        SELECT contact, sequence, cause_event_id, data
        FROM {database}.score_changes FINAL
        WHERE workspace = {workspace:String}
          AND model = {model:String}
          AND cause IN ('event', 'refit')
          AND time >= {from:DateTime64(3, 'UTC')}
          AND time < {to:DateTime64(3, 'UTC')}
    ),
    before AS
    (
        SELECT contact, sequence + 1 AS next_sequence, data
        FROM {database}.score_changes FINAL
        WHERE workspace = {workspace:String}
          AND model = {model:String}
          AND (contact, sequence) IN (SELECT contact, sequence - 1 FROM awarding)
    )
SELECT
    rule,
    any(kind) AS kind,
    count() AS awards,
    uniqExact(contact) AS contacts,
    round(sum(award), 2) AS points
FROM
(
    SELECT
        a.contact AS contact,
        JSONExtractString(contribution, 'ruleId') AS rule,
        JSONExtractString(contribution, 'kind') AS kind,
        JSONExtractFloat(contribution, 'points') - arraySum(
            c -> if(JSONExtractString(c, 'ruleId') = rule, JSONExtractFloat(c, 'points'), 0),
            JSONExtractArrayRaw(b.data, 'contributions')
        ) AS award
    FROM awarding AS a
    LEFT JOIN before AS b ON b.contact = a.contact AND b.next_sequence = a.sequence
    ARRAY JOIN JSONExtractArrayRaw(a.data, 'contributions') AS contribution
    WHERE JSONExtractString(contribution, 'eventId') = a.cause_event_id
)
GROUP BY rule
ORDER BY points DESC, rule
LIMIT {limit:UInt32}
