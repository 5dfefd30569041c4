import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { contactHashOf } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, ensureTopics, silentLogger } from '@leadscore/kafka';
import {
  createArchivedTopics,
  freePort,
  makeTempDir,
  removeDir,
  startBuiltService,
  startTestScorer,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueName,
  waitForPort,
  waitUntilConsumed,
  WebhookReceiver,
  type ArchivedTopics,
  type BuiltService,
  type TestAnalytics,
  type TestScorer,
} from '@leadscore/testing';
import {
  OPERATOR,
  bearer,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

// The privacy issue's proof, on the whole pipeline: the api, and the built scorer, threshold and
// analytics services on topics of their own. A contact is erased while hundreds of its events are still
// on their way (and more, dated before the erasure, arrive after it); then every service replays every
// topic from the beginning in new consumer groups. No store holds anything of the contact afterwards,
// and another contact's data is whole and counted once.
jest.setTimeout(600_000);

const WS = 'erasure-pipeline';
const ADA = 'email:ada@example.com';
const BOB = 'email:bob@example.com';
const ADA_EVENTS = 600;
const BOB_EVENTS = 200;
/** The api's clock (the erasure time): every event is dated before it. */
const ERASED_AT = Date.parse('2026-04-01T09:00:00Z');

const MODEL = `id: clicks
version: 1
name: Clicks
engagement:
  - { id: click, event: email.clicked, points: 5 }
tiers: { warm: 10, hot: 50 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 20, exit: 10 }
`;

let api: TestApi;
let admin: string;
let topics: ArchivedTopics & { models: string };
let analytics: TestAnalytics;
let analyticsDir: string;
/** One port for the analytics service across its restart: the api's ANALYTICS_URL. */
let analyticsPort: number;
let receiver: WebhookReceiver;
const services: BuiltService[] = [];
const kafka = createKafkaClient({
  brokers: testKafkaBrokers(),
  clientId: 'erasure-pipeline',
  logger: silentLogger,
});

async function startPipeline(
  round: string,
): Promise<{ scorer: string; threshold: string; scorerService: TestScorer }> {
  const scorer = uniqueName(`scorer-${round}`);
  const threshold = uniqueName(`threshold-${round}`);
  const scorerService = await startTestScorer({
    topics,
    databaseUrl: api.databaseUrl,
    consumerGroup: scorer,
    analyticsUrl: `http://127.0.0.1:${analyticsPort}`,
  });
  services.push(scorerService.service);
  const thresholdPort = await freePort();
  services.push(
    startBuiltService('threshold', {
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: api.databaseUrl,
      PORT: String(thresholdPort),
      THRESHOLD_CONSUMER_GROUP: threshold,
      THRESHOLD_SCORE_CHANGED_TOPIC: topics.scoreChanges,
      THRESHOLD_LIFECYCLE_TOPIC: topics.lifecycleChanges,
      THRESHOLD_EVENTS_TOPIC: topics.events,
      THRESHOLD_WEBHOOK_POLL_MS: '50',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    }),
  );
  analyticsDir ??= makeTempDir('erasure-pipeline');
  analytics = await startTestAnalytics({
    topics,
    dataPath: analyticsDir,
    database: 'erasure_pipeline',
    consumerGroup: uniqueName(`analytics-${round}`),
    port: analyticsPort,
  });
  services.push(analytics.service);
  await waitForPort(thresholdPort);
  return { scorer, threshold, scorerService };
}

async function stopPipeline(): Promise<void> {
  await Promise.all(services.splice(0).map((service) => service.stop()));
}

/** Until the scorer, the threshold service and the archive have consumed every topic to its end. */
async function drained(groups: { scorer: string; threshold: string }): Promise<void> {
  await waitUntilConsumed(kafka, api.dataSource, groups.scorer, topics.events);
  await waitUntilConsumed(kafka, api.dataSource, groups.threshold, topics.scoreChanges);
  await waitUntilConsumed(kafka, api.dataSource, groups.threshold, topics.events);
  await analytics.waitUntilArchived();
}

/** Rows of `contact` in every PostgreSQL store. */
async function storedOf(contact: string): Promise<Record<string, number>> {
  const [row] = await api.dataSource.query<Record<string, number>[]>(
    `SELECT
       (SELECT count(*)::int FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2) AS scores,
       (SELECT count(*)::int FROM contact_ranks WHERE workspace_id = $1 AND contact_id = $2) AS ranks,
       (SELECT count(*)::int FROM contact_profiles WHERE workspace_id = $1 AND contact_id = $2) AS profiles,
       (SELECT count(*)::int FROM lifecycle_states WHERE workspace_id = $1 AND contact_id = $2) AS lifecycle,
       (SELECT count(*)::int FROM webhook_deliveries WHERE workspace_id = $1 AND contact_id = $2) AS deliveries,
       (SELECT count(*)::int FROM audit_log WHERE workspace_id = $1 AND target = $2) AS audit`,
    [WS, contact],
  );
  return row ?? {};
}

/** The api's export finds nothing of the contact, in PostgreSQL or in the archive. */
async function expectNothingHeldOf(contact: string): Promise<void> {
  expectProblem(
    await api.http.inject({
      method: 'GET',
      url: `/v1/contacts/${encodeURIComponent(contact)}/export`,
      headers: bearer(admin),
    }),
    404,
    /holds nothing about the contact/,
  );
}

const click = (contact: string, n: number, at: number) => ({
  key: `${WS}:${contact}`,
  value: JSON.stringify({
    specversion: '1.0',
    id: `${contact}-${n}`,
    source: '/v1/events',
    type: 'email.clicked',
    time: new Date(at).toISOString(),
    subject: contact,
    workspace: WS,
    datacontenttype: 'application/json',
    data: { url: 'https://example.com/offer' },
  }),
});

beforeAll(async () => {
  const archived = await createArchivedTopics('erasure-pipeline');
  topics = { ...archived, models: uniqueName('erasure-pipeline.models') };
  await ensureTopics(kafka, [{ name: topics.models, partitions: 1, config: {} }]);
  analyticsPort = await freePort();
  api = await startTestApi('api_erasure_pipeline', OPERATOR, {
    analyticsUrl: `http://127.0.0.1:${analyticsPort}`,
    eventsTopic: topics.events,
    modelsTopic: topics.models,
    webhookPolicy: { allowPrivateNetworks: true, requireHttps: false },
  });
  admin = (await createWorkspace(api, WS)).adminKey.key;
});

afterAll(async () => {
  await stopPipeline();
  await receiver?.stop();
  await api?.close();
  if (analyticsDir) removeDir(analyticsDir);
});

describe('erasure across the pipeline', () => {
  it('erases a contact whose events are still flowing, and a replay of every topic from the beginning brings nothing back', async () => {
    let groups = await startPipeline('first');
    const applied = await api.http.inject({
      method: 'POST',
      url: '/v1/models',
      headers: { ...bearer(admin), 'content-type': 'application/yaml' },
      payload: MODEL,
    });
    expect({ status: applied.statusCode, body: applied.body.slice(0, 300) }).toMatchObject({ status: 201 });
    await groups.scorerService.modelsApplied();
    // A CRM receiver of stage transitions (its answers do not matter here: what it was sent does).
    receiver = new WebhookReceiver('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    await receiver.start();
    const subscribed = await api.http.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: { url: receiver.url, events: ['stage', 'tier'] },
    });
    expect(subscribed.statusCode).toBe(201);

    // Bob first: his events set the baseline, and the model is known to the scorer once he is scored.
    const producer = createBatchingProducer(kafka);
    await producer.connect();
    const base = ERASED_AT - 86_400_000;
    await producer.send(
      topics.events,
      Array.from({ length: BOB_EVENTS }, (_, n) => click(BOB, n, base + n * 1_000)),
    );
    await drained(groups);
    expect(await storedOf(BOB)).toMatchObject({ scores: 1, ranks: 1, lifecycle: 1 });

    // Ada's events flood in; the erasure is asked for at once, while they are still being scored.
    await producer.send(
      topics.events,
      Array.from({ length: ADA_EVENTS }, (_, n) => click(ADA, n, base + n * 1_000)),
    );
    const erased = await api.http.inject({
      method: 'DELETE',
      url: `/v1/contacts/${encodeURIComponent(ADA)}`,
      headers: bearer(admin),
    });
    expect(erased.statusCode).toBe(200);
    // Late ones, dated before the erasure (a batch a client sends late), arrive after it.
    await producer.send(
      topics.events,
      Array.from({ length: 50 }, (_, n) => click(ADA, ADA_EVENTS + n, base + (ADA_EVENTS + n) * 1_000)),
    );
    await producer.disconnect();
    await drained(groups);
    const nothing = { scores: 0, ranks: 0, profiles: 0, lifecycle: 0, deliveries: 0, audit: 0 };
    expect(await storedOf(ADA)).toEqual(nothing);
    await expectNothingHeldOf(ADA);
    const bob = await api.dataSource.query<{ sequence: string; total: number }[]>(
      'SELECT sequence::text, total FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2',
      [WS, BOB],
    );
    expect(bob).toEqual([{ sequence: String(BOB_EVENTS), total: BOB_EVENTS * 5 }]);

    // Every service replays every topic from offset 0 in a new consumer group, on the same stores.
    await stopPipeline();
    const callsBeforeReplay = receiver.calls.length;
    groups = await startPipeline('replay');
    await groups.scorerService.modelsApplied();
    await drained(groups);
    expect(await storedOf(ADA)).toEqual(nothing);
    await expectNothingHeldOf(ADA);
    // Bob's data is whole and counted once: the replay added no score change, the archive holds his
    // events and changes once each.
    expect(
      await api.dataSource.query<{ sequence: string; total: number }[]>(
        'SELECT sequence::text, total FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2',
        [WS, BOB],
      ),
    ).toEqual(bob);
    const bobExport = json(
      await api.http.inject({
        method: 'GET',
        url: `/v1/contacts/${encodeURIComponent(BOB)}/export`,
        headers: bearer(admin),
      }),
    ) as { archive: { events: unknown[]; scoreChanges: unknown[] } };
    expect(bobExport.archive.events).toHaveLength(BOB_EVENTS);
    expect(bobExport.archive.scoreChanges).toHaveLength(BOB_EVENTS);
    // What stays: the tombstone, a hash of the key; no webhook carried Ada's key during the replay.
    expect(
      await api.dataSource.query('SELECT contact_hash FROM erased_contacts WHERE workspace_id = $1', [WS]),
    ).toEqual([{ contact_hash: contactHashOf(WS, ADA) }]);
    expect(
      receiver.calls.slice(callsBeforeReplay).filter((call) => JSON.stringify(call.body).includes(ADA)),
    ).toEqual([]);
  });
});
