// Scorer end to end: events already in leads.events.v1 → PostgreSQL commit → score-changed produced.
// Baseline, on the same broker and database in the same run: the bare I/O the scorer cannot avoid, a
// plain kafkajs eachBatch consumer that per batch upserts the batch's contacts set-based in one
// PostgreSQL transaction and produces one message per event (acks -1, idempotent), with no scoring.
// Subject: the built scorer (services/scorer/dist/main.js) as its own process. Both are timed from the
// end of their first batch to the last event (so process start and group join do not count), and the
// events of that first batch are not counted. Also printed for context: the raw kafkajs consume rate
// and PostgreSQL upsert rows/s; and, in the same rounds, the floor reference: the same bare consumer
// doing all the I/O the issue mandates of the scorer (dedupe ids, state load, outbox row, offset,
// leaderboard ranks and score histogram, score-changed-sized messages) with no scoring, i.e. the best
// ratio any scorer could reach here.
// Run: npm run bench:scorer -w @leadscore/bench
// (knobs: BENCH_EVENTS, BENCH_CONTACTS, BENCH_ROUNDS, BENCH_MODEL, BENCH_SCORER_NODE_ARGS, BENCH_FLOOR=0 to skip the floor)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { TOPIC_DECLARATIONS, Topics, parseModel } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import {
  contactErasureRepository,
  contactRankRepository,
  openDatabase,
  type SqlRunner,
} from '@leadscore/persistence';
import { freePort, startTestInfrastructure, workspaceRoot } from '@leadscore/testing';
import { formatRate, rateOf, runBenchmark, type Measurement } from './benchmark.harness.js';
import { peakResidentBytes } from './process-cpu.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
/** The model scored (from the workspace root); models/model-language.yaml says the same with the newer constructs. */
const MODEL_FILE = process.env['BENCH_MODEL'] ?? 'examples/models/ontraport.yaml';
// BENCH_FLOOR=0 skips measuring the floor (the mandated I/O without scoring) against the baseline.
const FLOOR = process.env['BENCH_FLOOR'] !== '0';
// Extra node flags for the scorer process, e.g. BENCH_SCORER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
const NODE_ARGS = (process.env['BENCH_SCORER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const WORKSPACE = 'bench';
const BASELINE_OUT = 'bench.baseline-out';
const BASE_TIME = Date.UTC(2026, 0, 1);
/** A pg client as the repositories' SqlRunner (rows of a query). */
const sqlRunnerOf = (client: pg.PoolClient): SqlRunner =>
  ({
    query: async (text: string, parameters?: unknown[]) =>
      (await client.query<Record<string, unknown>>(text, parameters)).rows,
  }) as SqlRunner;

const UPSERT_CONTACTS = `
  INSERT INTO baseline_scores (workspace_id, contact_id, events, last_event, updated_at)
  SELECT $1, c, n, e::jsonb, now() FROM UNNEST($2::text[], $3::int[], $4::text[]) AS t(c, n, e)
  ON CONFLICT (workspace_id, contact_id) DO UPDATE
    SET events = baseline_scores.events + EXCLUDED.events, last_event = EXCLUDED.last_event, updated_at = now()`;

/** Clicks and pricing-page views: each one changes the contact's ONTRAPORT score, so one output per event. */
function eventMessage(i: number): { key: string; value: string } {
  const subject = `user:c${i % CONTACTS}`;
  const base = {
    specversion: '1.0',
    id: `bench-${i}`,
    source: '/bench',
    time: new Date(BASE_TIME + i * 1_000).toISOString(),
    subject,
    workspace: WORKSPACE,
  };
  const event =
    i % 2 === 0
      ? { ...base, type: 'email.clicked', data: { url: 'https://example.com/offer' } }
      : { ...base, type: 'web.page_viewed', data: { url: 'https://example.com/pricing', path: '/pricing' } };
  return { key: `${WORKSPACE}:${subject}`, value: JSON.stringify(event) };
}

/**
 * A message the size and shape of the score-changed event the scorer emits for one of these events (the
 * leads.score-changed.v1 contract: envelope, scores before and after, cause, contributions).
 */
function scoreChangedSized(key: string, offset: string): string {
  const contact = key.slice(WORKSPACE.length + 1);
  const eventId = `bench-${offset}`;
  const score = { fit: 0, engagement: 41.06, total: 41.06, tier: 'warm', grade: null };
  return JSON.stringify({
    specversion: '1.0',
    id: createHash('sha256').update(`${key}\n${offset}`).digest('hex'),
    source: 'leadscore/scorer',
    type: 'score.changed',
    time: new Date(BASE_TIME).toISOString(),
    subject: contact,
    workspace: WORKSPACE,
    datacontenttype: 'application/json',
    data: {
      contact,
      model: { id: 'ontraport', version: 1 },
      sequence: 10,
      cause: { type: 'event', eventId, eventType: 'email.clicked' },
      previous: score,
      current: { ...score, engagement: 45.11, total: 45.11 },
      contributions: [{ ruleId: 'email-click', kind: 'engagement', points: 45.11, eventId }],
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Batches, mean batch size and where a batch's time goes, from the scorer's own /metrics. */
async function batchProfile(port: number): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  const batches = value('leadscore_scorer_batch_duration_seconds_count');
  const events = value('leadscore_scorer_consumed_events_total');
  const batchMs = (1000 * value('leadscore_scorer_batch_duration_seconds_sum')) / batches;
  const transactionMs = (1000 * value('leadscore_scorer_transaction_duration_seconds_sum')) / batches;
  const stages = [
    ...text.matchAll(
      /^leadscore_scorer_batch_stage_duration_seconds_sum\{[^}]*stage="(\w+)"[^}]*\} (\S+)$/gm,
    ),
  ]
    .map(([, stage, seconds]) => `${stage} ${((1000 * Number(seconds)) / batches).toFixed(1)}`)
    .join(', ');
  return `scorer: ${batches} batches of ${(events / batches).toFixed(0)} events; per batch ${batchMs.toFixed(1)} ms, of which the PostgreSQL transaction ${transactionMs.toFixed(1)} ms; mean ms per batch by stage: ${stages}`;
}

const infrastructure = await startTestInfrastructure();
try {
  const brokers = infrastructure.kafka.brokers;
  const adminUrl = infrastructure.postgres.url;
  const client = createKafkaClient({ brokers, clientId: 'bench-scorer', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(client, [...TOPIC_DECLARATIONS, { name: BASELINE_OUT, partitions: 6, config: {} }]);
  const kafka = new kafkajs.Kafka({
    brokers,
    clientId: 'bench-scorer-raw',
    logLevel: kafkajs.logLevel.NOTHING,
  });

  const modelText = readFileSync(join(workspaceRoot(), MODEL_FILE), 'utf8');
  const model = { ...parseModel(modelText, 'yaml', MODEL_FILE), workspace: WORKSPACE, id: 'ontraport' };
  const filler = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await filler.connect();
  await filler.send({
    topic: Topics.models,
    acks: -1,
    messages: [{ key: `${WORKSPACE}:${model.id}`, value: JSON.stringify(model) }],
  });
  const fillStarted = performance.now();
  for (let i = 0; i < EVENTS; i += 1_000) {
    const messages = Array.from({ length: Math.min(1_000, EVENTS - i) }, (_, j) => eventMessage(i + j));
    await filler.sendBatch({ acks: -1, topicMessages: [{ topic: Topics.events, messages }] });
  }
  await filler.disconnect();
  process.stdout.write(
    `filled ${Topics.events}: ${EVENTS} events over ${CONTACTS} contacts in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s\n`,
  );

  let groupSeq = 0;
  /** Runs a kafkajs eachBatch consumer over the whole topic; `work` per batch. Timed after the first batch. */
  async function consumeAll(work: (batch: kafkajs.Batch) => Promise<void>): Promise<Measurement> {
    const consumer = kafka.consumer({ groupId: `bench-${(groupSeq += 1)}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.events], fromBeginning: true });
    let done = 0;
    let firstAt = 0;
    let firstCount = 0;
    let finish: (m: Measurement) => void = () => undefined;
    const finished = new Promise<Measurement>((resolve) => (finish = resolve));
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        try {
          await work(batch);
        } catch (error) {
          // kafkajs (logging off) would retry silently: say why, once per failure.
          process.stderr.write(`batch of partition ${batch.partition} failed: ${String(error)}\n`);
          throw error;
        }
        done += batch.messages.length;
        if (firstAt === 0) {
          firstAt = performance.now();
          firstCount = done;
        }
        if (done >= EVENTS)
          finish({ count: done - firstCount, seconds: (performance.now() - firstAt) / 1000 });
      },
    });
    const measurement = await finished;
    await consumer.disconnect();
    return measurement;
  }

  const rawConsume = await consumeAll(() => Promise.resolve());
  process.stdout.write(
    `context  kafkajs eachBatch consume alone: ${formatRate(rateOf(rawConsume), 'events')}\n`,
  );

  const pgContextUrl = await createDatabase(adminUrl, 'bench_pg');
  const pgContext = new pg.Client({ connectionString: pgContextUrl });
  await pgContext.connect();
  await pgContext.query(
    `CREATE TABLE baseline_scores (workspace_id text, contact_id text, events int, last_event jsonb, updated_at timestamptz, PRIMARY KEY (workspace_id, contact_id))`,
  );
  const pgRows = Math.min(EVENTS, 200_000);
  const pgStarted = performance.now();
  for (let i = 0; i < pgRows; i += 1_000) {
    const slice = Array.from({ length: Math.min(1_000, pgRows - i) }, (_, j) => eventMessage(i + j));
    await pgContext.query('BEGIN');
    await pgContext.query(UPSERT_CONTACTS, [
      WORKSPACE,
      slice.map((m) => m.key),
      slice.map(() => 1),
      slice.map((m) => m.value),
    ]);
    await pgContext.query('COMMIT');
  }
  process.stdout.write(
    `context  PostgreSQL UNNEST upsert, 1,000 rows per transaction: ${formatRate(pgRows / ((performance.now() - pgStarted) / 1000), 'rows')}\n`,
  );
  await pgContext.end();

  let round = 0;
  /**
   * A plain kafkajs consumer that per batch upserts the batch's contacts set-based in one transaction and
   * produces one message per event. With `mandated`, the transaction also does the I/O the issue
   * requires of the scorer beyond that, still with no scoring: record the events' ids (dedupe), take the
   * contacts' erasure locks and read their tombstones, load the contacts' rows by key, record their ranks (contact_ranks and score_histogram, the statement the
   * scorer sends), enqueue the outgoing messages (one outbox row per batch) and store the offset;
   * and the produced messages are score-changed sized.
   */
  async function bareScorer(mandated: boolean): Promise<Measurement> {
    const databaseUrl = await createDatabase(adminUrl, `bench_bare_${(round += 1)}`);
    if (mandated) await (await openDatabase({ url: databaseUrl, applicationName: 'bench-floor' })).destroy();
    const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    await db.query(
      `CREATE TABLE baseline_scores (workspace_id text, contact_id text, events int, last_event jsonb, updated_at timestamptz, PRIMARY KEY (workspace_id, contact_id))`,
    );
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const measurement = await consumeAll(async (batch) => {
      const perContact = new Map<string, { n: number; last: string }>();
      for (const message of batch.messages) {
        const key = message.key?.toString() ?? '';
        const entry = perContact.get(key);
        const value = message.value?.toString() ?? '{}';
        if (entry) {
          entry.n += 1;
          entry.last = value;
        } else perContact.set(key, { n: 1, last: value });
      }
      const outgoing = batch.messages.map((m) => ({
        key: m.key,
        value: mandated ? scoreChangedSized(m.key?.toString() ?? '', m.offset) : m.value,
      }));
      const connection = await db.connect();
      try {
        await connection.query('BEGIN');
        if (mandated) {
          await connection.query(
            `SELECT next_offset FROM consumer_offsets WHERE consumer_group = 'floor' AND topic = $1 AND partition = $2 FOR UPDATE`,
            [batch.topic, batch.partition],
          );
          await connection.query(
            `INSERT INTO processed_events (workspace_id, event_id, processed_at)
             SELECT $1, e, now() FROM UNNEST($2::text[]) AS e ON CONFLICT DO NOTHING RETURNING event_id`,
            [WORKSPACE, batch.messages.map((m) => `bench-${batch.partition}-${m.offset}`)],
          );
          // Erasure holds: the contacts' shared erasure locks and their tombstones, as the scorer reads them.
          const contacts = [...perContact.keys()].map((contactId) => ({ workspaceId: WORKSPACE, contactId }));
          await contactErasureRepository.guard(sqlRunnerOf(connection), contacts);
          await connection.query(
            `SELECT * FROM baseline_scores WHERE workspace_id = $1 AND contact_id = ANY($2::text[])`,
            [WORKSPACE, [...perContact.keys()]],
          );
          // The contacts' leaderboard ranks and the score histogram, by the statement the scorer sends
          // (a new total per contact per batch, as a scored event gives).
          const asOf = new Date();
          await contactRankRepository.write(
            sqlRunnerOf(connection),
            [...perContact].map(([contactId, entry]) => ({
              workspaceId: WORKSPACE,
              modelId: 'floor',
              contactId,
              rank: { total: (Number(batch.lastOffset()) % 997) + entry.n / 7, tier: 'cold', grade: null },
              modelVersion: 1,
              asOf,
              // An attention time per contact per batch, as the scorer records with each rank.
              attentionAt: new Date(asOf.getTime() + ((Number(batch.lastOffset()) * 7_919) % 86_400_000)),
            })),
            `floor:${batch.partition}`,
          );
        }
        await connection.query(UPSERT_CONTACTS, [
          WORKSPACE,
          [...perContact.keys()],
          [...perContact.values()].map((e) => e.n),
          [...perContact.values()].map((e) => e.last),
        ]);
        if (mandated) {
          await connection.query(
            `INSERT INTO outbox (event_id, source, topic, message_key, payload, headers, created_at, batch_size)
             VALUES ($1, 'floor', '', '', $2, '{}', now(), $3)`,
            [
              `floor:${batch.partition}:${batch.firstOffset() ?? ''}`,
              `[${outgoing.map((m) => m.value).join(',')}]`,
              outgoing.length,
            ],
          );
          await connection.query(
            `INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset, updated_at)
             VALUES ('floor', $1, $2, $3, now())
             ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()`,
            [batch.topic, batch.partition, String(Number(batch.lastOffset()) + 1)],
          );
        }
        await connection.query('COMMIT');
      } finally {
        connection.release();
      }
      // Requests of at most 1,000 records, as our producer sends: a whole fetched batch can exceed
      // the broker's message.max.bytes as one record batch.
      for (let i = 0; i < outgoing.length; i += 1_000) {
        const messages = outgoing.slice(i, i + 1_000);
        await producer.sendBatch({ acks: -1, topicMessages: [{ topic: BASELINE_OUT, messages }] });
      }
    });
    await producer.disconnect();
    await db.end();
    return measurement;
  }

  await runBenchmark({
    name: `scorer: ${EVENTS} events over ${CONTACTS} contacts, consume → PostgreSQL commit → produce`,
    units: 'events',
    rounds: ROUNDS,
    baseline: { name: 'kafkajs+pg-upsert+produce', run: () => bareScorer(false) },
    // The best ratio any scorer can reach here: its mandated I/O alone, no scoring.
    references: FLOOR ? [{ name: 'mandated-io-floor', run: () => bareScorer(true) }] : [],
    subject: {
      name: 'scorer-service',
      run: async () => {
        const databaseUrl = await createDatabase(adminUrl, `bench_scorer_${round}`);
        const port = await freePort();
        const scorer = spawn(
          process.execPath,
          [...NODE_ARGS, join(workspaceRoot(), 'services/scorer/dist/main.js')],
          {
            env: {
              ...process.env,
              NODE_ENV: 'production',
              LOG_LEVEL: 'warn',
              HOST: '127.0.0.1',
              PORT: String(port),
              KAFKA_BROKERS: brokers.join(','),
              DATABASE_URL: databaseUrl,
              SCORER_CONSUMER_GROUP: `bench-scorer-${round}`,
            },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        const exited = new Promise<void>((resolve) => scorer.once('exit', () => resolve()));
        // Polls PostgreSQL (the scorer's own progress record): committed offsets and the unpublished outbox.
        const db = new pg.Client({ connectionString: databaseUrl });
        for (;;) {
          try {
            await db.connect();
            break;
          } catch {
            await sleep(100);
          }
        }
        const progress = async (): Promise<{ committed: number; unpublished: number }> => {
          try {
            const { rows } = await db.query<{ committed: string; unpublished: number }>(
              `SELECT (SELECT coalesce(sum(next_offset), 0)::text FROM consumer_offsets) AS committed,
                      (SELECT count(*)::int FROM outbox_pending) AS unpublished`,
            );
            return { committed: Number(rows[0]?.committed ?? 0), unpublished: rows[0]?.unpublished ?? 0 };
          } catch {
            return { committed: 0, unpublished: 0 }; // tables not migrated yet
          }
        };
        let first: { at: number; committed: number } | undefined;
        for (;;) {
          const now = await progress();
          if (!first && now.committed > 0) first = { at: performance.now(), committed: now.committed };
          if (first && now.committed >= EVENTS && now.unpublished === 0) {
            // Per-contact memory would grow with the contacts: the peak says whether it stays bounded.
            const peak = peakResidentBytes(scorer.pid ?? -1);
            const measurement = {
              count: EVENTS - first.committed,
              seconds: (performance.now() - first.at) / 1000,
              notes: [
                `memory  scorer peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB for ${CONTACTS} contacts (${(peak / CONTACTS).toFixed(0)} bytes per contact)`,
              ],
            };
            await db.end();
            process.stdout.write(`context  ${await batchProfile(port)}\n`);
            scorer.kill('SIGTERM');
            await exited;
            return measurement;
          }
          if (scorer.exitCode !== null) throw new Error(`the scorer exited with code ${scorer.exitCode}`);
          await sleep(50);
        }
      },
    },
  });
} finally {
  await infrastructure.stop();
}
