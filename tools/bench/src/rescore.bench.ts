// Retroactive rescoring (#29): 1M archived events over 100k contacts rescored under a new model version
// while live events keep flowing. Baseline (the floor): the pure engine (`replayContact` of
// @leadscore/scoring) replaying every contact's same events, grouped per contact and in order, under
// the new version, in this process. Subject: the built scorer's runtime (services/scorer/dist, loaded by
// path: tools may not import services) in this process, its rescore worker walking the archive of the
// built analytics service (its own process, embedded ClickHouse) from the queued rescore to `done`:
// pages of contacts read from the archive, each switched under the live path's locks, changes written
// and published. The ratio is the pure replay's time over the rescore's (the rescore's throughput as a
// share of the engine's alone). Also printed: the rescore's counts, and the produce→scored latency of
// live events (each awards points, so each yields a score change with cause `event`) in a window
// without a rescore and during the rescore, at the same rate.
// Run: npm run build && npm run bench:rescore -w @leadscore/bench
// (knobs: BENCH_EVENTS, BENCH_CONTACTS, BENCH_LIVE_RATE, BENCH_BASELINE_SECONDS, BENCH_TRANSITIONS_PER_SECOND;
// a quick run: BENCH_EVENTS=100000 BENCH_CONTACTS=10000)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseModel, type Rescore, type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  highWatermarks,
  silentLogger,
  waitForKafkaReady,
  type KafkaClient,
} from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { openDatabase, rescoreRepository, type DataSource } from '@leadscore/persistence';
import { replayContact, type ReplayEvent } from '@leadscore/scoring';
import {
  TEST_ENV,
  createArchivedTopics,
  createTestDatabase,
  makeTempDir,
  pollUntil,
  removeDir,
  startTestAnalytics,
  startTestInfrastructure,
  uniqueName,
  waitUntilConsumed,
  workspaceRoot,
  type TestAnalytics,
  type TestDatabase,
  type TestInfrastructure,
} from '@leadscore/testing';
import { formatRate, runBenchmark, type Measurement } from './benchmark.harness.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 100_000);
/** Live events per second, for the baseline window and the whole rescore. */
const LIVE_RATE = Number(process.env['BENCH_LIVE_RATE'] ?? 200);
/** The window of live traffic without a rescore, measured before the rescore is queued. */
const BASELINE_SECONDS = Number(process.env['BENCH_BASELINE_SECONDS'] ?? 10);
/** The rescore's pace of tier and stage transitions (as `leadscore model rescore --rate`). */
const TRANSITIONS_PER_SECOND = Number(process.env['BENCH_TRANSITIONS_PER_SECOND'] ?? 10_000);
const PARTITIONS = 6;
const WORKSPACE = 'bench';
const MODEL_ID = 'web';
/** History: one event a second per contact's turn, ending well before now (times in the past). */
const BASE_TIME = Date.UTC(2026, 0, 1);

/** What the bench uses of the built scorer (tools may not import services: loaded by path). */
interface ScorerRuntimeLike {
  readonly models: { modelsFor(workspace: string): readonly { id: string; version: number }[] };
  start(): Promise<void>;
  stop(): Promise<void>;
}
interface ScorerRuntimeModule {
  ScorerRuntime: new (options: Record<string, unknown>) => ScorerRuntimeLike;
}

const { ScorerRuntime } = (await import(
  pathToFileURL(join(workspaceRoot(), 'services/scorer/dist/app/scorer.runtime.js')).href
)) as ScorerRuntimeModule;

const modelOf = (version: number, points: { click: number; page: number; form: number }): ScoringModel =>
  parseModel(
    `id: ${MODEL_ID}
version: ${version}
name: Web engagement
engagement:
  - { id: clicks, event: email.clicked, points: ${points.click} }
  - { id: pages, event: web.page_viewed, points: ${points.page} }
  - { id: forms, event: web.form_submitted, points: ${points.form} }
tiers: { warm: 20, hot: 50 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 40, exit: 30 }
`,
    'yaml',
    'web.yaml',
    { workspace: WORKSPACE },
  );
const V1 = modelOf(1, { click: 5, page: 1, form: 10 });
/** Changed points: nearly every contact's total moves, many cross a tier or the MQL line. */
const V2 = modelOf(2, { click: 8, page: 2, form: 15 });

const TYPES = ['email.clicked', 'web.page_viewed', 'web.page_viewed', 'web.form_submitted'] as const;
const DATA: Record<(typeof TYPES)[number], Record<string, unknown>> = {
  'email.clicked': { message_id: 'm1', url: 'https://example.com/offer' },
  'web.page_viewed': { url: 'https://example.com/pricing', path: '/pricing' },
  'web.form_submitted': { form_id: 'demo' },
};
const subjectOf = (contact: number) => `user:c${contact}`;
/** Event i of the history: contact i % CONTACTS, so each contact's events are in order of i (and of time). */
interface BenchEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly time: number;
  readonly subject: string;
}
function historyEvent(i: number): BenchEvent {
  const contact = i % CONTACTS;
  const type = TYPES[(contact + Math.floor(i / CONTACTS)) % TYPES.length] ?? 'email.clicked';
  return {
    id: `h-${i}`,
    source: '/bench',
    type,
    data: DATA[type],
    time: BASE_TIME + i * 1_000,
    subject: subjectOf(contact),
  };
}
const messageOf = (event: BenchEvent) => ({
  key: `${WORKSPACE}:${event.subject}`,
  value: JSON.stringify({
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.type,
    time: new Date(event.time).toISOString(),
    subject: event.subject,
    workspace: WORKSPACE,
    data: event.data,
  }),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (from: number) => (performance.now() - from) / 1000;
const write = (line: string) => void process.stdout.write(`${line}\n`);

/** Sends `count` messages in requests of 1,000, a few in flight. */
async function produceHistory(kafka: KafkaClient, topic: string): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  try {
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < EVENTS; i += 1_000) {
      const messages = Array.from({ length: Math.min(1_000, EVENTS - i) }, (_, j) =>
        messageOf(historyEvent(i + j)),
      );
      const sent: Promise<void> = producer.send(topic, messages).then(() => void inFlight.delete(sent));
      inFlight.add(sent);
      if (inFlight.size >= 8) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
}

interface Latencies {
  sent: number;
  readonly ms: number[];
}
function percentileOf(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
function latencyLine(label: string, { sent, ms }: Latencies, windowSeconds: number): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => `${percentileOf(sorted, p).toFixed(0)} ms`;
  const missing = sent - ms.length;
  return (
    `live ${label}: ${sent} events in ${windowSeconds.toFixed(1)} s (${formatRate(sent / windowSeconds, 'events')}), ` +
    `produce→scored p50 ${at(50)}, p95 ${at(95)}, p99 ${at(99)}, max ${at(100)}` +
    (missing > 0 ? `; ${missing} not scored within the wait` : '')
  );
}

/**
 * Live traffic: email clicks (each awards points, so each yields a change with cause `event`) for random
 * existing contacts at LIVE_RATE, and the score-changed topic read from its end to match each change to
 * its event. `phase` labels the events sent from now on.
 */
async function startLiveTraffic(kafka: KafkaClient, eventsTopic: string, scoreChangedTopic: string) {
  const sentAt = new Map<string, { at: number; phase: string }>();
  const phases = new Map<string, Latencies>();
  let phase = 'warm-up';
  let serial = 0;
  const reader = createBatchConsumer(kafka, {
    groupId: uniqueName('bench-rescore-live'),
    topics: [scoreChangedTopic],
    commitOffsets: false,
    maxWaitTimeMs: 20,
    // From the end as it is when the reader joins: the history's changes are of no interest.
    onPartitionsAssigned: async () => {
      const highs = await highWatermarks(kafka, scoreChangedTopic);
      assigned();
      return highs;
    },
    handler: (batch) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const text = message.value?.toString('utf8') ?? '';
        if (!text.includes('"live-')) continue;
        const change = JSON.parse(text) as ScoreChangedEvent;
        const cause = change.data.cause as { type: string; eventId?: string };
        if (cause.type !== 'event' || cause.eventId === undefined) continue;
        const sent = sentAt.get(cause.eventId);
        if (!sent) continue;
        sentAt.delete(cause.eventId);
        phases.get(sent.phase)?.ms.push(now - sent.at);
      }
      return Promise.resolve();
    },
  });
  let assigned!: () => void;
  const joined = new Promise<void>((resolve) => (assigned = resolve));
  await reader.start();
  await joined;
  const producer = createBatchingProducer(kafka, { lingerMs: 1 });
  await producer.connect();
  const started = performance.now();
  const failures: unknown[] = [];
  const pending = new Set<Promise<void>>();
  let due = 0;
  let stopped = false;
  const timer = setInterval(() => {
    const target = Math.floor(((performance.now() - started) / 1000) * LIVE_RATE);
    const messages = [];
    for (; due < target; due += 1) {
      serial += 1;
      const id = `live-${serial}`;
      const contact = Math.floor(Math.random() * Math.min(CONTACTS, EVENTS));
      messages.push(
        messageOf({
          id,
          source: '/bench-live',
          type: 'email.clicked',
          data: DATA['email.clicked'],
          time: Date.now(),
          subject: subjectOf(contact),
        }),
      );
      sentAt.set(id, { at: performance.now(), phase });
      const counted = phases.get(phase);
      if (counted) counted.sent += 1;
    }
    if (messages.length === 0) return;
    const sent: Promise<void> = producer
      .send(eventsTopic, messages)
      .catch((error: unknown) => void failures.push(error))
      .then(() => void pending.delete(sent));
    pending.add(sent);
  }, 10);
  return {
    /** Labels events sent from now on; returns the latencies collected under the label. */
    phase(label: string): Latencies {
      phase = label;
      const latencies: Latencies = { sent: 0, ms: [] };
      phases.set(label, latencies);
      return latencies;
    },
    latencies: (label: string): Latencies => phases.get(label) ?? { sent: 0, ms: [] },
    /** Stops sending, waits up to `waitMs` for the changes of what was sent, stops reading. */
    async stop(waitMs: number): Promise<void> {
      if (stopped) return;
      stopped = true;
      phase = 'after';
      clearInterval(timer);
      await Promise.all(pending);
      await producer.disconnect();
      const deadline = Date.now() + waitMs;
      while (
        [...sentAt.values()].some((s) => s.phase !== 'warm-up' && s.phase !== 'after') &&
        Date.now() < deadline
      )
        await sleep(100);
      await reader.stop();
      if (failures.length > 0) throw new Error(`live sends failed: ${String(failures[0])}`);
    },
  };
}

/** Where the rescore's time went, from the scorer's own metrics (leadscore_scorer_rescore_stage_duration_seconds). */
async function switchesNote(registry: { metrics(): Promise<string> }): Promise<string> {
  const text = await registry.metrics();
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((n, m) => n + Number(m[1]), 0);
  const stage = (name: string, part: 'sum' | 'count') =>
    sum(
      new RegExp(
        `^leadscore_scorer_rescore_stage_duration_seconds_${part}\\{[^}]*stage="${name}"[^}]*\\} (\\S+)$`,
        'gm',
      ),
    );
  const switches = stage('switch', 'count');
  const inSwitches = stage('switch', 'sum');
  const dirty = sum(/^leadscore_scorer_rescore_contacts_total\{[^}]*result="dirty"[^}]*\} (\S+)$/gm);
  const stages = ['read', 'switch', 'publish', 'pace']
    .map((name) => `${name} ${stage(name, 'sum').toFixed(1)} s`)
    .join(', ');
  return (
    `${switches} switch transactions, ${inSwitches.toFixed(1)} s in them (mean ${((1000 * inSwitches) / switches).toFixed(1)} ms: ` +
    `how long the live path may wait on a chunk's contacts); ${dirty} deferrals of a contact a live event reached after its page's bound (switched later from a fresh read); ` +
    `time by stage: ${stages}`
  );
}

let infrastructure: TestInfrastructure | undefined;
let database: TestDatabase | undefined;
let dataSource: DataSource | undefined;
let analytics: TestAnalytics | undefined;
let archiveDir: string | undefined;
let runtime: ScorerRuntimeLike | undefined;
let live: Awaited<ReturnType<typeof startLiveTraffic>> | undefined;
try {
  infrastructure = await startTestInfrastructure();
  // @leadscore/testing's analytics, topic and database helpers find the servers through these.
  process.env[TEST_ENV.kafkaBrokers] = infrastructure.kafka.brokers.join(',');
  process.env[TEST_ENV.databaseUrl] = infrastructure.postgres.url;
  const kafka = createKafkaClient({
    brokers: infrastructure.kafka.brokers,
    clientId: 'bench-rescore',
    logger: silentLogger,
  });
  await waitForKafkaReady(kafka);
  database = await createTestDatabase('bench_rescore');
  const partitionsConcurrently = 3;
  dataSource = await openDatabase({ url: database.url, poolSize: 4 * partitionsConcurrently + 4 });
  const archived = await createArchivedTopics('bench-rescore', {
    events: PARTITIONS,
    scoreChanges: PARTITIONS,
    lifecycleChanges: 1,
    deadLetters: 1,
  });
  const topics = {
    events: archived.events,
    models: uniqueName('bench-rescore.models'),
    scoreChanged: archived.scoreChanges,
    deadLetter: archived.deadLetters,
  };
  await ensureTopics(kafka, [
    { name: topics.models, partitions: 1, config: { 'cleanup.policy': 'compact' } },
  ]);
  const publishModel = async (model: ScoringModel) => {
    const producer = createBatchingProducer(kafka);
    await producer.connect();
    await producer.send(topics.models, [
      { key: `${model.workspace}:${model.id}`, value: JSON.stringify(model) },
    ]);
    await producer.disconnect();
  };
  await publishModel(V1);
  archiveDir = makeTempDir('bench-rescore-archive');
  analytics = await startTestAnalytics({
    topics: archived,
    dataPath: archiveDir,
    database: 'bench_rescore_archive',
    consumerGroup: 'bench-rescore-archive',
  });
  const group = 'bench-rescore-scorer';
  const registry = createMetricsRegistry({ service: 'scorer' });
  const scorer = new ScorerRuntime({
    kafka,
    dataSource,
    logger: createLogger({ service: 'scorer', level: 'error' }),
    registry,
    consumerGroup: group,
    topics,
    analyticsUrl: analytics.url,
    partitionsConsumedConcurrently: partitionsConcurrently,
    // The service's own page and switch sizes and lease; only the idle poll is shorter, so the queued
    // rescore is claimed at once rather than up to 2 s later.
    rescore: {
      idlePollMs: 100,
      ...(process.env['BENCH_PAGE_CONTACTS']
        ? { pageContacts: Number(process.env['BENCH_PAGE_CONTACTS']) }
        : {}),
    },
  });
  runtime = scorer;
  await scorer.start();
  const modelInForce = (version: number) =>
    pollUntil(
      () => Promise.resolve(scorer.models.modelsFor(WORKSPACE).find((m) => m.id === MODEL_ID)?.version),
      (v) => v === version,
      { withinMs: 60_000, waitingFor: `model version ${version} in force` },
    );
  await modelInForce(1);

  // Loading (not part of the ratio): the history produced, scored live under v1 and archived.
  const loadStarted = performance.now();
  await produceHistory(kafka, topics.events);
  const produced = seconds(loadStarted);
  await waitUntilConsumed(kafka, dataSource.manager, group, topics.events, 3_600_000);
  const scored = seconds(loadStarted);
  await analytics.waitUntilArchived(3_600_000);
  const contacts = Math.min(CONTACTS, EVENTS);
  write(
    `loaded ${EVENTS} events over ${contacts} contacts in ${seconds(loadStarted).toFixed(1)} s ` +
      `(produced ${produced.toFixed(1)} s, scored under v1 ${scored.toFixed(1)} s, archived ${seconds(loadStarted).toFixed(1)} s)`,
  );

  let pureReplaySeconds = NaN;
  await runBenchmark({
    name: `rescore: ${EVENTS} archived events over ${contacts} contacts under v2, ${LIVE_RATE} live events/s`,
    units: 'events',
    baseline: {
      name: 'pure-replay',
      run: (): Promise<Measurement> => {
        // Inputs built before the clock: every contact's events, in order.
        const perContact: ReplayEvent[][] = Array.from({ length: contacts }, () => []);
        for (let i = 0; i < EVENTS; i += 1) {
          const { subject: _subject, ...event } = historyEvent(i);
          perContact[i % CONTACTS]?.push(event);
        }
        let changes = 0;
        const started = performance.now();
        for (const events of perContact) changes += replayContact(V2, events).changes.length;
        const measured = { count: EVENTS, seconds: seconds(started) };
        pureReplaySeconds = measured.seconds;
        return Promise.resolve({
          ...measured,
          notes: [
            `${formatRate(contacts / measured.seconds, 'contacts')}; ${changes} score changes on the way (all in memory)`,
          ],
        });
      },
    },
    subject: {
      name: 'scorer-rescore',
      run: async (): Promise<Measurement> => {
        await publishModel(V2);
        await modelInForce(2);
        let baselineSeconds = 0;
        if (LIVE_RATE > 0) {
          live = await startLiveTraffic(kafka, topics.events, topics.scoreChanged);
          // A second of warm-up, then the window without a rescore at the same rate.
          await sleep(1_000);
          live.phase('baseline');
          const baselineStarted = performance.now();
          await sleep(BASELINE_SECONDS * 1_000);
          baselineSeconds = seconds(baselineStarted);
          live.phase('during');
        }
        const started = performance.now();
        const queued = await rescoreRepository.create(
          dataSource!.manager,
          {
            workspaceId: WORKSPACE,
            modelId: MODEL_ID,
            version: 2,
            dryRun: false,
            reason: 'requested',
            transitionsPerSecond: TRANSITIONS_PER_SECOND,
          },
          new Date(),
        );
        if (!queued) throw new Error('a rescore is already active');
        const { value: done } = await pollUntil(
          async (): Promise<Rescore> => {
            const rescore = await rescoreRepository.find(dataSource!.manager, WORKSPACE, queued.id);
            if (!rescore) throw new Error(`no rescore ${queued.id}`);
            return rescore;
          },
          (rescore) => !['queued', 'running'].includes(rescore.status),
          { withinMs: 3_600_000, everyMs: 50, waitingFor: `rescore ${queued.id} to finish` },
        );
        const rescoreSeconds = seconds(started);
        await live?.stop(30_000);
        if (done.status !== 'done') throw new Error(`rescore ${done.status}: ${done.error ?? ''}`);
        const c = done.counts;
        return {
          count: EVENTS,
          seconds: rescoreSeconds,
          notes: [
            `${done.progress.contacts} of ${done.progress.total ?? '?'} contacts = ${formatRate(done.progress.contacts / rescoreSeconds, 'contacts')}; ` +
              `replayed ${c.replayedEvents} events (the history and the live ones archived by then)`,
            `changed contacts ${c.changedContacts}, unchanged ${c.unchangedContacts}, skipped ${c.skippedContacts}; ` +
              `score changes ${c.scoreChanges}; tier transitions ${c.tierTransitions}, stage transitions ${c.stageTransitions} ` +
              `(paced at ${TRANSITIONS_PER_SECOND}/s)`,
            await switchesNote(registry),
            ...(live
              ? [
                  latencyLine('without rescore', live.latencies('baseline'), baselineSeconds),
                  latencyLine('during rescore ', live.latencies('during'), rescoreSeconds),
                ]
              : ['live traffic off (BENCH_LIVE_RATE=0)']),
            `pure replay ${pureReplaySeconds.toFixed(3)} s / rescore ${rescoreSeconds.toFixed(3)} s = ${(pureReplaySeconds / rescoreSeconds).toFixed(4)}: ` +
              `the rescore runs at ${((100 * pureReplaySeconds) / rescoreSeconds).toFixed(2)} % of the pure engine's throughput`,
          ],
        };
      },
    },
  });
} finally {
  await live?.stop(0).catch(() => undefined);
  await runtime?.stop().catch((error: unknown) => write(`stopping the scorer: ${String(error)}`));
  await analytics?.service.stop().catch((error: unknown) => write(`stopping analytics: ${String(error)}`));
  await dataSource?.destroy().catch(() => undefined);
  await database?.drop().catch(() => undefined);
  if (archiveDir) removeDir(archiveDir);
  await infrastructure?.stop();
}
