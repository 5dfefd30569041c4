import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type CanonicalEvent, type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import { ensureTopics, highWatermarks, type KafkaClient } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import {
  consumerOffsetRepository,
  contactAliasRepository,
  openDatabase,
  type DataSource,
} from '@leadscore/persistence';
import { replayContact, scoreAt, type ContactScoreState, type ReplayEvent } from '@leadscore/scoring';
import {
  createArchivedTopics,
  createTestDatabase,
  freePort,
  makeTempDir,
  removeDir,
  startBuiltService,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueName,
  type ArchivedTopics,
  type TestAnalytics,
  type TestDatabase,
} from '@leadscore/testing';
import { ScorerRuntime } from '../src/app/scorer.runtime.js';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import { produceEvents, publishModel, readTopic, testKafka, waitUntilConsumed } from './scorer-harness.js';

// Identity stitching on real Kafka, PostgreSQL and the archive (the built analytics service): anonymous
// visitors merged into known contacts while both keep sending events on different partitions; then a
// built scorer killed with SIGKILL in the middle of merges. The model's points do not depend on the
// order events are applied in (no decay, no windows: once-only and lifetime limits), so the survivor's
// scores after a merge must equal scoring every event of both identities once, from scratch.
jest.setTimeout(300_000);

const workspace = uniqueName('merge');
const model: ScoringModel = {
  id: 'stitched',
  version: 1,
  workspace,
  name: 'Stitched identities',
  fit: [{ id: 'pro-plan', field: 'plan', operator: 'equals', value: 'pro', points: 20 }],
  engagement: [
    {
      id: 'pricing-once',
      event: 'web.page_viewed',
      filters: [{ field: 'path', operator: 'equals', value: '/pricing' }],
      points: 25,
      limits: { once: true },
    },
    { id: 'pages', event: 'web.page_viewed', points: 2, limits: { lifetime: 6 } },
    { id: 'clicks', event: 'email.clicked', points: 5 },
  ],
};

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let archived: ArchivedTopics;
let topics: ScorerTopics;
let analytics: TestAnalytics | undefined;
let dataDir: string;
const logger = createLogger({ service: 'scorer', level: 'warn' });

const BASE = Date.UTC(2026, 5, 1);
let clock = 0;
let serial = 0;
function event(subject: string, type: string, data: Record<string, unknown>): CanonicalEvent {
  clock += 60_000;
  serial += 1;
  return {
    specversion: '1.0',
    id: `e-${serial}`,
    source: '/test',
    type,
    time: new Date(BASE + clock).toISOString(),
    subject,
    workspace,
    data,
  } as CanonicalEvent;
}
const view = (subject: string, path: string) =>
  event(subject, 'web.page_viewed', { url: `https://x.io${path}`, path });
const click = (subject: string) => event(subject, 'email.clicked', { message_id: 'm1', url: 'https://x.io' });
const identify = (subject: string, plan: string) =>
  event(subject, 'contact.identified', { identities: {}, traits: { plan } });
const merge = (survivor: string, mergedAway: string) =>
  event(survivor, 'contact.merged', { merged_subject: mergedAway });

interface Pair {
  readonly anonymous: string;
  readonly known: string;
}
const pairsOf = (prefix: string, count: number): Pair[] =>
  Array.from({ length: count }, (_, i) => ({
    anonymous: `anon:${prefix}-${i}`,
    known: `email:${prefix}-${i}@example.com`,
  }));

/** Before the merge: both identities active, the once-only pricing view under both. */
const before = (pair: Pair, i: number): CanonicalEvent[] => [
  view(pair.anonymous, '/pricing'),
  view(pair.anonymous, '/blog'),
  click(pair.anonymous),
  identify(pair.known, i % 2 === 0 ? 'pro' : 'free'),
  view(pair.known, '/pricing'),
  click(pair.known),
];
/** Racing the merge: more of both, some of it arriving under the merged-away identity after the merge. */
const racing = (pair: Pair): CanonicalEvent[] => [
  view(pair.anonymous, '/docs'),
  merge(pair.known, pair.anonymous),
  click(pair.anonymous),
  view(pair.anonymous, '/pricing'),
  view(pair.known, '/about'),
  view(pair.anonymous, '/careers'),
];

async function rowsOf(): Promise<Map<string, { state: ContactScoreState; sequence: number }>> {
  const rows = await dataSource.query<{ contact_id: string; state: ContactScoreState; sequence: string }[]>(
    'SELECT contact_id, state, sequence::text FROM contact_scores WHERE workspace_id = $1 AND model_id = $2',
    [workspace, model.id],
  );
  return new Map(rows.map((row) => [row.contact_id, { state: row.state, sequence: Number(row.sequence) }]));
}

/** Every event of both identities once, scored from scratch under the survivor. */
function fromScratch(events: readonly CanonicalEvent[], pair: Pair): ContactScoreState {
  const stitched: ReplayEvent[] = events
    .filter((e) => (e.subject === pair.anonymous || e.subject === pair.known) && e.type !== 'contact.merged')
    .map((e) => ({ id: e.id, source: e.source, type: e.type, data: e.data, time: Date.parse(e.time) }));
  const { state } = replayContact(model, stitched);
  if (!state) throw new Error(`no events for ${pair.known}`);
  return state;
}

async function expectStitched(events: readonly CanonicalEvent[], pairs: readonly Pair[]): Promise<void> {
  const rows = await rowsOf();
  const later = BASE + clock + 86_400_000;
  for (const pair of pairs) {
    const survivor = rows.get(pair.known);
    const mergedAway = rows.get(pair.anonymous);
    expect(survivor).toBeDefined();
    const expected = scoreAt(model, fromScratch(events, pair), later);
    expect({ contact: pair.known, ...scoreAt(model, survivor!.state, later) }).toEqual({
      contact: pair.known,
      ...expected,
    });
    // Counted once: the once-only rule, the lifetime limit and every click.
    expect(survivor!.state.counters['pricing-once']?.lifetime).toBe(1);
    if (mergedAway) expect(scoreAt(model, mergedAway.state, later).total).toBe(0);
  }
  const aliases = await contactAliasRepository.mergedInto(dataSource.manager, {
    workspaceId: workspace,
    contactId: pairs[0]!.known,
  });
  expect(aliases.map((alias) => [alias.alias, alias.completedAt !== null])).toEqual([
    [pairs[0]!.anonymous, true],
  ]);
}

beforeAll(async () => {
  database = await createTestDatabase('merge');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('merge-test');
  archived = await createArchivedTopics('merge', {
    events: 3,
    scoreChanges: 3,
    lifecycleChanges: 1,
    deadLetters: 1,
  });
  topics = {
    events: archived.events,
    models: uniqueName('merge.models'),
    scoreChanged: archived.scoreChanges,
    deadLetter: archived.deadLetters,
  };
  await ensureTopics(kafka, [
    { name: topics.models, partitions: 1, config: { 'cleanup.policy': 'compact' } },
  ]);
  await publishModel(kafka, topics.models, model);
  dataDir = makeTempDir('merge-archive');
});

afterAll(async () => {
  await analytics?.service.stop();
  await dataSource?.destroy();
  await database?.drop();
  if (dataDir) removeDir(dataDir);
});

async function startAnalytics(port?: number): Promise<TestAnalytics> {
  return startTestAnalytics({
    topics: archived,
    dataPath: dataDir,
    database: 'merge_archive',
    consumerGroup: 'merge-archive',
    ...(port === undefined ? {} : { port }),
  });
}

describe('identity stitching (real Kafka, PostgreSQL and the archive)', () => {
  const group = uniqueName('merge-scorer');
  const pairs = pairsOf('v', 12);
  // A visitor who identified before any of its events counted: nothing to replay.
  const fresh: Pair = { anonymous: 'anon:fresh', known: 'email:fresh@example.com' };
  const events = [
    ...pairs.flatMap(before),
    ...pairs.flatMap(racing),
    identify(fresh.known, 'pro'),
    merge(fresh.known, fresh.anonymous),
  ];

  it('re-derives each survivor as if every event of both identities had arrived under it, with merges racing events on other partitions', async () => {
    analytics = await startAnalytics();
    const scorer = new ScorerRuntime({
      kafka,
      dataSource,
      logger,
      registry: createMetricsRegistry({ service: 'scorer' }),
      consumerGroup: group,
      topics,
      analyticsUrl: analytics.url,
      partitionsConsumedConcurrently: 3,
    });
    await scorer.start();
    try {
      await produceEvents(kafka, topics.events, events);
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
      // Forwarded events went back onto the topic: wait for those too.
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
    } finally {
      await scorer.stop();
    }
    await expectStitched(events, pairs);
    const [freshAlias] = await contactAliasRepository.mergedInto(dataSource.manager, {
      workspaceId: workspace,
      contactId: fresh.known,
    });
    expect([freshAlias?.alias, freshAlias?.completedAt !== null]).toEqual([fresh.anonymous, true]);
    // Different partitions: the test would prove little if every pair shared one.
    const answer = (await (
      await fetch(
        `${analytics.url}/internal/v1/workspaces/${workspace}/replay-events?${pairs
          .flatMap((p) => [p.anonymous, p.known])
          .map((c) => `contact=${encodeURIComponent(c)}`)
          .join('&')}`,
      )
    ).json()) as { events: { contact: string; partition: number }[] };
    const partitionOf = new Map(answer.events.map((e) => [e.contact, e.partition]));
    expect(
      pairs.filter((p) => partitionOf.get(p.anonymous) !== partitionOf.get(p.known)).length,
    ).toBeGreaterThan(0);
  });

  it('publishes the survivor’s change with cause merge and the merged-away contact’s last change, once each', async () => {
    const changes = (await readTopic(kafka, topics.scoreChanged, 10_000, 8_000)).map(
      (record) => JSON.parse(record.value?.toString('utf8') ?? '') as ScoreChangedEvent,
    );
    // The fresh visitor's merge changed nothing that shows: no merge change for its survivor.
    expect(changes.filter((c) => c.subject === fresh.known && c.data.cause.type === 'merge')).toEqual([]);
    for (const pair of pairs.slice(0, 4)) {
      const survivorMerges = changes.filter((c) => c.subject === pair.known && c.data.cause.type === 'merge');
      expect(survivorMerges.map((c) => c.data.cause)).toEqual([
        { type: 'merge', mergedSubject: pair.anonymous },
      ]);
      const ended = changes.filter((c) => c.subject === pair.anonymous && c.data.cause.type === 'merge');
      expect(ended.map((c) => [c.data.cause, c.data.current.total])).toEqual([
        [{ type: 'merge', survivor: pair.known }, 0],
      ]);
      // Gapless per contact, each sequence once.
      for (const contact of [pair.known, pair.anonymous]) {
        const sequences = changes.filter((c) => c.subject === contact).map((c) => c.data.sequence);
        expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
      }
    }
  });

  it('resumes a merge the scorer was killed in (kill -9 while it waits for the archive), losing and repeating nothing', async () => {
    const crashGroup = uniqueName('merge-crash');
    const crashPairs = pairsOf('k', 6);
    const analyticsPort = analytics!.url.split(':').pop()!;
    await analytics!.service.stop();
    analytics = undefined;
    const start = async () => {
      return startBuiltService('scorer', {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        DATABASE_URL: database.url,
        SCORER_CONSUMER_GROUP: crashGroup,
        SCORER_EVENTS_TOPIC: topics.events,
        SCORER_MODELS_TOPIC: topics.models,
        SCORER_SCORE_CHANGED_TOPIC: topics.scoreChanged,
        SCORER_DEAD_LETTER_TOPIC: topics.deadLetter,
        SCORER_ANALYTICS_URL: `http://127.0.0.1:${analyticsPort}`,
        SCORER_SESSION_TIMEOUT_MS: '6000',
      });
    };
    // This group starts where the topic ends now (the first scenario's records are not its business):
    // its positions are stored in PostgreSQL, as a scorer's are.
    const highs = await highWatermarks(kafka, topics.events);
    await consumerOffsetRepository.save(
      dataSource.manager,
      crashGroup,
      topics.events,
      [...highs].map(([partition, nextOffset]) => ({ partition, nextOffset })),
    );
    const crashEvents = [...crashPairs.flatMap(before), ...crashPairs.flatMap(racing)];
    let scorer = await start();
    await produceEvents(kafka, topics.events, crashEvents);
    // With the archive down, merges take effect (step 1) and then wait: kill the scorer there.
    const begun = async () =>
      (
        await dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM contact_aliases WHERE workspace_id = $1 AND alias LIKE $2 AND completed_at IS NULL',
          [workspace, 'anon:k-%'],
        )
      )[0]?.n ?? 0;
    const deadline = Date.now() + 120_000;
    while ((await begun()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await begun()).toBeGreaterThan(0);
    scorer.child.kill('SIGKILL');
    await scorer.exited;
    const aliasedAtKill = new Set(
      (
        await dataSource.query<{ alias: string }[]>(
          'SELECT alias FROM contact_aliases WHERE workspace_id = $1 AND alias LIKE $2',
          [workspace, 'anon:k-%'],
        )
      ).map((row) => row.alias),
    );
    // More events for the merged-away identities while no scorer runs: forwarded after the restart.
    const late = crashPairs.map((pair) => click(pair.anonymous));
    await produceEvents(kafka, topics.events, late);
    analytics = await startAnalytics(Number(analyticsPort));
    scorer = await start();
    try {
      await waitUntilConsumed(kafka, dataSource, crashGroup, topics.events);
      await waitUntilConsumed(kafka, dataSource, crashGroup, topics.events);
    } finally {
      await scorer.stop();
    }
    expect(await begun()).toBe(0);
    await expectStitched([...crashEvents, ...late], crashPairs);
    // The late clicks of contacts already merged away went on to their survivors as forwarded events,
    // each once (a merge that had not begun before the kill may have found its click already scored).
    const forwarded = await dataSource.query<{ payload: string }[]>(
      `SELECT payload::text AS payload FROM outbox WHERE event_id LIKE 'forward:%'`,
    );
    const forwardedIds = forwarded.map((row) => (JSON.parse(row.payload) as CanonicalEvent).id);
    const timesForwarded = (e: CanonicalEvent) => forwardedIds.filter((id) => id === e.id).length;
    expect(late.filter((e) => aliasedAtKill.has(e.subject)).map(timesForwarded)).toEqual(
      late.filter((e) => aliasedAtKill.has(e.subject)).map(() => 1),
    );
    expect(Math.max(...late.map(timesForwarded))).toBeLessThanOrEqual(1);
  });
});
