// Decay pass throughput: one pass of the built decay CLI (`services/decay/dist/cli.js run`) over N
// contacts — lock a contact-id range, advance each state with libs/scoring, UNNEST upsert, outbox rows
// and progress row in one transaction per range, then publish that range's score changes to Kafka — vs
// a plain single `UPDATE` of the same N rows, in the same run on the same database. The subject's time
// includes the CLI's start (connect to Kafka and PostgreSQL). N = BENCH_CONTACTS (default 1,000,000).
// Run: npm run build && npm run bench:decay -w @leadscore/bench
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TOPIC_DECLARATIONS, Topics, type ScoringModel } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import { openDatabase, scoringModelRepository, type DataSource } from '@leadscore/persistence';
import { DAY_MS, applyEvent, emptyState, refit } from '@leadscore/scoring';
import { workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';
import { withDatabase } from './postgres-bench.fixtures.js';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 1_000_000);
const RANGE_SIZE = Number(process.env['BENCH_DECAY_RANGE_SIZE'] ?? 2_000);
// Extra node flags for the decay CLI, e.g. BENCH_DECAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
const NODE_ARGS = (process.env['BENCH_DECAY_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const T0 = Date.UTC(2026, 0, 5, 9);

const MODEL: ScoringModel = {
  id: 'bench',
  version: 1,
  workspace: 'bench',
  name: 'Decay benchmark (ONTRAPORT-like)',
  fit: [{ id: 'ceo', field: 'jobTitle', operator: 'equals', value: 'CEO', points: 15 }],
  engagement: [
    { id: 'click', event: 'email.clicked', points: 5 },
    { id: 'pricing', event: 'web.page_viewed', points: 10, expiresAfterDays: 90 },
    { id: 'login', event: 'sms.replied', points: 18, limits: { perDay: 1 } },
  ],
  inactivity: [{ id: 'quiet', afterDays: 60, points: -5 }],
  decay: { percentPerDay: 2 },
  tiers: { warm: 30, hot: 60 },
};

/** Three kinds of contact, so the pass does real work: decays, and mixed buckets. */
function templates() {
  const base = refit(MODEL, emptyState(MODEL, T0), { jobTitle: 'CEO' }, T0).state;
  const clicked = applyEvent(MODEL, base, { id: 'e1', type: 'email.clicked', data: {} }, T0).state;
  const viewed = applyEvent(
    MODEL,
    clicked,
    { id: 'e2', type: 'web.page_viewed', data: {} },
    T0 + 3_600_000,
  ).state;
  const replied = applyEvent(
    MODEL,
    viewed,
    { id: 'e3', type: 'sms.replied', data: {} },
    T0 + 7_200_000,
  ).state;
  return [clicked, viewed, replied];
}

async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query('TRUNCATE contact_scores, contact_ranks, score_histogram, outbox, decay_runs');
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: MODEL.workspace,
    modelId: MODEL.id,
    version: MODEL.version,
    document: MODEL,
    appliedAt: new Date(T0),
  });
  const states = templates();
  await dataSource.query(
    `INSERT INTO contact_scores
       (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, state, updated_at)
     SELECT $1, $2, 'c' || lpad(i::text, 8, '0'), 1, (t.s->>'sequence')::bigint,
            (t.s->'reported'->>'fit')::float8, (t.s->'reported'->>'engagement')::float8,
            (t.s->'reported'->>'total')::float8, t.s->'reported'->>'tier', NULL, t.s, now()
     FROM generate_series(1, $3) AS i
     JOIN (SELECT ord - 1 AS k, s FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS a(s, ord)) t ON t.k = i % 3`,
    [MODEL.workspace, MODEL.id, CONTACTS, JSON.stringify(states)],
  );
  // Their leaderboard ranks, as the scorer would have left them (the pass re-ranks every contact).
  await dataSource.query(
    `INSERT INTO contact_ranks (workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of)
     SELECT workspace_id, model_id, contact_id, total, coalesce(tier, ''), grade, model_version, updated_at
     FROM contact_scores`,
  );
  await dataSource.query(
    `INSERT INTO score_histogram (workspace_id, model_id, shard, bucket, contacts)
     SELECT workspace_id, model_id, 'scorer:0', score_bucket(total), count(*) FROM contact_ranks GROUP BY 1, 2, 4`,
  );
  await dataSource.query('VACUUM ANALYZE contact_scores, contact_ranks, score_histogram');
}

/** Runs the decay CLI to `target`; resolves with the contacts it advanced. */
function runCli(url: string, brokers: string[], target: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...NODE_ARGS,
        join(workspaceRoot(), 'services/decay/dist/cli.js'),
        'run',
        '--at',
        new Date(target).toISOString(),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: url,
          KAFKA_BROKERS: brokers.join(','),
          DECAY_RANGE_SIZE: String(RANGE_SIZE),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`decay CLI exited with ${String(code)}`));
      const parsed = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
        passes?: { advanced: number }[];
      };
      resolve((parsed.passes ?? []).reduce((n, p) => n + p.advanced, 0));
    });
  });
}

await withThrowawayKafka((brokers) =>
  withDatabase('bench_decay', async (url) => {
    const kafka = createKafkaClient({ brokers, clientId: 'bench-decay', logger: silentLogger });
    await waitForKafkaReady(kafka);
    await ensureTopics(
      kafka,
      TOPIC_DECLARATIONS.filter((t) => t.name === Topics.scoreChanged),
    );
    const dataSource = await openDatabase({ url, applicationName: 'bench-decay', poolSize: 4 });
    let passTarget = T0 + 10 * DAY_MS;
    try {
      process.stdout.write(`seeding ${CONTACTS.toLocaleString('en-US')} contacts\n`);
      await seed(dataSource);

      async function plainUpdate(): Promise<Measurement> {
        const started = performance.now();
        // TypeORM answers an UPDATE with [rows, affected]: take the affected count from there.
        const [, affected] = await dataSource.query<[unknown[], number]>(
          `UPDATE contact_scores SET engagement = engagement * 0.98, total = fit + engagement * 0.98,
           state = state, updated_at = now()
         WHERE workspace_id = $1 AND model_id = $2`,
          [MODEL.workspace, MODEL.id],
        );
        const seconds = (performance.now() - started) / 1000;
        await dataSource.query('VACUUM ANALYZE contact_scores');
        if (affected !== CONTACTS)
          throw new Error(`the plain UPDATE changed ${affected} of ${CONTACTS} rows`);
        return { count: affected, seconds };
      }

      async function decayPass(): Promise<Measurement> {
        const started = performance.now();
        const advanced = await runCli(url, brokers, passTarget);
        const seconds = (performance.now() - started) / 1000;
        if (advanced !== CONTACTS) throw new Error(`the pass advanced ${advanced} of ${CONTACTS} contacts`);
        passTarget += DAY_MS;
        await dataSource.query('VACUUM ANALYZE contact_scores');
        return { count: advanced, seconds };
      }

      const result = await runBenchmark({
        name: `decay pass over ${CONTACTS.toLocaleString('en-US')} contacts (range ${RANGE_SIZE})`,
        units: 'contacts',
        rounds: Number(process.env['BENCH_ROUNDS'] ?? 1),
        baseline: { name: 'plain-update', run: plainUpdate },
        subject: { name: 'decay-pass', run: decayPass },
      });
      process.stdout.write(
        `time ratio decay-pass/plain-update: ${(result.subject.seconds / result.baseline.seconds).toFixed(2)} (the issue's target: ≤ 2)\n`,
      );
      await outboxFloor(result.baseline.seconds);
    } finally {
      await dataSource.destroy();
    }

    /**
     * Context for the ratio: what any pass must do besides the plain UPDATE's write, each in its cheapest
     * form on the same database: read and lock every state (one SELECT … FOR UPDATE, rows streamed to
     * this process) and write the score-changed events to the outbox in the pass's shape (one row per
     * range holding its events), generated by PostgreSQL itself, nothing sent.
     */
    async function outboxFloor(plainUpdateSeconds: number): Promise<void> {
      const [stats] = await dataSource.query<{ n: number; bytes: number }[]>(
        `SELECT count(*)::int AS n, coalesce(avg(length(m.el::text)), 0)::int AS bytes
         FROM outbox o CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN o.batch_size IS NULL THEN jsonb_build_array(o.payload::jsonb) ELSE o.payload::jsonb END) AS m(el)
         WHERE o.source = 'decay'`,
      );
      const bytes = stats?.bytes ?? 0;
      const readStarted = performance.now();
      const read = await dataSource.transaction((sql) =>
        sql.query<unknown[]>(
          `SELECT * FROM contact_scores WHERE workspace_id = $1 AND model_id = $2 ORDER BY contact_id FOR UPDATE`,
          [MODEL.workspace, MODEL.id],
        ),
      );
      const readSeconds = (performance.now() - readStarted) / 1000;
      if (read.length !== CONTACTS) throw new Error(`read ${read.length} of ${CONTACTS} states`);
      const insertStarted = performance.now();
      await dataSource.query(
        `INSERT INTO outbox (event_id, source, topic, message_key, payload, headers, created_at, published_at, batch_size)
         SELECT 'floor-' || i, 'bench-floor', '', '', repeat('x', $2::int * $3::int), '{}'::jsonb, now(), now(), $3::int
         FROM generate_series(1, ceil($1::float8 / $3::int)::int) AS i`,
        [CONTACTS, bytes, RANGE_SIZE],
      );
      const insertSeconds = (performance.now() - insertStarted) / 1000;
      await dataSource.query(`DELETE FROM outbox WHERE source = 'bench-floor'`);
      const times = (seconds: number) => `${(seconds / plainUpdateSeconds).toFixed(2)}×`;
      process.stdout.write(
        `context: the pass enqueued ${(stats?.n ?? 0).toLocaleString('en-US')} score-changed events of ${bytes} bytes on average. ` +
          `Bare floors, as multiples of the plain UPDATE: reading and locking the ${CONTACTS.toLocaleString('en-US')} states ` +
          `${readSeconds.toFixed(3)} s = ${times(readSeconds)}; writing their events to the outbox, a row per range, ${insertSeconds.toFixed(3)} s = ` +
          `${times(insertSeconds)}; UPDATE + read + outbox = ${times(plainUpdateSeconds + readSeconds + insertSeconds)} ` +
          `before any scoring or Kafka\n`,
      );
    }
  }),
);
