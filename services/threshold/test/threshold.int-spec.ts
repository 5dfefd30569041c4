import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type LifecycleChangedEvent } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import {
  openDatabase,
  webhookDeliveryRepository,
  webhookSubscriptionRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreChangedEvent } from '@leadscore/score-events';
import { tierOf, type ScoreSnapshot } from '@leadscore/scoring';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { ThresholdRuntime, type WebhookSettings } from '../src/app/threshold.runtime.js';
import { type ThresholdTopics } from '../src/lifecycle/lifecycle-batch.handler.js';
import {
  WebhookReceiver,
  createThresholdTopics,
  localReceiversGuard,
  testSettingsCipher,
  lifecycleModel,
  namedTiersModel,
  produceRecords,
  produceScoreChanges,
  readTopic,
  recordModel,
  scoreChange,
  scoreWalk,
  testKafka,
  testSecret,
  waitFor,
  waitUntilConsumed,
} from './threshold-harness.js';

// Group joins take seconds each on a shared 2-core machine.
jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ThresholdTopics;
const logger = createLogger({ service: 'threshold', level: 'warn' });

const fastWebhooks: WebhookSettings = {
  retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
  circuit: { failureThreshold: 50, openMs: 100 },
  timeoutMs: 5_000,
  guard: localReceiversGuard,
  settingsCipher: testSettingsCipher,
  leaseMs: 30_000,
  pollMs: 20,
  endpointConcurrency: 4,
  concurrency: 16,
};

function runtime(group: string): ThresholdRuntime {
  return new ThresholdRuntime({
    kafka,
    dataSource,
    logger,
    registry: createMetricsRegistry({ service: 'threshold' }),
    consumerGroup: group,
    topics,
    webhooks: fastWebhooks,
    sessionTimeoutMs: 10_000,
  });
}

beforeAll(async () => {
  database = await createTestDatabase('threshold');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('threshold-test');
  topics = await createThresholdTopics(kafka);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const transitionsOf = (messages: readonly { value: Buffer | null }[], workspace: string) =>
  messages
    .map((m) => JSON.parse(m.value!.toString('utf8')) as LifecycleChangedEvent)
    .filter((e) => e.workspace === workspace);

describe('threshold service (real Kafka and PostgreSQL)', () => {
  it('publishes each crossed line once, in order, with hysteresis, and ignores duplicate and replayed score changes', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    // hover: enters MQL at 66, hovers between 55 and 65 without flapping, leaves below 55 to recycled.
    const hover = scoreWalk(model, 'hover', [40, 66, 60, 56, 64, 54, 58]);
    // jump: straight from nothing to 95 (lead→MQL→SQL), then down to 10 (SQL→MQL→recycled).
    const jump = scoreWalk(model, 'jump', [95, 10]);
    // grade C never qualifies for MQL, whatever the total.
    const gradeC = scoreWalk(model, 'grade-c', [70], 'C');
    const stream = [...hover, ...jump, ...gradeC];
    const group = uniqueName('threshold');
    const service = runtime(group);
    await service.start();
    // Every change is sent twice, and the whole stream is replayed after it: one transition each.
    await produceScoreChanges(kafka, topics.scoreChanged, [...stream, ...stream.slice(0, 4)]);
    await produceScoreChanges(kafka, topics.scoreChanged, stream);
    await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    await service.stop();

    const published = transitionsOf(await readTopic(kafka, topics.lifecycle), workspace);
    const path = (contact: string, kind: 'tier' | 'stage') =>
      published
        .filter((e) => e.data.contact === contact && e.data.kind === kind)
        .sort((a, b) => a.data.sequence - b.data.sequence)
        .map((e) => `${e.data.previous}>${e.data.current}`);
    expect(path('hover', 'stage')).toEqual(['lead>mql', 'mql>recycled']);
    // Tiers are the scorer's (no hysteresis): they follow every crossing of 60.
    expect(path('hover', 'tier')).toEqual(['cold>warm', 'warm>hot', 'hot>warm', 'warm>hot', 'hot>warm']);
    expect(path('jump', 'stage')).toEqual(['lead>mql', 'mql>sql', 'sql>mql', 'mql>recycled']);
    expect(path('jump', 'tier')).toEqual(['cold>warm', 'warm>hot', 'hot>warm', 'warm>cold']);
    expect(path('grade-c', 'stage')).toEqual([]);
    expect(new Set(published.map((e) => e.id)).size).toBe(published.length);
    expect(published).toHaveLength(2 + 5 + 4 + 4 + 2);

    const mql = published.find((e) => e.data.contact === 'hover' && e.data.current === 'mql')!;
    expect(mql.type).toBe('stage.changed');
    expect(mql.data.scores).toMatchObject({ total: 66, grade: 'B', tier: 'hot' });
    expect(mql.data.scoreChangedId).toBe(hover[1]!.id);
    expect(mql.data.contributions[0]).toMatchObject({ ruleId: 'click' });

    const states = await dataSource.query<
      { contact_id: string; stage: string; tier: string; last_sequence: string }[]
    >(
      `SELECT contact_id, stage, tier, last_sequence::text FROM lifecycle_states WHERE workspace_id = $1 ORDER BY contact_id`,
      [workspace],
    );
    expect(states).toEqual([
      { contact_id: 'grade-c', stage: 'lead', tier: 'hot', last_sequence: '1' },
      { contact_id: 'hover', stage: 'recycled', tier: 'warm', last_sequence: '7' },
      { contact_id: 'jump', stage: 'recycled', tier: 'cold', last_sequence: '2' },
    ]);
  });

  it('starts a merge’s survivor from the further stage of the two, announcing each line once, and ends the merged-away contact without a fall', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    const group = uniqueName('threshold');
    const service = runtime(group);
    await service.start();
    // The anonymous visitor reached MQL; the known contact is a lead.
    await produceScoreChanges(kafka, topics.scoreChanged, [
      ...scoreWalk(model, 'anon:visitor', [70]),
      ...scoreWalk(model, 'email:ada@example.com', [20]),
    ]);
    await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    const survivor = scoreChange(model, 'email:ada@example.com', 2, 60, 'B', 20);
    survivor.data.cause = { type: 'merge', mergedSubject: 'anon:visitor' };
    const ended = scoreChange(model, 'anon:visitor', 2, 0, 'B', 70);
    ended.data.cause = { type: 'merge', survivor: 'email:ada@example.com' };
    // Twice each: redelivered merges change nothing more.
    await produceScoreChanges(kafka, topics.scoreChanged, [survivor, ended, survivor, ended]);
    await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    await service.stop();

    const published = transitionsOf(await readTopic(kafka, topics.lifecycle), workspace);
    const stages = (contact: string) =>
      published
        .filter((e) => e.data.contact === contact && e.data.kind === 'stage')
        .map((e) => `${e.data.previous}>${e.data.current}`);
    // 60 holds MQL (exit 55) for the survivor that starts from the visitor's MQL.
    expect(stages('email:ada@example.com')).toEqual(['lead>mql']);
    expect(stages('anon:visitor')).toEqual(['lead>mql']);
    const states = await dataSource.query<{ contact_id: string; stage: string; last_sequence: string }[]>(
      `SELECT contact_id, stage, last_sequence::text FROM lifecycle_states WHERE workspace_id = $1 ORDER BY contact_id`,
      [workspace],
    );
    expect(states).toEqual([
      { contact_id: 'anon:visitor', stage: 'mql', last_sequence: '2' },
      { contact_id: 'email:ada@example.com', stage: 'mql', last_sequence: '2' },
    ]);
  });

  it('moves a contact to SQL when sales accept it (contact.updated), keeps it there whatever the score, once per event', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    const group = uniqueName('threshold');
    const service = runtime(group);
    const accepted = (id: string, flag: boolean) => ({
      key: `${workspace}:user:sold`,
      value: JSON.stringify({
        specversion: '1.0',
        id,
        source: '/crm',
        type: 'contact.updated',
        time: '2026-11-02T10:00:00.000Z',
        subject: 'user:sold',
        workspace,
        data: { traits: { sales_accepted: flag } },
      }),
    });
    const [first, second, third] = scoreWalk(model, 'user:sold', [40, 70, 10]);
    await service.start();
    try {
      await produceScoreChanges(kafka, topics.scoreChanged, [first!]);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
      await produceRecords(kafka, topics.events, [accepted('crm-1', true), accepted('crm-1', true)]);
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
      await produceScoreChanges(kafka, topics.scoreChanged, [second!, third!]);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    } finally {
      await service.stop();
    }
    const stages = transitionsOf(await readTopic(kafka, topics.lifecycle), workspace)
      .filter((e) => e.data.kind === 'stage')
      .map((e) => `${e.data.previous}>${e.data.current}:${e.data.cause}`);
    expect(stages).toEqual(['lead>mql:sales-accepted', 'mql>sql:sales-accepted']);
    const [state] = await dataSource.query<{ stage: string; sales_accepted: boolean }[]>(
      `SELECT stage, sales_accepted FROM lifecycle_states WHERE workspace_id = $1`,
      [workspace],
    );
    expect(state).toEqual({ stage: 'sql', sales_accepted: true });
  });

  it('takes the outcomes the api records like the trait: sales_accepted moves a scored contact to SQL once, sales_rejected hands it back to its score', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    const group = uniqueName('threshold');
    const service = runtime(group);
    const outcome = (id: string, type: 'outcome.sales_accepted' | 'outcome.sales_rejected') => ({
      key: `${workspace}:email:won@example.com`,
      value: JSON.stringify({
        specversion: '1.0',
        id,
        source: 'leadscore/api',
        type,
        time: '2026-11-02T10:00:00.000Z',
        subject: 'email:won@example.com',
        workspace,
        datacontenttype: 'application/json',
        data: { actor: { key_id: 'k1' } },
      }),
    });
    const [first, second, third] = scoreWalk(model, 'email:won@example.com', [40, 70, 10]);
    await service.start();
    try {
      await produceScoreChanges(kafka, topics.scoreChanged, [first!]);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
      // The api publishes a retried request again with the same id: it counts once.
      await produceRecords(kafka, topics.events, [
        outcome('outcome-1', 'outcome.sales_accepted'),
        outcome('outcome-1', 'outcome.sales_accepted'),
      ]);
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
      await produceScoreChanges(kafka, topics.scoreChanged, [second!]);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
      await produceRecords(kafka, topics.events, [outcome('outcome-2', 'outcome.sales_rejected')]);
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
      await produceScoreChanges(kafka, topics.scoreChanged, [third!]);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    } finally {
      await service.stop();
    }
    const stages = transitionsOf(await readTopic(kafka, topics.lifecycle), workspace)
      .filter((e) => e.data.kind === 'stage')
      .map((e) => `${e.data.previous}>${e.data.current}:${e.data.cause}`);
    expect(stages.slice(0, 2)).toEqual(['lead>mql:sales-accepted', 'mql>sql:sales-accepted']);
    // Handed back, the score (10) decides again: the contact leaves SQL.
    expect(stages.slice(2).every((s) => !s.endsWith(':sales-accepted'))).toBe(true);
    const [state] = await dataSource.query<{ stage: string; sales_accepted: boolean }[]>(
      `SELECT stage, sales_accepted FROM lifecycle_states WHERE workspace_id = $1`,
      [workspace],
    );
    expect(state?.sales_accepted).toBe(false);
    expect(state?.stage).not.toBe('sql');
  });

  it('delivers to a receiver that fails 3 times then succeeds: one logical delivery, the same webhook-id each attempt', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    const secret = testSecret(3);
    const receiver = new WebhookReceiver(secret);
    const answers = [{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 503 }];
    receiver.respond = (_call, index) => answers[index] ?? { status: 200 };
    await receiver.start();
    const subscription = uniqueName('sub');
    await webhookSubscriptionRepository.create(
      dataSource.manager,
      {
        id: subscription,
        workspaceId: workspace,
        url: receiver.url,
        secrets: [secret],
        events: ['stage'],
        tiers: null,
        stages: ['mql'],
        enabled: true,
      },
      new Date(),
    );
    const group = uniqueName('threshold');
    const service = runtime(group);
    try {
      await service.start();
      await produceScoreChanges(kafka, topics.scoreChanged, scoreWalk(model, 'flaky', [70]));
      await waitFor('the delivery', async () => {
        const [delivery] = await webhookDeliveryRepository.list(dataSource.manager, workspace);
        return delivery?.status === 'delivered';
      });
    } finally {
      await service.stop();
      await receiver.stop();
    }

    expect(receiver.calls).toHaveLength(4);
    expect(receiver.calls.every((c) => c.verified)).toBe(true);
    expect(receiver.uniqueIds.size).toBe(1);
    const body = receiver.calls[3]!.body as LifecycleChangedEvent;
    expect(body).toMatchObject({
      type: 'stage.changed',
      data: { contact: 'flaky', previous: 'lead', current: 'mql' },
    });
    const [delivery] = await webhookDeliveryRepository.list(dataSource.manager, workspace);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 4,
      webhookId: receiver.calls[0]!.webhookId,
    });
    const attempts = await webhookDeliveryRepository.attempts(dataSource.manager, delivery!.id);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 503, 'retrying'],
      [2, 429, 'retrying'],
      [3, 503, 'retrying'],
      [4, 200, 'delivered'],
    ]);
    expect(attempts[3]!.responseExcerpt).toBe('status 200');
  });
  it('walks named tiers one step at a time with their names, and filters webhooks by v1 tier or by name', async () => {
    const workspace = uniqueName('ws');
    const model = namedTiersModel(workspace);
    await recordModel(dataSource, model);
    // The scorer's own tier placement (hysteresis from the tier last published), as it would publish.
    let previous: ScoreSnapshot | null = null;
    const walk = [30, 50, 42, 39, 75, 10].map((total, i) => {
      const placed = tierOf(model, total, previous?.tierName);
      const current = { fit: 0, engagement: total, total, ...placed, grade: null };
      const event = scoreChangedEvent(
        workspace,
        'ladder',
        {
          model: { id: model.id, version: model.version },
          sequence: i + 1,
          at: Date.UTC(2026, 10, 1) + i * 60_000,
          cause: { type: 'event', eventId: `ladder-e${i}`, eventType: 'email.clicked' },
          previous,
          current,
          applied: [],
          contributions: [],
          account: null,
        },
        'leadscore/scorer',
      );
      previous = current;
      return event;
    });
    const receiver = new WebhookReceiver(testSecret(7));
    await receiver.start();
    for (const [id, tiers] of [
      ['into-hot', ['hot']],
      ['into-active', ['active']],
    ] as const)
      await webhookSubscriptionRepository.create(
        dataSource.manager,
        {
          id: `${workspace}-${id}`,
          workspaceId: workspace,
          url: receiver.url,
          secrets: [testSecret(7)],
          events: ['tier'],
          tiers: [...tiers],
          stages: null,
          enabled: true,
        },
        new Date(),
      );
    const group = uniqueName('threshold');
    const service = runtime(group);
    try {
      await service.start();
      await produceScoreChanges(kafka, topics.scoreChanged, walk);
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
    } finally {
      await service.stop();
      await receiver.stop();
    }

    const steps = transitionsOf(await readTopic(kafka, topics.lifecycle), workspace)
      .filter((e) => e.data.kind === 'tier')
      .sort((a, b) => a.data.sequence - b.data.sequence || a.id.localeCompare(b.id))
      .map(
        (e) =>
          `${e.data.sequence}: ${e.data.previousName}>${e.data.currentName} (${e.data.previous}>${e.data.current})`,
      );
    // 42 holds "active" (exit 40); 39 does not; 75 climbs two tiers; 10 falls through three.
    expect(steps.sort()).toEqual(
      [
        '1: nurture>engaged (cold>warm)',
        '2: engaged>active (warm>warm)',
        '4: active>engaged (warm>warm)',
        '5: engaged>active (warm>warm)',
        '5: active>sales-ready (warm>hot)',
        '6: sales-ready>active (hot>warm)',
        '6: active>engaged (warm>warm)',
        '6: engaged>nurture (warm>cold)',
      ].sort(),
    );
    const deliveries = await dataSource.query<{ subscription_id: string; entered: string }[]>(
      `SELECT subscription_id, payload->'data'->>'currentName' AS entered FROM webhook_deliveries
       WHERE workspace_id = $1 ORDER BY id`,
      [workspace],
    );
    // "hot" hears the one entry into hot; "active" each of the three entries into "active".
    expect(deliveries).toEqual([
      { subscription_id: `${workspace}-into-active`, entered: 'active' },
      { subscription_id: `${workspace}-into-active`, entered: 'active' },
      { subscription_id: `${workspace}-into-hot`, entered: 'sales-ready' },
      { subscription_id: `${workspace}-into-active`, entered: 'active' },
    ]);
    const [state] = await dataSource.query<{ tier: string; tier_name: string }[]>(
      'SELECT tier, tier_name FROM lifecycle_states WHERE workspace_id = $1',
      [workspace],
    );
    expect(state).toEqual({ tier: 'cold', tier_name: 'nurture' });
  });
});
