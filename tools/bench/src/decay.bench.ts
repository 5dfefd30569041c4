// Decay passes that scale with what changes. N = BENCH_CONTACTS (default 1,000,000) contacts, of which a
// share is due (BENCH_DECAY_DUE_PERCENT, default "1,100": one case per share): one pass of the built
// decay CLI (`services/decay/dist/cli.js run`) in `due` mode — read the due contacts through the
// attention index, lock them, advance each state with libs/scoring, write scores, ranks and attention
// times, one outbox row per range, publish to Kafka while the next range runs — against its floor in
// the same run on the same rows: the bare read through the same index, lock, update of the score and
// rank rows, outbox insert and produce of the same number of events of the same size. The subject's
// time includes the CLI's start (connect to Kafka and PostgreSQL). For a share below 100 % a pass that
// reads every contact (`all` mode, what every pass did before) is timed too, for comparison.
// Run: npm run build && npm run bench:decay -w @leadscore/bench
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TOPIC_DECLARATIONS, Topics, type ScoringModel } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import { createBatchingProducer, type BatchingProducer } from '@leadscore/kafka';
import {
  contactScoreRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreChangedEvent, scoreRowOf } from '@leadscore/score-events';
import {
  DAY_MS,
  advanceTo,
  applyEvent,
  emptyState,
  nextAttentionAt,
  refit,
  type ContactScoreState,
} from '@leadscore/scoring';
import { workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';
import { withDatabase } from './postgres-bench.fixtures.js';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 1_000_000);
const DUE_PERCENTS = (process.env['BENCH_DECAY_DUE_PERCENT'] ?? '1,100').split(',').map(Number);
// 0 skips the comparison pass over all contacts (at 10M it takes longer than the rest of the run).
const COMPARE_ALL = process.env['BENCH_DECAY_COMPARE_ALL'] !== '0';
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

/**
 * Four kinds of contact: a dormant one (fit only; nothing due before its inactivity penalty, 60 days
 * on) and three live ones, so a pass does real work: decays, and mixed buckets.
 */
function templates(): ContactScoreState[] {
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
  return [base, clicked, viewed, replied];
}

/**
 * N contacts, every `every`-th one live (due soon), the rest dormant, with the attention times their
 * scorer would have written, and a completed pass under this model version: the steady state in which
 * a pass reads only the due contacts.
 */
async function seed(dataSource: DataSource, every: number): Promise<number> {
  await dataSource.query('TRUNCATE contact_scores, contact_ranks, score_histogram, outbox, decay_runs');
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: MODEL.workspace,
    modelId: MODEL.id,
    version: MODEL.version,
    document: MODEL,
    appliedAt: new Date(T0),
  });
  const states = templates();
  const attention = states.map((state) => {
    const at = nextAttentionAt(MODEL, state);
    return at === null ? null : new Date(at).toISOString();
  });
  // Kind 0 is dormant; every `every`-th contact is live, of kind 1, 2 or 3 in turn.
  const kind = `CASE WHEN i % $4 = 0 THEN 1 + (i / $4) % 3 ELSE 0 END`;
  await dataSource.query(
    `INSERT INTO contact_scores
       (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, state, updated_at)
     SELECT $1, $2, 'c' || lpad(i::text, 8, '0'), 1, (t.s->>'sequence')::bigint,
            (t.s->'reported'->>'fit')::float8, (t.s->'reported'->>'engagement')::float8,
            (t.s->'reported'->>'total')::float8, t.s->'reported'->>'tier', NULL, t.s, now()
     FROM generate_series(1, $3) AS i
     JOIN (SELECT ord - 1 AS k, s FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS a(s, ord)) t
       ON t.k = ${kind}`,
    [MODEL.workspace, MODEL.id, CONTACTS, every, JSON.stringify(states)],
  );
  // Their ranks and attention times, as the scorer would have left them.
  await dataSource.query(
    `INSERT INTO contact_ranks (workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of, attention_at)
     SELECT $1, $2, 'c' || lpad(i::text, 8, '0'), (t.s->'reported'->>'total')::float8,
            coalesce(t.s->'reported'->>'tier', ''), NULL, 1, now(), t.a
     FROM generate_series(1, $3) AS i
     JOIN (SELECT ord - 1 AS k, s, ($6::timestamptz[])[ord] AS a
           FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS a(s, ord)) t
       ON t.k = ${kind}`,
    [MODEL.workspace, MODEL.id, CONTACTS, every, JSON.stringify(states), attention],
  );
  await dataSource.query(
    `INSERT INTO score_histogram (workspace_id, model_id, shard, bucket, contacts)
     SELECT workspace_id, model_id, 'scorer:0', score_bucket(total), count(*) FROM contact_ranks GROUP BY 1, 2, 4`,
  );
  await dataSource.query(
    `INSERT INTO decay_runs
       (workspace_id, model_id, target_at, last_contact_id, started_at, completed_at, mode, model_version, attention_model_version)
     VALUES ($1, $2, $3, NULL, $3, $3, 'all', 1, 1)`,
    [MODEL.workspace, MODEL.id, new Date(T0)],
  );
  await dataSource.query('VACUUM ANALYZE contact_scores, contact_ranks, score_histogram');
  const [due] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM contact_ranks WHERE attention_at <= $1`,
    [new Date(T0 + 10 * DAY_MS)],
  );
  return due?.n ?? 0;
}

/** The size of a live contact's score-changed event after ten days, as the pass enqueues and publishes it. */
function eventBytes(): number {
  const [, clicked] = templates();
  const change = clicked ? advanceTo(MODEL, clicked, T0 + 10 * DAY_MS).change : undefined;
  if (!change) throw new Error('the live template publishes nothing after ten days');
  return JSON.stringify(scoreChangedEvent(MODEL.workspace, 'c00000001', change, 'leadscore/decay')).length;
}

/** Runs the decay CLI to `target`; resolves with what its passes read and advanced. */
function runCli(
  url: string,
  brokers: string[],
  target: number,
): Promise<{ scanned: number; advanced: number; mode: string; seconds: number }> {
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
        passes?: { scanned: number; advanced: number; mode: string; seconds: number }[];
      };
      const passes = parsed.passes ?? [];
      resolve({
        scanned: passes.reduce((n, p) => n + p.scanned, 0),
        advanced: passes.reduce((n, p) => n + p.advanced, 0),
        mode: passes.map((p) => p.mode).join(','),
        seconds: passes.reduce((n, p) => n + p.seconds, 0),
      });
    });
  });
}

/** Attention times the floor moved out of the way, by this much (restored before the pass). */
const FLOOR_SHIFT = `interval '100 years'`;

/**
 * The least a pass over the due contacts must do, in the pass's ranges, each range one transaction:
 * read the due contact ids through the attention index, read and lock their states, update their score
 * and rank rows (moving their attention times past the pass), insert one outbox row holding the range's
 * events, and after commit produce the events (one produce in flight while the next range runs).
 */
async function floorPass(
  dataSource: DataSource,
  producer: BatchingProducer,
  target: number,
  bytes: number,
): Promise<Measurement> {
  const started = performance.now();
  const value = 'x'.repeat(bytes);
  let done = 0;
  let inFlight: Promise<void> = Promise.resolve();
  for (;;) {
    const ids = await dataSource.transaction(async (sql) => {
      const due = await sql.query<{ contact_id: string }[]>(
        `SELECT contact_id FROM contact_ranks
         WHERE workspace_id = $1 AND model_id = $2 AND attention_at IS NOT NULL AND attention_at <= $3
         ORDER BY attention_at LIMIT $4`,
        [MODEL.workspace, MODEL.id, new Date(target), RANGE_SIZE],
      );
      const contacts = due.map((r) => r.contact_id);
      if (contacts.length === 0) return contacts;
      const scope = [MODEL.workspace, MODEL.id, contacts];
      await sql.query(
        `SELECT * FROM contact_scores WHERE workspace_id = $1 AND model_id = $2 AND contact_id = ANY($3::text[])
         ORDER BY contact_id FOR UPDATE`,
        scope,
      );
      await sql.query(
        `UPDATE contact_scores SET engagement = engagement * 0.98, total = fit + engagement * 0.98, updated_at = now()
         WHERE workspace_id = $1 AND model_id = $2 AND contact_id = ANY($3::text[])`,
        scope,
      );
      await sql.query(
        `UPDATE contact_ranks SET total = total - 0.01, attention_at = attention_at + ${FLOOR_SHIFT}, as_of = now()
         WHERE workspace_id = $1 AND model_id = $2 AND contact_id = ANY($3::text[])`,
        scope,
      );
      await sql.query(
        `INSERT INTO outbox (event_id, source, topic, message_key, payload, headers, created_at, published_at, batch_size)
         VALUES ($1, 'bench-floor', '', '', $2, '{}'::jsonb, now(), now(), $3)`,
        [`floor-${done}`, value.repeat(contacts.length), contacts.length],
      );
      return contacts;
    });
    if (ids.length === 0) break;
    done += ids.length;
    await inFlight;
    inFlight = producer.send(
      Topics.scoreChanged,
      ids.map((contact) => ({ key: `${MODEL.workspace}:${contact}`, value })),
    );
  }
  await inFlight;
  const seconds = (performance.now() - started) / 1000;
  // Put the rows back as they were for the pass (untimed).
  await dataSource.query(`DELETE FROM outbox WHERE source = 'bench-floor'`);
  await dataSource.query(
    `UPDATE contact_ranks SET attention_at = attention_at - ${FLOOR_SHIFT}
     WHERE workspace_id = $1 AND model_id = $2 AND attention_at > $3::timestamptz + interval '50 years'`,
    [MODEL.workspace, MODEL.id, new Date(target)],
  );
  await dataSource.query('VACUUM ANALYZE contact_scores, contact_ranks, outbox');
  return { count: done, seconds };
}

async function relationSizes(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.query<{ name: string; bytes: string }[]>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c
     WHERE c.relname IN ('contact_scores', 'contact_ranks', 'contact_ranks_attention', 'contact_ranks_order')
     ORDER BY c.relname`,
  );
  return rows
    .map((r) => `${r.name} ${Math.round(Number(r.bytes) / CONTACTS).toLocaleString('en-US')} B/contact`)
    .join(', ');
}

/**
 * The database side of scoring one event for a contact nobody scored for at least 30 days, as the scorer does it
 * per contact (lock its row by key, apply the event with libs/scoring, write score, rank and attention
 * time, commit), for 20 dormant contacts spread over the table; Kafka is not included.
 */
async function scoreUnseenContacts(dataSource: DataSource, at: number): Promise<string> {
  const times: number[] = [];
  for (let k = 0; k < 20; k += 1) {
    const n = 1 + Math.floor(((k * 7_919 + 13) / 20 / 7_919) * CONTACTS);
    const contactId = `c${String(n % 100 === 0 ? n + 1 : n).padStart(8, '0')}`;
    const started = performance.now();
    await dataSource.transaction(async (sql) => {
      const [row] = await contactScoreRepository.lockMany(sql, [
        { workspaceId: MODEL.workspace, modelId: MODEL.id, contactId },
      ]);
      if (!row) throw new Error(`no score for ${contactId}`);
      const event = { id: `unseen-${k}`, type: 'email.clicked', data: {} };
      const { state } = applyEvent(MODEL, row.state as ContactScoreState, event, at);
      await contactScoreRepository.upsertMany(
        sql,
        [scoreRowOf(MODEL.workspace, MODEL, contactId, state)],
        'bench',
      );
    });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  return `scoring one event for a contact unseen for 30 days (PostgreSQL lock, apply, write, commit; 20 contacts): p50 ${ms(0.5)} ms, max ${ms(1)} ms`;
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
    // The decay service's producer settings (services/decay decay.runtime.ts).
    const producer = createBatchingProducer(kafka, { lingerMs: 1 });
    await producer.connect();
    const bytes = eventBytes();
    try {
      for (const percent of DUE_PERCENTS) {
        const every = Math.max(1, Math.round(100 / percent));
        process.stdout.write(
          `seeding ${CONTACTS.toLocaleString('en-US')} contacts, every ${every}. one due\n`,
        );
        const due = await seed(dataSource, every);
        process.stdout.write(
          `${due.toLocaleString('en-US')} contacts due; sizes: ${await relationSizes(dataSource)}\n`,
        );
        const target = T0 + 10 * DAY_MS;

        const result = await runBenchmark({
          name: `decay pass over ${CONTACTS.toLocaleString('en-US')} contacts, ${due.toLocaleString('en-US')} due (range ${RANGE_SIZE})`,
          units: 'contacts',
          baseline: {
            name: 'floor-read-lock-update-outbox-produce',
            run: () => floorPass(dataSource, producer, target, bytes),
          },
          subject: {
            name: 'decay-pass',
            run: async () => {
              const started = performance.now();
              const pass = await runCli(url, brokers, target);
              const cli = (performance.now() - started) / 1000;
              if (pass.mode !== 'due' || pass.scanned !== due)
                throw new Error(
                  `the pass read ${pass.scanned} contacts in mode ${pass.mode}; ${due} were due`,
                );
              // The pass as the runner timed it: the CLI's start (node, Kafka, PostgreSQL, leader lock) is not the pass.
              return {
                count: pass.scanned,
                seconds: pass.seconds,
                notes: [`the CLI ran ${cli.toFixed(3)} s in all, start and stop included`],
              };
            },
          },
        });
        process.stdout.write(
          `time ratio decay-pass/floor (${percent} % due): ${(result.subject.seconds / result.baseline.seconds).toFixed(2)} (the issue's target: ≤ 1.3)\n`,
        );
        process.stdout.write(`context  ${await scoreUnseenContacts(dataSource, T0 + 40 * DAY_MS)}\n`);
        if (due < CONTACTS && COMPARE_ALL) {
          // What every pass cost before: reading all contacts (the mode a pass falls back to after a model change).
          await dataSource.query(
            'UPDATE decay_runs SET attention_model_version = NULL WHERE workspace_id = $1 AND model_id = $2',
            [MODEL.workspace, MODEL.id],
          );
          const all = await runCli(url, brokers, target + DAY_MS);
          const seconds = all.seconds;
          if (all.mode !== 'all' || all.scanned !== CONTACTS)
            throw new Error(`the full pass read ${all.scanned} contacts in mode ${all.mode}`);
          process.stdout.write(
            `context  a pass reading all ${CONTACTS.toLocaleString('en-US')} contacts: ${seconds.toFixed(3)} s; ` +
              `the due pass took ${((result.subject.seconds / seconds) * 100).toFixed(1)} % of it\n`,
          );
        }
      }
    } finally {
      await producer.disconnect();
      await dataSource.destroy();
    }
  }),
);
