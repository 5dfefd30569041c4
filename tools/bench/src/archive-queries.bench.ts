// The archive's queries at scale: a contact's score history and a model's funnel on an archive of 10M
// events (and as many score changes, one per event) in the embedded engine, each as a ratio to a floor
// measured in the same run: reading the same granules' rows by key without the query's work (FINAL,
// joins, aggregation). Also prints what each query reads (`EXPLAIN indexes = 1`: parts and granules).
// The rows are generated inside the engine (INSERT … SELECT FROM numbers()), so the load takes a minute,
// not the hour an archive by the service would: this measures reading, archive.bench.ts measures writing.
// Contact c becomes a lead at c/CONTACTS of the year and has EVENTS/CONTACTS events over 60 days after;
// every 20th reaches MQL at its 10th event, every 100th SQL at its 20th.
// Build: npx nx run-many -t build
// Run:   node tools/bench/dist/archive-queries.bench.js
//        (knobs: BENCH_EVENTS (10000000), BENCH_CONTACTS (200000), BENCH_QUERIES (20), BENCH_ROUNDS (1))
import {
  AnalyticsQueries,
  AnalyticsQueryRunner,
  createAnalyticsClient,
  migrateAnalytics,
  type AnalyticsClient,
} from '@leadscore/analytics';
import { makeTempDir, removeDir } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000_000);
const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 200_000);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 20);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const DB = 'bench';
const WORKSPACE = 'bench';
const MODEL = 'ontraport';
const CHUNK = 1_000_000;
/** The funnel's period: four weeks from Monday 1 June 2026. */
const PERIOD = { from: '2026-06-01 00:00:00.000', to: '2026-06-29 00:00:00.000' };

const contactOf = (c: number) => `email:c${c}@example.com`;

/** Per generated row i: contact c, its k-th event, at the contact's birth plus k × 60 days / events each. */
function generated(chunkStart: number, rows: number): string {
  const perContact = Math.max(1, Math.floor(EVENTS / CONTACTS));
  return `
    SELECT
      number + ${chunkStart} AS i,
      i % ${CONTACTS} AS c,
      intDiv(i, ${CONTACTS}) AS k,
      concat('email:c', toString(c), '@example.com') AS contact,
      toDateTime64('2026-01-01 00:00:00', 3, 'UTC')
        + toIntervalMillisecond(intDiv(c * 365 * 86400000, ${CONTACTS}) + intDiv(k * 60 * 86400000, ${perContact}) + i % 1000) AS time,
      concat('evt-', toString(i)) AS id
    FROM numbers(${rows})`;
}

async function fill(client: AnalyticsClient): Promise<void> {
  await migrateAnalytics(client, DB);
  for (let start = 0; start < EVENTS; start += CHUNK) {
    const rows = Math.min(CHUNK, EVENTS - start);
    await client.command({
      query: `INSERT INTO ${DB}.events (workspace, contact, time, source, id, type, data, record, kafka_topic, kafka_partition, kafka_offset)
        SELECT '${WORKSPACE}', contact, time, '/v1/events', id, if(i % 3 = 0, 'email.clicked', 'web.page_viewed'),
               concat('{"url":"https://example.com/page/', toString(i % 300), '"}'), '', 'leads.events.v1', c % 6, i
        FROM (${generated(start, rows)})`,
    });
    await client.command({
      query: `INSERT INTO ${DB}.score_changes (workspace, model, contact, sequence, id, time, source, model_version, cause, cause_event_id, fit, engagement, total, previous_total, tier, grade, data, kafka_topic, kafka_partition, kafka_offset)
        SELECT '${WORKSPACE}', '${MODEL}', contact, k + 1, concat('sc-', toString(i)), time, 'leadscore/scorer', 1, 'event', id,
               0, (k + 1) * 5, (k + 1) * 5, if(k = 0, NULL, k * 5), if(k >= 10, 'hot', if(k >= 3, 'warm', 'cold')), '',
               concat('{"contributions":[{"ruleId":"rule-', toString(i % 10), '","kind":"engagement","points":', toString((k + 1) * 5), ',"eventId":"', id, '"}]}'),
               'leads.score-changed.v1', c % 6, i
        FROM (${generated(start, rows)})`,
    });
    process.stdout.write(
      `context  archived ${Math.min(start + CHUNK, EVENTS).toLocaleString('en-US')} events and score changes\n`,
    );
  }
  // Stage changes at the 10th (MQL) and 20th (SQL) event of every 20th and 100th contact.
  await client.command({
    query: `INSERT INTO ${DB}.lifecycle_changes (workspace, model, contact, time, id, kind, previous, current, cause, sequence, data, kafka_topic, kafka_partition, kafka_offset)
      SELECT '${WORKSPACE}', '${MODEL}', contact, time, concat('lc-', toString(i)), 'stage', if(k = 9, 'lead', 'mql'), if(k = 9, 'mql', 'sql'),
             'score', k + 1, '{}', 'leads.lifecycle.v1', c % 6, i
      FROM (${generated(0, EVENTS)})
      WHERE (k = 9 AND c % 20 = 0) OR (k = 19 AND c % 100 = 0)`,
  });
}

/** Runs `query` QUERIES times over contacts spread across the archive; count = queries. */
async function timed(run: (n: number) => Promise<unknown>): Promise<Measurement> {
  const started = performance.now();
  for (let n = 0; n < QUERIES; n += 1) await run(n);
  return { count: QUERIES, seconds: (performance.now() - started) / 1000 };
}

const askedContact = (n: number) => contactOf(Math.floor((n * 7919) % CONTACTS));

async function main(): Promise<void> {
  const dir = makeTempDir('bench-archive-queries');
  const client = createAnalyticsClient({ kind: 'embedded', path: dir });
  try {
    const loading = performance.now();
    await fill(client);
    const counts = await (
      await client.query({
        query: `SELECT (SELECT count() FROM ${DB}.events) AS events, (SELECT count() FROM ${DB}.score_changes) AS score_changes, (SELECT count() FROM ${DB}.lifecycle_changes) AS lifecycle_changes`,
        format: 'JSONEachRow',
      })
    ).json();
    process.stdout.write(
      `context  ${JSON.stringify(counts[0])} in ${((performance.now() - loading) / 1000).toFixed(0)} s\n`,
    );
    const queries = new AnalyticsQueryRunner(client, DB);

    for (const [name, plan] of [
      [
        'contact-score-history',
        await queries.explainIndexes(AnalyticsQueries.contactScoreHistory, {
          workspace: WORKSPACE,
          contact: askedContact(1),
          model: '',
          limit: 500,
        }),
      ],
      [
        'lead-funnel',
        await queries.explainIndexes(AnalyticsQueries.leadFunnel, {
          workspace: WORKSPACE,
          model: MODEL,
          ...PERIOD,
        }),
      ],
    ] as const)
      process.stdout.write(
        `context  EXPLAIN ${name}: ${plan
          .filter((line) => /Parts:|Granules:|PrimaryKey|MinMax|Partition/.test(line))
          .map((line) => line.trim())
          .join(' · ')}\n`,
      );

    await runBenchmark({
      name: `archive query: a contact's score history, ${EVENTS.toLocaleString('en-US')} archived events`,
      units: 'queries',
      rounds: ROUNDS,
      baseline: {
        name: 'read-contact-rows-floor',
        run: () =>
          timed(async (n) => {
            const result = await client.query({
              query: `SELECT * FROM ${DB}.score_changes WHERE workspace = {workspace:String} AND contact = {contact:String}`,
              query_params: { workspace: WORKSPACE, contact: askedContact(n) },
              format: 'JSONEachRow',
            });
            await result.json();
          }),
      },
      subject: {
        name: 'contact-score-history',
        run: () =>
          timed((n) =>
            queries.run(AnalyticsQueries.contactScoreHistory, {
              workspace: WORKSPACE,
              contact: askedContact(n),
              model: '',
              limit: 500,
            }),
          ),
      },
    });

    await runBenchmark({
      name: `archive query: a model's funnel over four weeks, ${EVENTS.toLocaleString('en-US')} archived events`,
      units: 'queries',
      rounds: ROUNDS,
      baseline: {
        name: 'read-period-rows-floor',
        // The rows the funnel cannot avoid: the period's first changes and the stage changes since.
        run: () =>
          timed(async () => {
            const result = await client.query({
              query: `SELECT
                  (SELECT count() FROM ${DB}.score_changes WHERE workspace = {workspace:String} AND model = {model:String}
                     AND sequence = 1 AND time >= {from:DateTime64(3, 'UTC')} AND time < {to:DateTime64(3, 'UTC')}) AS leads,
                  (SELECT count() FROM ${DB}.lifecycle_changes WHERE workspace = {workspace:String} AND model = {model:String}
                     AND kind = 'stage' AND time >= {from:DateTime64(3, 'UTC')}) AS stages`,
              query_params: { workspace: WORKSPACE, model: MODEL, ...PERIOD },
              format: 'JSONEachRow',
            });
            await result.json();
          }),
      },
      subject: {
        name: 'lead-funnel',
        run: () =>
          timed(async () => {
            const cohorts = await queries.run(AnalyticsQueries.leadFunnel, {
              workspace: WORKSPACE,
              model: MODEL,
              ...PERIOD,
            });
            if (cohorts.length !== 4) throw new Error(`expected 4 cohort weeks, got ${cohorts.length}`);
          }),
      },
    });
  } finally {
    await client.close();
    removeDir(dir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
