import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  parseModel,
  type CanonicalEvent,
  type Rescore,
  type ScoreChangedEvent,
  type ScoringModel,
} from '@leadscore/contracts';
import { ensureTopics, type KafkaClient } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { openDatabase, rescoreRepository, type DataSource } from '@leadscore/persistence';
import { replayContact, scoreAt, type ContactScoreState } from '@leadscore/scoring';
import {
  createArchivedTopics,
  createTestDatabase,
  freePort,
  makeTempDir,
  pollUntil,
  removeDir,
  startBuiltService,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueName,
  type ArchivedTopics,
  type BuiltService,
  type TestAnalytics,
  type TestDatabase,
} from '@leadscore/testing';
import { ScorerRuntime } from '../src/app/scorer.runtime.js';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import { produceEvents, publishModel, readTopic, testKafka, waitUntilConsumed } from './scorer-harness.js';

// Retroactive rescoring on real Kafka, PostgreSQL and the archive (the built analytics service): a model
// changed after its contacts' history was scored, the history replayed under the new version while new
// events keep arriving, then a built scorer killed with SIGKILL in the middle of a rescore. The model has
// no decay, windows or order-dependent rules, so a contact's scores after a rescore must equal scoring
// every one of its events once, from scratch, under the new version.
jest.setTimeout(300_000);

const workspace = uniqueName('rescore');
const modelSource = (version: number, clickPoints: number, pagePoints: number) => `id: web
version: ${version}
name: Web
engagement:
  - { id: clicks, event: email.clicked, points: ${clickPoints} }
${pagePoints > 0 ? `  - { id: pages, event: web.page_viewed, points: ${pagePoints} }\n` : ''}tiers: { warm: 20, hot: 50 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 40, exit: 30 }
`;
const modelOf = (version: number, clickPoints: number, pagePoints: number): ScoringModel =>
  parseModel(modelSource(version, clickPoints, pagePoints), 'yaml', 'web.yaml', { workspace });

const V1 = modelOf(1, 5, 0);
const V2 = modelOf(2, 10, 3);
const V3 = modelOf(3, 20, 1);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let archived: ArchivedTopics;
let topics: ScorerTopics;
let analytics: TestAnalytics;
let dataDir: string;
const logger = createLogger({ service: 'scorer', level: 'warn' });
const group = uniqueName('rescore-scorer');

const BASE = Date.UTC(2026, 10, 1);
let serial = 0;
const produced: CanonicalEvent[] = [];
function eventOf(subject: string, type: string): CanonicalEvent {
  serial += 1;
  const event = {
    specversion: '1.0',
    id: `e-${serial}`,
    source: '/test',
    type,
    time: new Date(BASE + serial * 60_000).toISOString(),
    subject,
    workspace,
    data:
      type === 'email.clicked'
        ? { message_id: 'm1', url: 'https://x.io' }
        : { url: 'https://x.io/p', path: '/p' },
  } as CanonicalEvent;
  produced.push(event);
  return event;
}
const contacts = Array.from({ length: 40 }, (_, i) => `email:c${String(i).padStart(2, '0')}@example.com`);
/** Contacts with activity (the archive holds them): i % 4 and i % 3 not both 0. */
const ACTIVE = contacts.filter((_, i) => i % 4 !== 0 || i % 3 !== 0).length;
/** A round of activity: contact i clicks (i % 4) times and views (i % 3) pages. */
const round = (): CanonicalEvent[] =>
  contacts.flatMap((contact, i) => [
    ...Array.from({ length: i % 4 }, () => eventOf(contact, 'email.clicked')),
    ...Array.from({ length: i % 3 }, () => eventOf(contact, 'web.page_viewed')),
  ]);

const LATER = Date.UTC(2027, 0, 1);
/** Every event of the contact once, in the order produced, scored from scratch under `model`. */
function fromScratch(model: ScoringModel, contact: string): ContactScoreState | undefined {
  const events = produced
    .filter((e) => e.subject === contact)
    .map((e) => ({ id: e.id, source: e.source, type: e.type, data: e.data, time: Date.parse(e.time) }));
  return replayContact(model, events).state;
}

async function statesOf(
  modelId = 'web',
): Promise<Map<string, { state: ContactScoreState; sequence: number }>> {
  const rows = await dataSource.query<{ contact_id: string; state: ContactScoreState; sequence: string }[]>(
    'SELECT contact_id, state, sequence::text FROM contact_scores WHERE workspace_id = $1 AND model_id = $2',
    [workspace, modelId],
  );
  return new Map(rows.map((row) => [row.contact_id, { state: row.state, sequence: Number(row.sequence) }]));
}

async function expectScoredFromScratch(model: ScoringModel): Promise<void> {
  const states = await statesOf(model.id);
  for (const contact of contacts) {
    const expected = fromScratch(model, contact);
    const actual = states.get(contact)?.state;
    const at = (state: ContactScoreState | undefined) => (state ? scoreAt(model, state, LATER) : undefined);
    expect({ contact, score: at(actual) }).toEqual({ contact, score: at(expected) });
  }
}

async function changes(): Promise<ScoreChangedEvent[]> {
  const records = await readTopic(kafka, topics.scoreChanged, 1_000_000, 8_000);
  return records
    .map((record) => JSON.parse(record.value?.toString('utf8') ?? '') as ScoreChangedEvent)
    .filter((change) => change.workspace === workspace);
}

/** Every contact's changes under the model: sequences 1…n, each once, in order. */
function expectGapless(all: readonly ScoreChangedEvent[], modelId = 'web'): void {
  for (const contact of contacts) {
    const sequences = all
      .filter((c) => c.subject === contact && c.data.model.id === modelId)
      .map((c) => c.data.sequence);
    expect({ contact, sequences }).toEqual({
      contact,
      sequences: Array.from({ length: sequences.length }, (_, i) => i + 1),
    });
  }
}

async function rescoreOf(id: string): Promise<Rescore> {
  const rescore = await rescoreRepository.find(dataSource.manager, workspace, id);
  if (!rescore) throw new Error(`no rescore ${id}`);
  return rescore;
}

async function waitUntilFinished(id: string, withinMs = 120_000): Promise<Rescore> {
  const { value } = await pollUntil(
    () => rescoreOf(id),
    (rescore) => !['queued', 'running'].includes(rescore.status),
    { withinMs, everyMs: 200, waitingFor: `rescore ${id} to finish` },
  );
  return value;
}

async function queue(model: ScoringModel, dryRun: boolean, transitionsPerSecond = 10_000): Promise<Rescore> {
  const rescore = await rescoreRepository.create(
    dataSource.manager,
    {
      workspaceId: workspace,
      modelId: model.id,
      version: model.version,
      dryRun,
      reason: 'requested',
      transitionsPerSecond,
    },
    new Date(),
  );
  if (!rescore) throw new Error('a rescore is already active');
  return rescore;
}

beforeAll(async () => {
  database = await createTestDatabase('rescore');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('rescore-test');
  archived = await createArchivedTopics('rescore', {
    events: 3,
    scoreChanges: 3,
    lifecycleChanges: 1,
    deadLetters: 1,
  });
  topics = {
    events: archived.events,
    models: uniqueName('rescore.models'),
    scoreChanged: archived.scoreChanges,
    deadLetter: archived.deadLetters,
  };
  await ensureTopics(kafka, [
    { name: topics.models, partitions: 1, config: { 'cleanup.policy': 'compact' } },
  ]);
  await publishModel(kafka, topics.models, V1);
  dataDir = makeTempDir('rescore-archive');
  analytics = await startTestAnalytics({
    topics: archived,
    dataPath: dataDir,
    database: 'rescore_archive',
    consumerGroup: 'rescore-archive',
  });
});

afterAll(async () => {
  await analytics?.service.stop();
  await dataSource?.destroy();
  await database?.drop();
  if (dataDir) removeDir(dataDir);
});

describe('retroactive rescoring (real Kafka, PostgreSQL and the archive)', () => {
  let scorer: ScorerRuntime | undefined;
  afterAll(async () => {
    await scorer?.stop();
  });

  const startScorer = async () => {
    scorer = new ScorerRuntime({
      kafka,
      dataSource,
      logger,
      registry: createMetricsRegistry({ service: 'scorer' }),
      consumerGroup: group,
      topics,
      analyticsUrl: analytics.url,
      partitionsConsumedConcurrently: 3,
      rescore: { idlePollMs: 200, pageContacts: 15, switchContacts: 4, leaseMs: 5_000 },
    });
    await scorer.start();
  };
  const modelInForce = (version: number) =>
    pollUntil(
      () => Promise.resolve(scorer?.models.modelsFor(workspace).find((m) => m.id === 'web')?.version),
      (v) => v === version,
      { withinMs: 30_000, waitingFor: `model version ${version} in force` },
    );

  it('counts what a rescore would change in a dry run, and changes nothing', async () => {
    await startScorer();
    await produceEvents(kafka, topics.events, round());
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    await analytics.waitUntilArchived();
    const before = await statesOf();
    await publishModel(kafka, topics.models, V2);
    await modelInForce(2);

    const done = await waitUntilFinished((await queue(V2, true)).id);
    // Who the pure engine says moves: every contact whose v2 scores differ from its v1 ones.
    const moved = contacts.filter((contact) => {
      const v1 = fromScratch(V1, contact);
      const v2 = fromScratch(V2, contact);
      return (
        v2 !== undefined &&
        (v1 === undefined || scoreAt(V1, v1, LATER).total !== scoreAt(V2, v2, LATER).total)
      );
    });
    expect(moved.length).toBeGreaterThan(10);
    expect(done).toMatchObject({
      status: 'done',
      dryRun: true,
      progress: { contacts: ACTIVE, total: ACTIVE, ratio: 1 },
      counts: { changedContacts: moved.length, skippedContacts: 0 },
    });
    // No threshold service runs here: every contact's lifecycle is the initial one (cold, lead), so each
    // moved contact steps up to its v2 tier one line at a time, and none reaches MQL (40) in one round.
    const steps = { cold: 0, warm: 1, hot: 2 } as const;
    const tierSteps = moved.reduce((sum, contact) => {
      const tier = scoreAt(V2, fromScratch(V2, contact)!, LATER).tier;
      return sum + (tier === null ? 0 : steps[tier]);
    }, 0);
    expect(tierSteps).toBeGreaterThan(0);
    expect(done.counts).toMatchObject({ tierTransitions: tierSteps, stageTransitions: 0 });
    expect(done.history.from).toBe(produced[0]?.time);
    // Nothing switched: the states are those of v1.
    expect(await statesOf()).toEqual(before);
  });

  it('rescores every contact under the new version while events keep arriving: nothing lost, nothing counted twice', async () => {
    const rescore = await queue(V2, false);
    // Live traffic during the rescore: three more rounds, a little at a time.
    for (let i = 0; i < 3; i += 1) {
      const events = round();
      for (let j = 0; j < events.length; j += 20) {
        await produceEvents(kafka, topics.events, events.slice(j, j + 20));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const done = await waitUntilFinished(rescore.id);
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    expect(done).toMatchObject({ status: 'done', progress: { contacts: ACTIVE, ratio: 1 } });
    expect(done.counts.changedContacts).toBeGreaterThan(0);
    await expectScoredFromScratch(V2);

    await analytics.waitUntilArchived();
    const all = await changes();
    expectGapless(all);
    const rescored = all.filter((c) => c.data.cause.type === 'rescore');
    expect(rescored.length).toBe(done.counts.scoreChanges);
    for (const change of rescored) {
      expect(change.data.cause).toEqual({ type: 'rescore', rescore: rescore.id });
      // Only contacts whose scores moved: a rescore change never repeats the scores before it.
      expect(change.data.current).not.toEqual(change.data.previous);
    }
    await scorer?.stop();
    scorer = undefined;
  });

  it('resumes a rescore its scorer was killed in (kill -9), ending as if it had not been', async () => {
    const port = await freePort();
    const start = (): BuiltService =>
      startBuiltService('scorer', {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        DATABASE_URL: database.url,
        SCORER_CONSUMER_GROUP: group,
        SCORER_EVENTS_TOPIC: topics.events,
        SCORER_MODELS_TOPIC: topics.models,
        SCORER_SCORE_CHANGED_TOPIC: topics.scoreChanged,
        SCORER_DEAD_LETTER_TOPIC: topics.deadLetter,
        SCORER_ANALYTICS_URL: analytics.url,
        SCORER_SESSION_TIMEOUT_MS: '6000',
        SCORER_RESCORE_LEASE_MS: '2000',
        SCORER_RESCORE_SWITCH_CONTACTS: '2',
      });
    await publishModel(kafka, topics.models, V3);
    let service = start();
    // Paced at 4 transitions a second, the rescore takes seconds: kill it when it is part-way.
    const rescore = await queue(V3, false, 4);
    await pollUntil(
      () => rescoreOf(rescore.id),
      (r) => r.status === 'running' && r.progress.contacts >= 6,
      { withinMs: 120_000, everyMs: 100, waitingFor: 'the rescore to be part-way' },
    );
    service.child.kill('SIGKILL');
    await service.exited;
    const atKill = await rescoreOf(rescore.id);
    expect(atKill.status).toBe('running');
    expect(atKill.progress.contacts).toBeLessThan(ACTIVE);
    await produceEvents(kafka, topics.events, round());

    service = start();
    try {
      const done = await waitUntilFinished(rescore.id);
      expect(done).toMatchObject({ status: 'done', progress: { contacts: ACTIVE, ratio: 1 } });
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await expectScoredFromScratch(V3);
    await analytics.waitUntilArchived();
    expectGapless(await changes());
  });

  it('replays the history of a model applied for the first time (first-apply), instead of starting at zero', async () => {
    const late = parseModel(modelSource(1, 7, 2).replace('id: web', 'id: late'), 'yaml', 'late.yaml', {
      workspace,
    });
    const service = startBuiltService('scorer', {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: database.url,
      SCORER_CONSUMER_GROUP: group,
      SCORER_EVENTS_TOPIC: topics.events,
      SCORER_MODELS_TOPIC: topics.models,
      SCORER_SCORE_CHANGED_TOPIC: topics.scoreChanged,
      SCORER_DEAD_LETTER_TOPIC: topics.deadLetter,
      SCORER_ANALYTICS_URL: analytics.url,
      SCORER_RESCORE_TRANSITIONS_PER_SECOND: '10000',
    });
    try {
      await publishModel(kafka, topics.models, late);
      const { value: queued } = await pollUntil(
        () =>
          dataSource.query<{ id: string }[]>(
            `SELECT id FROM rescores WHERE workspace_id = $1 AND model_id = 'late' AND reason = 'first-apply'`,
            [workspace],
          ),
        (rows) => rows.length === 1,
        { withinMs: 60_000, everyMs: 200, waitingFor: 'the first application to queue a rescore' },
      );
      const done = await waitUntilFinished(queued[0]!.id);
      expect(done).toMatchObject({
        status: 'done',
        reason: 'first-apply',
        model: { id: 'late', version: 1 },
      });
      expect(done.counts.changedContacts).toBe(ACTIVE);
    } finally {
      await service.stop();
    }
    // Every contact's whole history counts under the new model, as if it had been live from the start.
    await expectScoredFromScratch(late);
    await analytics.waitUntilArchived();
    expectGapless(await changes(), 'late');
    // Applied again (every scorer reads the models topic anew at start), it queues no second one.
    const again = await rescoreRepository.create(
      dataSource.manager,
      {
        workspaceId: workspace,
        modelId: 'late',
        version: 1,
        dryRun: false,
        reason: 'first-apply',
        transitionsPerSecond: 50,
      },
      new Date(),
    );
    expect(again).toBeUndefined();
  });
});
