// End-to-end latency of the pipeline (#31): ingest's HTTP API → leads.events.v1 → scorer (PostgreSQL
// commit, outbox) → leads.score-changed.v1 → threshold (lifecycle, MQL) → the signed webhook at a
// receiver. Kafka, PostgreSQL and the built ingest, scorer and threshold services run as they ship
// (services/*/dist/main.js, started through @leadscore/testing); this process posts pricing-page views
// to `POST /v1/events` at fixed rates (a batch every 10 ms), reads the score-changed topic (each record
// timestamped on receipt) and receives the webhooks. Per event: from ingest's 202 (when the response
// arrived here) to its score change being readable, and, for the one event in 20 that takes its contact
// into MQL, to the webhook's arrival; p50/p95/p99 per rate. A stage breakdown joins the timestamps the
// path leaves behind: the event's `time` (ingest's receipt), the CreateTime of its events record, the
// scorer's `processed_events.processed_at`, the CreateTime of the score-changed record, the delivery's
// `created_at` (threshold's transaction), its first attempt's `started_at` and the receiver's clock.
// The floor, in the same run at the same rates: produce each event (ingest's client settings), consume
// it in a child process (the scorer's client and consumer settings), commit one PostgreSQL transaction
// per batch (one INSERT of the batch's rows) and produce again (the scorer's producer settings); the
// same reader timestamps that record. Printed per rate: subject and floor percentiles and
// `pipeline p99 / floor p99` (target ≤ 2); then the highest rate the pipeline sustains (stepped up from
// the fixed rates, bounded). The last line is the headline: the worst of those ratios over the fixed
// rates the pipeline sustained (a latency ratio: lower is better).
// Run: npm run build && npm run bench:latency -w @leadscore/bench
// (knobs: BENCH_LATENCY_SECONDS (60; 5 for a smoke run), BENCH_LATENCY_RATES (200,2000,5000),
// BENCH_LATENCY_SEARCH_STEPS (3; 0 skips the search), BENCH_LATENCY_STEP_SECONDS, BENCH_LATENCY_SUSTAIN_P99_MS
// (1000), BENCH_LATENCY_SUSTAIN_WEBHOOK_P99_MS (3000), BENCH_LATENCY_SERVICE_ENV: settings for the three
// services, e.g. "THRESHOLD_WEBHOOK_POLL_MS=20")
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Headers, TOPIC_DECLARATIONS, Topics, parseModel } from '@leadscore/contracts';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  highWatermarks,
  silentLogger,
  waitForKafkaReady,
  type BatchConsumer,
  type KafkaClient,
  type ProducedMessage,
} from '@leadscore/kafka';
import { openDatabase, webhookSubscriptionRepository } from '@leadscore/persistence';
import {
  TEST_ENV,
  WebhookReceiver,
  createTestDatabase,
  freePort,
  startBuiltService,
  startTestInfrastructure,
  startTestScorer,
  uniqueName,
  waitForPort,
  type BuiltService,
  type TestDatabase,
  type TestInfrastructure,
  type TestScorer,
} from '@leadscore/testing';
import { formatRate, formatRatioLine } from './benchmark.harness.js';
import { formatCpuReport, startCpuMeter } from './process-cpu.js';

const SECONDS = Number(process.env['BENCH_LATENCY_SECONDS'] ?? 60);
const RATES = (process.env['BENCH_LATENCY_RATES'] ?? '200,2000,5000').split(',').map(Number);
/** Rates tried after the fixed ones to find the highest sustained (×1.5 up, or halving the gap). */
const SEARCH_STEPS = Number(process.env['BENCH_LATENCY_SEARCH_STEPS'] ?? 3);
const STEP_SECONDS = Number(process.env['BENCH_LATENCY_STEP_SECONDS'] ?? Math.min(SECONDS, 20));
/** A rate is sustained when its 202→score-changed p99 stays under this and nothing piles up. */
const SUSTAIN_P99_MS = Number(process.env['BENCH_LATENCY_SUSTAIN_P99_MS'] ?? 1_000);
/** …and its 202→MQL webhook p99 under this (the webhook path keeps up too). */
const SUSTAIN_WEBHOOK_P99_MS = Number(process.env['BENCH_LATENCY_SUSTAIN_WEBHOOK_P99_MS'] ?? 3_000);
/** Highest rate the search tries. */
const MAX_RATE = Number(process.env['BENCH_LATENCY_MAX_RATE'] ?? 20_000);
/** Settings passed to all three services (space-separated NAME=value), to test a suspected wait. */
const SERVICE_ENV: Record<string, string> = Object.fromEntries(
  (process.env['BENCH_LATENCY_SERVICE_ENV'] ?? '')
    .split(/\s+/)
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const ROLE = process.env['BENCH_LATENCY_ROLE'];

const TICK_MS = 10;
/** ingest's INGEST_MAX_BATCH_EVENTS default. */
const MAX_BATCH = 500;
/** Requests (or floor sends) in flight before the driver counts itself unable to keep up. */
const MAX_IN_FLIGHT = 1_000;
const WARM_UP_SECONDS = 3;
const WORKSPACE = 'bench';
const SECRET_KEY = 'sk_bench_latency_key';
const WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const MODEL_ID = 'pricing';
/** 5 points a pricing view, MQL from 100: the 20th view of a contact takes it into MQL (tiers at 10 and 18). */
const VIEWS_TO_MQL = 20;
const MODEL = `id: ${MODEL_ID}
version: 1
name: Pricing intent
engagement:
  - id: pricing-view
    event: web.page_viewed
    filters:
      - { field: path, operator: regex, pattern: ^/pricing(/|$) }
    points: 5
tiers: { warm: 50, hot: 90 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 100, exit: 80 }
`;
const FLOOR_IN = 'bench.latency.floor-in';
const FLOOR_OUT = 'bench.latency.floor-out';
const FLOOR_GROUP = 'bench-latency-floor';
/**
 * An empty topic: THRESHOLD_EVENTS_TOPIC=bench.latency.empty (BENCH_LATENCY_SERVICE_ENV) takes the events
 * topic's batches (sales acceptance) out of threshold's one consumer, to see what they cost score changes.
 */
const EMPTY_TOPIC = 'bench.latency.empty';
/** Roughly the size of the score-changed record the scorer produces for one pricing view. */
const FLOOR_OUT_PADDING = 'x'.repeat(560);

/** Epoch milliseconds with sub-millisecond resolution (all processes share the machine's clock). */
const nowMs = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const write = (line: string) => void process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------
// Statistics

interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function percentileOf(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function summarize(values: readonly number[]): Summary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentileOf(sorted, 50),
    p95: percentileOf(sorted, 95),
    p99: percentileOf(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentiles = (s: Summary | undefined) =>
  s ? `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}` : 'no samples';

/** A stage's durations (one per event that has both timestamps): `name median / p99 (n)`. */
class Stages {
  private readonly values = new Map<string, number[]>();

  add(name: string, from: number | undefined, to: number | undefined): void {
    if (from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) return;
    const list = this.values.get(name) ?? [];
    list.push(to - from);
    this.values.set(name, list);
  }

  lines(): string[] {
    return [...this.values].map(([name, list]) => {
      const s = summarize(list);
      return s
        ? `${name.padEnd(46)} median ${ms(s.p50).padStart(9)}, p99 ${ms(s.p99).padStart(9)} (${s.n})`
        : name;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Load: events at a fixed rate, a batch every 10 ms

/** Event `n` of a run: contacts in lanes, each taking 20 views spread over about a second, staggered. */
function planEvent(label: string, n: number, rate: number): { id: string; subject: string; mql: boolean } {
  const lanes = Math.max(1, Math.round(rate / VIEWS_TO_MQL));
  const lane = n % lanes;
  const stagger = lane % VIEWS_TO_MQL;
  const step = Math.floor(n / lanes) + stagger;
  const generation = Math.floor(step / VIEWS_TO_MQL);
  const position = step % VIEWS_TO_MQL;
  return {
    id: `lat-${label}-${n}`,
    subject: `email:${label}-l${lane}-g${generation}@example.com`,
    // The first contact of a staggered lane starts part-way and never reaches the line.
    mql: position === VIEWS_TO_MQL - 1 && (generation > 0 || stagger === 0),
  };
}

interface Driven {
  readonly sent: number;
  readonly skipped: number;
  readonly seconds: number;
}

/**
 * Calls `send(first, count)` every 10 ms for the events due by then (open loop: a slow answer does not
 * slow the sender), until `seconds` passed; then waits for the sends in flight.
 */
async function drive(
  rate: number,
  seconds: number,
  send: (first: number, count: number) => Promise<void>,
): Promise<Driven> {
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  let due = 0;
  let skipped = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      const target = Math.floor(Math.min(elapsed, seconds) * rate);
      while (due < target) {
        const count = Math.min(MAX_BATCH, target - due);
        if (pending.size >= MAX_IN_FLIGHT) skipped += count;
        else {
          const sent: Promise<void> = send(due, count).then(() => void pending.delete(sent));
          pending.add(sent);
        }
        due += count;
      }
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  const sentSeconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  return { sent: due - skipped, skipped, seconds: sentSeconds };
}

// ---------------------------------------------------------------------------------------------------
// What the reader and the receiver saw (this process), by event id

interface Arrival {
  /** When the record reached the reader's handler. */
  readonly receivedAt: number;
  /** The record's CreateTime (its producer's clock when the request was built). */
  readonly createTime: number;
  /** The score change's own id (score-changed records only). */
  readonly changeId?: string;
  /** The event's `time`: ingest's receipt (score-changed records only). */
  readonly eventTime?: number;
}

const arrivals = new Map<string, Arrival>();
/** Webhooks by the score change behind them: arrival time and webhook id. */
const webhooks = new Map<string, { readonly at: number; readonly webhookId: string }>();
/**
 * Score change → the event that caused it. The view that takes a contact over the line is matched this
 * way, not assumed: under load two requests of one contact can reach Kafka in the other order.
 */
const causeOf = new Map<string, string>();

interface ScoreChangedShape {
  readonly id: string;
  readonly time: string;
  readonly data: { readonly cause: { readonly type: string; readonly eventId?: string } };
}

function scoreChangeIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('data' in body)) return undefined;
  const data: unknown = body.data;
  if (typeof data !== 'object' || data === null || !('scoreChangedId' in data)) return undefined;
  return typeof data.scoreChangedId === 'string' ? data.scoreChangedId : undefined;
}

/** One consumer of the score-changed and floor-out topics, from their ends as they are at its join. */
async function startReader(kafka: KafkaClient): Promise<BatchConsumer> {
  let joined!: () => void;
  const assigned = new Set<string>();
  const ready = new Promise<void>((resolve) => (joined = resolve));
  const reader = createBatchConsumer(kafka, {
    groupId: uniqueName('bench-latency-reader'),
    topics: [Topics.scoreChanged, FLOOR_OUT],
    commitOffsets: false,
    maxWaitTimeMs: 100,
    onPartitionsAssigned: async ({ topic }) => {
      const ends = await highWatermarks(kafka, topic);
      assigned.add(topic);
      if (assigned.size === 2) joined();
      return ends;
    },
    handler: (batch) => {
      const receivedAt = nowMs();
      for (const message of batch.messages) {
        if (batch.topic === FLOOR_OUT) {
          const id = message.headers[Headers.eventId];
          if (id) arrivals.set(id, { receivedAt, createTime: message.timestamp });
          continue;
        }
        const text = message.value?.toString('utf8') ?? '';
        if (!text.includes('"lat-')) continue;
        const change = JSON.parse(text) as ScoreChangedShape;
        const eventId = change.data.cause.eventId;
        if (change.data.cause.type !== 'event' || eventId === undefined) continue;
        arrivals.set(eventId, {
          receivedAt,
          createTime: message.timestamp,
          changeId: change.id,
          eventTime: Date.parse(change.time),
        });
        causeOf.set(change.id, eventId);
      }
      return Promise.resolve();
    },
  });
  await reader.start();
  await ready;
  return reader;
}

/** CreateTime of every record of `topic` between two sets of offsets, by its `ce_id` header. */
async function createTimes(
  kafka: KafkaClient,
  topic: string,
  from: ReadonlyMap<number, string>,
  to: ReadonlyMap<number, string>,
): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const left = new Map(
    [...to].filter(([partition, end]) => BigInt(end) > BigInt(from.get(partition) ?? '0')),
  );
  if (left.size === 0) return times;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const consumer = createBatchConsumer(kafka, {
    groupId: uniqueName('bench-latency-range'),
    topics: [topic],
    commitOffsets: false,
    maxWaitTimeMs: 100,
    onPartitionsAssigned: () => Promise.resolve(from),
    handler: (batch) => {
      for (const message of batch.messages) {
        const id = message.headers[Headers.eventId];
        if (id) times.set(id, message.timestamp);
      }
      const end = left.get(batch.partition);
      if (end !== undefined && BigInt(batch.nextOffset) >= BigInt(end)) left.delete(batch.partition);
      if (left.size === 0) finish();
      return Promise.resolve();
    },
  });
  await consumer.start();
  const timer = setTimeout(finish, 120_000);
  await finished;
  clearTimeout(timer);
  await consumer.stop();
  return times;
}

// ---------------------------------------------------------------------------------------------------
// The services' own /metrics, before and after a run: is a wait spent behind busy batches, or idle?

/** Every sample of a Prometheus text page, by `name{labels}`. */
async function scrape(url: string): Promise<Map<string, number>> {
  const samples = new Map<string, number>();
  try {
    const text = await (await fetch(url)).text();
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.length === 0) continue;
      const space = line.lastIndexOf(' ');
      samples.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  } catch {
    // A service that does not answer: its note says nothing.
  }
  return samples;
}

/** The growth of every sample of `name` whose labels include all of `labels`, summed. */
function grown(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  name: string,
  ...labels: string[]
): number {
  let sum = 0;
  for (const [key, value] of after) {
    if (key !== name && !key.startsWith(`${name}{`)) continue;
    if (!labels.every((label) => key.includes(label))) continue;
    sum += value - (before.get(key) ?? 0);
  }
  return sum;
}

interface ServiceUrls {
  readonly scorer: string;
  readonly threshold: string;
}

/** What the scorer and threshold did during a run: batches per topic, their size and time, how busy. */
function serviceNotes(
  before: { scorer: Map<string, number>; threshold: Map<string, number> },
  after: { scorer: Map<string, number>; threshold: Map<string, number> },
  seconds: number,
): string[] {
  const consumed = (service: 'scorer' | 'threshold', topic: string) => {
    const b = before[service];
    const a = after[service];
    const topicLabel = `topic="${topic}"`;
    const batches = grown(b, a, 'leadscore_kafka_consumed_batch_duration_seconds_count', topicLabel);
    const busy = grown(b, a, 'leadscore_kafka_consumed_batch_duration_seconds_sum', topicLabel);
    const messages = grown(b, a, 'leadscore_kafka_consumed_batch_size_messages_sum', topicLabel);
    return {
      busy,
      text:
        batches > 0
          ? `${topic} ${batches} batches of ${(messages / batches).toFixed(1)}, ${((1000 * busy) / batches).toFixed(1)} ms each`
          : `${topic} no batches`,
    };
  };
  const produced = (service: 'scorer' | 'threshold') => {
    const n = grown(before[service], after[service], 'leadscore_kafka_produce_duration_seconds_count');
    const sum = grown(before[service], after[service], 'leadscore_kafka_produce_duration_seconds_sum');
    return n > 0 ? `${n} produce requests, ${((1000 * sum) / n).toFixed(1)} ms each` : 'no produce requests';
  };
  const scorerEvents = consumed('scorer', Topics.events);
  const scorerBatches = grown(before.scorer, after.scorer, 'leadscore_scorer_batch_duration_seconds_count');
  const stages = [...after.scorer.keys()]
    .map((key) => /^leadscore_scorer_batch_stage_duration_seconds_sum\{.*stage="(\w+)".*\}$/.exec(key)?.[1])
    .filter((stage): stage is string => stage !== undefined)
    .map((stage) => {
      const sum = grown(
        before.scorer,
        after.scorer,
        'leadscore_scorer_batch_stage_duration_seconds_sum',
        `stage="${stage}"`,
      );
      return `${stage} ${scorerBatches > 0 ? ((1000 * sum) / scorerBatches).toFixed(1) : '?'}`;
    })
    .join(', ');
  const thresholdChanges = consumed('threshold', Topics.scoreChanged);
  const thresholdEvents = consumed('threshold', Topics.events);
  return [
    `scorer: ${scorerEvents.text}, in a batch ${(scorerEvents.busy / seconds).toFixed(2)} s per s (${SERVICE_ENV['SCORER_PARTITIONS_CONCURRENTLY'] ?? 3} partitions at a time); ${produced('scorer')}`,
    `        mean ms per batch by stage: ${stages}`,
    `threshold: ${thresholdChanges.text}; ${thresholdEvents.text}; in a batch ${((thresholdChanges.busy + thresholdEvents.busy) / seconds).toFixed(2)} s per s (one batch at a time); ${produced('threshold')}`,
  ];
}

// ---------------------------------------------------------------------------------------------------
// One run at one rate

interface Sample {
  readonly postedAt: number;
  ackAt?: number;
  readonly mql: boolean;
}

interface RunResult {
  readonly rate: number;
  readonly latency: Summary | undefined;
  /** 202 → MQL webhook (the pipeline only). */
  readonly webhook?: Summary | undefined;
  readonly sustained: boolean;
  /** Everything it sent was scored (or, for the floor, read back) before the wait ran out. */
  readonly drained: boolean;
  readonly why: string;
}

interface Progress {
  readonly scoredAtStop: number;
  readonly unscored: number;
}

/** Webhooks received whose score change was caused by an event of `samples`. */
function webhooksOf(samples: ReadonlyMap<string, Sample>): [string, { at: number; webhookId: string }][] {
  return [...webhooks].filter(([changeId]) => samples.has(causeOf.get(changeId) ?? ''));
}

/** Waits until every acknowledged sample has arrived and `webhooksExpected` webhooks did, or `waitMs`. */
async function drain(
  samples: ReadonlyMap<string, Sample>,
  waitMs: number,
  webhooksExpected: number,
): Promise<{ unscored: number; webhooksMissing: number }> {
  const deadline = Date.now() + waitMs;
  // Only what is still outstanding is looked at again: this process keeps timing arrivals meanwhile.
  let waiting = [...samples].filter(([, sample]) => sample.ackAt !== undefined);
  for (;;) {
    waiting = waiting.filter(([id]) => !arrivals.has(id));
    const webhooksMissing = webhooksExpected > 0 ? webhooksExpected - webhooksOf(samples).length : 0;
    if ((waiting.length === 0 && webhooksMissing <= 0) || Date.now() > deadline)
      return { unscored: waiting.length, webhooksMissing: Math.max(0, webhooksMissing) };
    await sleep(100);
  }
}

function progressAtStop(samples: ReadonlyMap<string, Sample>): Progress {
  let scored = 0;
  let acked = 0;
  for (const [id, sample] of samples) {
    if (sample.ackAt === undefined) continue;
    acked += 1;
    if (arrivals.has(id)) scored += 1;
  }
  return { scoredAtStop: scored, unscored: acked - scored };
}

/** Sustained: all sent and accepted at the rate, nothing left over, p99 under the bound. */
function judge(
  rate: number,
  driven: Driven,
  failed: number,
  atStop: Progress,
  unscored: number,
  latency: Summary | undefined,
  webhook?: { readonly latency: Summary | undefined; readonly missing: number },
): { sustained: boolean; why: string } {
  const reasons: string[] = [];
  const achieved = driven.sent / driven.seconds;
  if (driven.skipped > 0)
    reasons.push(`${driven.skipped} events not sent (${MAX_IN_FLIGHT} sends in flight)`);
  if (achieved < 0.97 * rate) reasons.push(`sent ${formatRate(achieved, 'events')}`);
  if (failed > 0) reasons.push(`${failed} events not accepted`);
  if (unscored > 0) reasons.push(`${unscored} events not through after the wait`);
  if (atStop.unscored > rate * (SUSTAIN_P99_MS / 1000))
    reasons.push(`backlog of ${atStop.unscored} events when sending stopped`);
  if (!latency || latency.p99 > SUSTAIN_P99_MS) reasons.push(`p99 above ${SUSTAIN_P99_MS} ms`);
  if (webhook && webhook.missing > 0) reasons.push(`${webhook.missing} webhooks not received after the wait`);
  if (webhook?.latency && webhook.latency.p99 > SUSTAIN_WEBHOOK_P99_MS)
    reasons.push(`webhook p99 above ${SUSTAIN_WEBHOOK_P99_MS} ms`);
  return { sustained: reasons.length === 0, why: reasons.join('; ') };
}

interface Pipeline {
  readonly kafka: KafkaClient;
  readonly ingestUrl: string;
  readonly databaseUrl: string;
  readonly floorProducer: ReturnType<typeof createBatchingProducer>;
  readonly metrics: ServiceUrls;
  /** The processes whose CPU each run reports (PostgreSQL's backends count under `other`). */
  readonly cpu: Readonly<Record<string, number>>;
}

/** The pipeline at `rate` for `seconds`: 202 → score-changed readable, 202 → MQL webhook, and stages. */
async function runSubject(
  pipeline: Pipeline,
  label: string,
  rate: number,
  seconds: number,
  report = true,
): Promise<RunResult> {
  const samples = new Map<string, Sample>();
  let failed = 0;
  let firstFailure = '';
  const eventsFrom = await highWatermarks(pipeline.kafka, Topics.events);
  const metricsBefore = {
    scorer: await scrape(pipeline.metrics.scorer),
    threshold: await scrape(pipeline.metrics.threshold),
  };
  const startedAt = new Date();
  const meter = startCpuMeter(pipeline.cpu);
  const driven = await drive(rate, seconds, async (first, count) => {
    const events = [];
    const postedAt = nowMs();
    const ids: string[] = [];
    for (let n = first; n < first + count; n += 1) {
      const plan = planEvent(label, n, rate);
      ids.push(plan.id);
      samples.set(plan.id, { postedAt, mql: plan.mql });
      events.push({
        id: plan.id,
        type: 'web.page_viewed',
        subject: plan.subject,
        data: { url: 'https://example.com/pricing', path: '/pricing', title: 'Pricing' },
      });
    }
    try {
      const response = await fetch(pipeline.ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET_KEY}` },
        body: JSON.stringify(events),
      });
      const text = await response.text();
      const at = nowMs();
      const receipt = response.status === 202 ? (JSON.parse(text) as { accepted: number }) : undefined;
      if (receipt && receipt.accepted === count) {
        for (const id of ids) {
          const sample = samples.get(id);
          if (sample) sample.ackAt = at;
        }
      } else {
        failed += count;
        firstFailure ||= `HTTP ${response.status}: ${text.slice(0, 200)}`;
      }
    } catch (error) {
      failed += count;
      firstFailure ||= String(error);
    }
  });
  const cpu = formatCpuReport(meter.stop(), driven.sent, 'event');
  const atStop = progressAtStop(samples);
  let mqlExpected = 0;
  for (const sample of samples.values()) if (sample.ackAt !== undefined && sample.mql) mqlExpected += 1;
  const { unscored, webhooksMissing } = await drain(samples, 30_000 + 2_000 * seconds, mqlExpected);
  const metricsAfter = {
    scorer: await scrape(pipeline.metrics.scorer),
    threshold: await scrape(pipeline.metrics.threshold),
  };

  // Timestamps the path left behind, read once the run is over (so reading them costs the run nothing).
  const eventsTo = await highWatermarks(pipeline.kafka, Topics.events);
  const recordTimes = await createTimes(pipeline.kafka, Topics.events, eventsFrom, eventsTo);
  const db = new pg.Client({ connectionString: pipeline.databaseUrl });
  await db.connect();
  const processed = new Map<string, number>();
  const deliveries = new Map<string, { created: number; started: number | null }>();
  const deliveryStates = new Map<string, number>();
  try {
    const { rows } = await db.query<{ event_id: string; at: number }>(
      `SELECT event_id, (extract(epoch FROM processed_at) * 1000)::float8 AS at
       FROM processed_events WHERE workspace_id = $1 AND event_id LIKE $2`,
      [WORKSPACE, `lat-${label}-%`],
    );
    for (const row of rows) processed.set(row.event_id, row.at);
    const delivered = await db.query<{
      change: string;
      created: number;
      started: number | null;
      state: string;
    }>(
      `SELECT d.payload -> 'data' ->> 'scoreChangedId' AS change,
              d.status || CASE WHEN d.attempts > 1 THEN ' after ' || d.attempts || ' attempts' ELSE '' END AS state,
              (extract(epoch FROM d.created_at) * 1000)::float8 AS created,
              (extract(epoch FROM a.started_at) * 1000)::float8 AS started
       FROM webhook_deliveries d
       LEFT JOIN webhook_delivery_attempts a ON a.delivery_id = d.id AND a.attempt = 1
       WHERE d.workspace_id = $1 AND d.created_at >= $2`,
      [WORKSPACE, startedAt],
    );
    for (const row of delivered.rows) {
      deliveries.set(row.change, row);
      deliveryStates.set(row.state, (deliveryStates.get(row.state) ?? 0) + 1);
    }
  } catch (error) {
    write(`  (stage timestamps from PostgreSQL unavailable: ${String(error)})`);
  } finally {
    await db.end();
  }

  const toScored: number[] = [];
  const toWebhook: number[] = [];
  /** The run's work ends with its last arrival: the services' busy time is shared out over this window. */
  let lastArrival = startedAt.getTime();
  const stages = new Stages();
  for (const [id, sample] of samples) {
    const arrival = arrivals.get(id);
    if (sample.ackAt === undefined || !arrival) continue;
    toScored.push(arrival.receivedAt - sample.ackAt);
    lastArrival = Math.max(lastArrival, arrival.receivedAt);
    const record = recordTimes.get(id);
    const scorer = processed.get(id);
    stages.add('post → ingest receipt (event time)', sample.postedAt, arrival.eventTime);
    stages.add('ingest receipt → events record', arrival.eventTime, record);
    stages.add('events record → 202 here', record, sample.ackAt);
    stages.add('events record → scorer transaction', record, scorer);
    stages.add('scorer transaction → score-changed record', scorer, arrival.createTime);
    stages.add('events record → score-changed record', record, arrival.createTime);
    stages.add('score-changed record → reader', arrival.createTime, arrival.receivedAt);
  }
  // The webhooks, from the 202 of the view whose score change took its contact over the line.
  const received = webhooksOf(samples);
  for (const [changeId, webhook] of received) {
    const id = causeOf.get(changeId) ?? '';
    const sample = samples.get(id);
    const arrival = arrivals.get(id);
    if (sample?.ackAt === undefined || !arrival) continue;
    toWebhook.push(webhook.at - sample.ackAt);
    lastArrival = Math.max(lastArrival, webhook.at);
    const delivery = deliveries.get(changeId);
    stages.add('score-changed record → delivery enqueued', arrival.createTime, delivery?.created);
    stages.add('delivery enqueued → first attempt', delivery?.created, delivery?.started ?? undefined);
    stages.add('first attempt → webhook received', delivery?.started ?? undefined, webhook.at);
  }
  const latency = summarize(toScored);
  const webhookLatency = summarize(toWebhook);
  const verdict = judge(rate, driven, failed, atStop, unscored, latency, {
    latency: webhookLatency,
    missing: webhooksMissing,
  });
  if (report) {
    write(
      `  subject  pipeline 202→score-changed: ${toScored.length} events (${formatRate(driven.sent / driven.seconds, 'events')} sent, ` +
        `${failed} not accepted, ${atStop.unscored} not yet scored when sending stopped, ${unscored} not within the wait): ${percentiles(latency)}`,
    );
    if (firstFailure) write(`           first failure: ${firstFailure}`);
    write(
      `           202→MQL webhook: ${toWebhook.length} webhooks for ${mqlExpected} contacts that took 20 views${webhooksMissing > 0 ? ` (${webhooksMissing} missing after the wait)` : ''}: ${percentiles(webhookLatency)}`,
    );
    write('           stages (median, p99):');
    for (const line of stages.lines()) write(`             ${line}`);
    write(`           ${cpu} (while sending)`);
    const windowSeconds = (lastArrival - startedAt.getTime()) / 1000;
    for (const note of serviceNotes(metricsBefore, metricsAfter, windowSeconds)) write(`           ${note}`);
    const states = [...deliveryStates].map(([state, n]) => `${n} ${state}`).join(', ');
    if (deliveryStates.size !== 1 || !deliveryStates.has('delivered'))
      write(`           webhook deliveries enqueued in the run: ${states || 'none'}`);
    if (!verdict.sustained) write(`           not sustained: ${verdict.why}`);
  }
  for (const id of samples.keys()) {
    const changeId = arrivals.get(id)?.changeId;
    arrivals.delete(id);
    if (changeId === undefined) continue;
    causeOf.delete(changeId);
    webhooks.delete(changeId);
  }
  return { rate, latency, webhook: webhookLatency, drained: unscored === 0, ...verdict };
}

/** The floor at `rate` for `seconds`: produce → consume, PostgreSQL commit, produce → reader. */
async function runFloor(
  pipeline: Pipeline,
  label: string,
  rate: number,
  seconds: number,
): Promise<RunResult> {
  const samples = new Map<string, Sample>();
  let failed = 0;
  const inFrom = await highWatermarks(pipeline.kafka, FLOOR_IN);
  const meter = startCpuMeter(pipeline.cpu);
  const driven = await drive(rate, seconds, async (first, count) => {
    const postedAt = nowMs();
    const messages: ProducedMessage[] = [];
    for (let n = first; n < first + count; n += 1) {
      const plan = planEvent(label, n, rate);
      const id = `floor-${plan.id}`;
      samples.set(id, { postedAt, mql: false });
      // The events record ingest writes for such a view: key, value and headers of the same shape.
      messages.push({
        key: `${WORKSPACE}:${plan.subject}`,
        value: JSON.stringify({
          specversion: '1.0',
          id,
          source: '/v1/events',
          type: 'web.page_viewed',
          time: new Date().toISOString(),
          subject: plan.subject,
          workspace: WORKSPACE,
          datacontenttype: 'application/json',
          data: { url: 'https://example.com/pricing', path: '/pricing', title: 'Pricing' },
        }),
        headers: {
          [Headers.contentType]: 'application/cloudevents+json; charset=utf-8',
          [Headers.eventType]: 'web.page_viewed',
          [Headers.eventId]: id,
        },
      });
    }
    try {
      await pipeline.floorProducer.send(FLOOR_IN, messages);
      const at = nowMs();
      for (const message of messages) {
        const sample = samples.get(message.headers?.[Headers.eventId]?.toString() ?? '');
        if (sample) sample.ackAt = at;
      }
    } catch {
      failed += count;
    }
  });
  const cpu = formatCpuReport(meter.stop(), driven.sent, 'event');
  const atStop = progressAtStop(samples);
  const { unscored } = await drain(samples, 30_000 + 2_000 * seconds, 0);
  const inTimes = await createTimes(
    pipeline.kafka,
    FLOOR_IN,
    inFrom,
    await highWatermarks(pipeline.kafka, FLOOR_IN),
  );
  const toRead: number[] = [];
  const stages = new Stages();
  for (const [id, sample] of samples) {
    const arrival = arrivals.get(id);
    if (sample.ackAt === undefined || !arrival) continue;
    toRead.push(arrival.receivedAt - sample.ackAt);
    const record = inTimes.get(id);
    stages.add('in record → ack here', record, sample.ackAt);
    stages.add('in record → out record (consume, commit, produce)', record, arrival.createTime);
    stages.add('out record → reader', arrival.createTime, arrival.receivedAt);
  }
  for (const id of samples.keys()) arrivals.delete(id);
  const latency = summarize(toRead);
  const verdict = judge(rate, driven, failed, atStop, unscored, latency);
  write(
    `  floor    bare-consume-pg-produce ack→read back: ${toRead.length} events (${formatRate(driven.sent / driven.seconds, 'events')} sent, ${failed} failed, ${unscored} not within the wait): ${percentiles(latency)}`,
  );
  write('           stages (median, p99):');
  for (const line of stages.lines()) write(`             ${line}`);
  write(`           ${cpu} (while sending)`);
  return { rate, latency, drained: unscored === 0, ...verdict };
}

// ---------------------------------------------------------------------------------------------------
// The floor's consumer: a child process (as the scorer is one), same client, consumer and producer settings

async function runFloorStage(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  // As libs/service-kit connectKafkaInfrastructure makes the scorer's client (kafkajs defaults).
  const kafka = createKafkaClient({ brokers, clientId: 'leadscore-scorer', logger: silentLogger });
  await waitForKafkaReady(kafka);
  // The scorer's pool (4 per partition in flight + 4); one transaction per batch here.
  const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 16 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS floor_events (event_id text PRIMARY KEY, topic_partition int, record_offset bigint, processed_at timestamptz)',
  );
  // The scorer's producer (services/scorer/src/app/scorer.runtime.ts: lingerMs 1).
  const producer = createBatchingProducer(kafka, { lingerMs: 1 });
  await producer.connect();
  // The scorer's consumer: SCORER_PARTITIONS_CONCURRENTLY 3, SCORER_SESSION_TIMEOUT_MS 30000, no maxWaitTime.
  const consumer = createBatchConsumer(kafka, {
    groupId: FLOOR_GROUP,
    topics: [FLOOR_IN],
    fromBeginning: true,
    commitOffsets: false,
    partitionsConsumedConcurrently: 3,
    sessionTimeoutMs: 30_000,
    handler: async (batch) => {
      const ids = batch.messages.map((m) => m.headers[Headers.eventId] ?? `${batch.partition}:${m.offset}`);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO floor_events (event_id, topic_partition, record_offset, processed_at)
           SELECT e, $2, o, now() FROM UNNEST($1::text[], $3::bigint[]) AS t(e, o) ON CONFLICT DO NOTHING`,
          [ids, batch.partition, batch.messages.map((m) => m.offset)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await producer.send(
        FLOOR_OUT,
        batch.messages.map((m, i) => ({
          key: m.key,
          value: `{"id":${JSON.stringify(ids[i])},"padding":"${FLOOR_OUT_PADDING}"}`,
          headers: { [Headers.eventId]: ids[i] ?? '' },
        })),
      );
    },
  });
  await consumer.start();
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  await consumer.stop();
  await producer.disconnect();
  await pool.end();
}

async function startFloorStage(brokers: readonly string[], databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      BENCH_LATENCY_ROLE: 'floor-stage',
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
    });
    child.once('exit', (code) => reject(new Error(`the floor stage exited with code ${String(code)}`)));
  });
  return child;
}

// ---------------------------------------------------------------------------------------------------
// The run

async function runBench(): Promise<void> {
  let infrastructure: TestInfrastructure | undefined;
  let database: TestDatabase | undefined;
  let floorDatabase: TestDatabase | undefined;
  let receiver: WebhookReceiver | undefined;
  let scorer: TestScorer | undefined;
  const services: BuiltService[] = [];
  let floorStage: ChildProcess | undefined;
  let reader: BatchConsumer | undefined;
  let floorProducer: ReturnType<typeof createBatchingProducer> | undefined;
  try {
    infrastructure = await startTestInfrastructure();
    // @leadscore/testing's database and scorer helpers find the servers through these.
    process.env[TEST_ENV.kafkaBrokers] = infrastructure.kafka.brokers.join(',');
    process.env[TEST_ENV.databaseUrl] = infrastructure.postgres.url;
    const brokers = infrastructure.kafka.brokers;
    const kafka = createKafkaClient({ brokers, clientId: 'bench-latency', logger: silentLogger });
    await waitForKafkaReady(kafka);
    await ensureTopics(kafka, [
      ...TOPIC_DECLARATIONS,
      { name: FLOOR_IN, partitions: 6, config: {} },
      { name: FLOOR_OUT, partitions: 6, config: {} },
      { name: EMPTY_TOPIC, partitions: 6, config: {} },
    ]);
    database = await createTestDatabase('bench_latency');
    floorDatabase = await createTestDatabase('bench_latency_floor');

    // The schema (every service migrates; done once here first), and the CRM's subscription to stage changes.
    receiver = new WebhookReceiver(WEBHOOK_SECRET);
    receiver.respond = (call) => {
      const changeId = scoreChangeIdOf(call.body);
      if (changeId !== undefined) webhooks.set(changeId, { at: nowMs(), webhookId: call.webhookId });
      return { status: 204 };
    };
    await receiver.start();
    const dataSource = await openDatabase({ url: database.url, applicationName: 'bench-latency' });
    await webhookSubscriptionRepository.create(
      dataSource.manager,
      {
        id: 'bench-latency-crm',
        workspaceId: WORKSPACE,
        url: receiver.url,
        secrets: [WEBHOOK_SECRET],
        events: ['stage'],
        tiers: null,
        stages: null,
        enabled: true,
      },
      new Date(),
    );
    await dataSource.destroy();

    // The model, read by the scorer from the models topic (and recorded for threshold).
    const model = parseModel(MODEL, 'yaml', 'pricing.yaml', { workspace: WORKSPACE });
    const modelProducer = createBatchingProducer(kafka);
    await modelProducer.connect();
    await modelProducer.send(Topics.models, [
      { key: `${WORKSPACE}:${MODEL_ID}`, value: JSON.stringify(model) },
    ]);
    await modelProducer.disconnect();

    scorer = await startTestScorer({
      topics: {
        events: Topics.events,
        models: Topics.models,
        scoreChanges: Topics.scoreChanged,
        deadLetters: Topics.eventsDeadLetter,
      },
      databaseUrl: database.url,
      consumerGroup: 'bench-latency-scorer',
      // No archive here: a first-apply rescore would wait for one.
      env: { SCORER_RESCORE_ON_FIRST_APPLY: 'off', ...SERVICE_ENV },
    });
    services.push(scorer.service);
    await scorer.modelsApplied(1);
    const thresholdPort = await freePort();
    const threshold = startBuiltService('threshold', {
      HOST: '127.0.0.1',
      PORT: String(thresholdPort),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: database.url,
      THRESHOLD_CONSUMER_GROUP: 'bench-latency-threshold',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      ...SERVICE_ENV,
    });
    services.push(threshold);
    const ingestPort = await freePort();
    const ingest = startBuiltService('ingest', {
      HOST: '127.0.0.1',
      PORT: String(ingestPort),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: database.url,
      INGEST_RATE_LIMIT_EVENTS_PER_SECOND: '10000000',
      INGEST_RATE_LIMIT_BURST: '10000000',
      INGEST_WORKSPACES: JSON.stringify([
        {
          workspace: WORKSPACE,
          keys: [{ kind: 'secret', sha256: createHash('sha256').update(SECRET_KEY).digest('hex') }],
        },
      ]),
      ...SERVICE_ENV,
    });
    services.push(ingest);
    await Promise.all([waitForPort(thresholdPort), waitForPort(ingestPort)]);
    floorStage = await startFloorStage(brokers, floorDatabase.url);
    reader = await startReader(kafka);
    // The first produce of the floor: ingest's client and producer (services/ingest/src/main.ts).
    const ingestLikeKafka = createKafkaClient({
      brokers,
      clientId: 'leadscore-ingest',
      logger: silentLogger,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
      connectionTimeoutMs: 2_000,
    });
    floorProducer = createBatchingProducer(ingestLikeKafka, { lingerMs: 2 });
    await floorProducer.connect();
    const pipeline: Pipeline = {
      kafka,
      ingestUrl: `http://127.0.0.1:${ingestPort}/v1/events`,
      databaseUrl: database.url,
      floorProducer,
      metrics: { scorer: `${scorer.url}/metrics`, threshold: `http://127.0.0.1:${thresholdPort}/metrics` },
      cpu: {
        ingest: ingest.child.pid ?? -1,
        scorer: scorer.service.child.pid ?? -1,
        threshold: threshold.child.pid ?? -1,
        floor: floorStage.pid ?? -1,
        kafka: infrastructure.kafka.pid,
        bench: process.pid,
      },
    };

    write(
      `benchmark latency: ingest /v1/events → scorer → score-changed → threshold → MQL webhook; ${SECONDS} s per rate, a batch every ${TICK_MS} ms` +
        (Object.keys(SERVICE_ENV).length > 0 ? `; services with ${JSON.stringify(SERVICE_ENV)}` : ''),
    );
    // Warm-up (JIT, connections, group assignments settled), not reported.
    await runSubject(pipeline, `warm${randomBytes(2).toString('hex')}`, 200, WARM_UP_SECONDS, false);
    await runFloor(pipeline, 'warm', 200, WARM_UP_SECONDS);

    const fixed: { subject: RunResult; floor: RunResult }[] = [];
    for (const rate of RATES) {
      write(`rate ${formatRate(rate, 'events')} for ${SECONDS} s`);
      const floor = await runFloor(pipeline, `r${rate}`, rate, SECONDS);
      const subject = await runSubject(pipeline, `r${rate}`, rate, SECONDS);
      fixed.push({ subject, floor });
      if (subject.latency && floor.latency)
        write(
          `  context  pipeline-p99/floor-p99 at ${formatRate(rate, 'events')}: ${(subject.latency.p99 / floor.latency.p99).toFixed(2)} (target ≤ 2)`,
        );
    }

    // The highest rate sustained: up by half from the highest sustained fixed rate, or halving the gap
    // to the lowest that was not, a bounded number of steps.
    let low = Math.max(0, ...fixed.filter((r) => r.subject.sustained).map((r) => r.subject.rate));
    const failing = fixed
      .filter((r) => !r.subject.sustained && r.subject.rate > low)
      .map((r) => r.subject.rate);
    let high = failing.length > 0 ? Math.min(...failing) : undefined;
    let lowP99 = fixed.find((r) => r.subject.rate === low)?.subject.latency?.p99;
    const drained = fixed.every((r) => r.subject.drained);
    if (low > 0 && drained) {
      for (let step = 0; step < SEARCH_STEPS; step += 1) {
        const next = high === undefined ? Math.round(low * 1.5) : Math.round((low + high) / 2 / 100) * 100;
        if (next > MAX_RATE || next <= low || (high !== undefined && next >= high)) break;
        write(`search ${formatRate(next, 'events')} for ${STEP_SECONDS} s`);
        const result = await runSubject(pipeline, `s${next}`, next, STEP_SECONDS);
        if (result.sustained) {
          low = next;
          lowP99 = result.latency?.p99;
        } else high = next;
        if (!result.drained) break;
      }
    }

    write(
      'summary p50 / p95 / p99 (pipeline: 202 → score-changed readable; floor: ack → read back; webhook: 202 → MQL webhook)',
    );
    for (const { subject, floor } of fixed) {
      const s = subject.latency;
      const f = floor.latency;
      write(
        `  ${formatRate(subject.rate, 'events').padEnd(14)} pipeline ${s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : 'n/a'}` +
          `   floor ${f ? `${ms(f.p50)} / ${ms(f.p95)} / ${ms(f.p99)}` : 'n/a'}` +
          `   p99 ratio ${s && f ? (s.p99 / f.p99).toFixed(2) : 'n/a'}` +
          `   webhook ${subject.webhook ? `${ms(subject.webhook.p50)} / ${ms(subject.webhook.p95)} / ${ms(subject.webhook.p99)}` : 'n/a'}` +
          `${subject.sustained ? '' : '   (not sustained)'}`,
      );
    }
    write(
      low > 0
        ? `context  highest rate sustained: ${formatRate(low, 'events')} (p99 ${ms(lowP99 ?? NaN)} ≤ ${SUSTAIN_P99_MS} ms, webhook p99 ≤ ${SUSTAIN_WEBHOOK_P99_MS} ms, no backlog)` +
            (high === undefined ? '' : `; ${formatRate(high, 'events')} was not`)
        : `context  no rate sustained (p99 ≤ ${SUSTAIN_P99_MS} ms, webhook p99 ≤ ${SUSTAIN_WEBHOOK_P99_MS} ms, no backlog)`,
    );
    const ratios = fixed
      .filter((r) => r.subject.sustained || fixed.every((x) => !x.subject.sustained))
      .map((r) => (r.subject.latency?.p99 ?? NaN) / (r.floor.latency?.p99 ?? NaN));
    write(formatRatioLine('pipeline-p99', 'floor-p99', Math.max(...ratios)));
  } finally {
    await reader?.stop().catch(() => undefined);
    await floorProducer?.disconnect().catch(() => undefined);
    if (floorStage && floorStage.exitCode === null) {
      const exited = new Promise((resolve) => floorStage?.once('exit', resolve));
      floorStage.kill('SIGTERM');
      await exited;
    }
    await Promise.all(services.map((service) => service.stop()));
    await receiver?.stop();
    await database?.drop().catch(() => undefined);
    await floorDatabase?.drop().catch(() => undefined);
    await infrastructure?.stop();
  }
}

if (ROLE === 'floor-stage') await runFloorStage();
else await runBench();
