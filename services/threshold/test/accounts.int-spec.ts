import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  parseModel,
  type AccountLifecycleChangedEvent,
  type AccountScoreChangedEvent,
  type ScoreChangedEvent,
  type ScoringModel,
} from '@leadscore/contracts';
import { type ConsumedBatch } from '@leadscore/kafka';
import { createLogger } from '@leadscore/observability';
import {
  accountProfileRepository,
  openDatabase,
  outboxRepository,
  webhookSubscriptionRepository,
  type DataSource,
} from '@leadscore/persistence';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { LifecycleBatchHandler } from '../src/lifecycle/lifecycle-batch.handler.js';
import { LifecycleModels } from '../src/lifecycle/lifecycle-models.js';
import { recordModel, scoreChange } from './threshold-harness.js';

jest.setTimeout(120_000);

let database: TestDatabase;
let dataSource: DataSource;
const logger = createLogger({ service: 'threshold', level: 'warn' });
const topics = {
  scoreChanged: 'test.score-changed',
  lifecycle: 'test.lifecycle',
  events: 'test.events',
  accountScoreChanged: 'test.account-score-changed',
};

beforeAll(async () => {
  database = await createTestDatabase('threshold_accounts');
  dataSource = await openDatabase({ url: database.url });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

/** A model whose accounts roll members up by `rollup`; account fit +20 for software; MQA from 100 (exit 80). */
function accountModel(workspace: string, rollup: string): ScoringModel {
  return parseModel(
    `id: accounts-${rollup.replace(/[^a-z]/gi, '').toLowerCase()}
version: 1
workspace: ${workspace}
name: Accounts
engagement:
  - { id: click, event: email.clicked, points: 5 }
accounts:
  engagement: ${rollup}
  fit:
    - { id: software, field: industry, operator: equals, value: Software, points: 20 }
  grades:
    - { grade: A, min: 20 }
    - { grade: C, max: 20 }
  tiers: { warm: 40, hot: 80 }
  lifecycle:
    mqa:
      conditions:
        - { metric: total, enter: 100, exit: 80 }
`,
    'yaml',
    'accounts.yaml',
  );
}

/** Feeds score changes to the handler as one batch of partition `partition`, in order. */
class Feeder {
  private readonly offsets = new Map<number, number>();
  readonly handler: LifecycleBatchHandler;
  private readonly group = uniqueName('threshold');

  constructor() {
    this.handler = new LifecycleBatchHandler(dataSource, new LifecycleModels(), this.group, logger, topics);
  }

  batch(events: readonly ScoreChangedEvent[], partition = 0, from?: number): ConsumedBatch {
    const start = from ?? this.offsets.get(partition) ?? 0;
    this.offsets.set(partition, Math.max(this.offsets.get(partition) ?? 0, start + events.length));
    return {
      topic: topics.scoreChanged,
      partition,
      messages: events.map((event, i) => ({
        offset: String(start + i),
        key: Buffer.from(`${event.workspace}:${event.subject}`),
        value: Buffer.from(JSON.stringify(event)),
        headers: {},
        timestamp: Date.parse(event.time),
      })),
      nextOffset: String(start + events.length),
      highWatermark: String(start + events.length),
    };
  }

  feed(events: readonly ScoreChangedEvent[], partition = 0) {
    return this.handler.handle(this.batch(events, partition));
  }
}

/** A member's change to `engagement` points (the harness's fit is 25: total = 25 + engagement). */
const member = (
  model: ScoringModel,
  contact: string,
  sequence: number,
  engagement: number,
  account: string | null,
) => scoreChange(model, contact, sequence, 25 + engagement, 'B', null, account);

async function accountRow(workspace: string, model: ScoringModel, account: string) {
  const [row] = await dataSource.query<
    { members: number; engagement_sum_centi: string; sequence: string; scores: unknown; stage: string }[]
  >(
    `SELECT members, engagement_sum_centi, sequence, scores, stage FROM account_scores
     WHERE workspace_id = $1 AND model_id = $2 AND account_id = $3`,
    [workspace, model.id, account],
  );
  return row;
}

/** What the handler left in the outbox for `topic` (both test partitions' sources), in order. */
async function outboxOf<T extends { workspace: string }>(topic: string, workspace: string): Promise<T[]> {
  const pending = [
    ...(await outboxRepository.pending(dataSource.manager, 'threshold:0', 100_000)),
    ...(await outboxRepository.pending(dataSource.manager, 'threshold:1', 100_000)),
  ];
  return pending
    .filter((m) => m.topic === topic)
    .map((m) => JSON.parse(m.payload) as T)
    .filter((e) => e.workspace === workspace);
}

const accountEvents = (workspace: string) =>
  outboxOf<AccountScoreChangedEvent>(topics.accountScoreChanged, workspace);

describe('account roll-up (threshold batch handler, real PostgreSQL)', () => {
  it.each([
    ['sum', '{ rollup: sum }', 70.5],
    ['max', '{ rollup: max }', 40],
    ['topMean', '{ rollup: topMean, top: 3 }', 25.17],
  ])(
    'worked example, %s: members at 40, 25.5, 10 and -5 points roll up, plus account fit',
    async (_kind, rollup, engagement) => {
      const workspace = uniqueName('ws');
      const model = accountModel(workspace, rollup);
      await recordModel(dataSource, model);
      await accountProfileRepository.mergeTraits(dataSource.manager, [
        {
          workspaceId: workspace,
          accountId: 'acme',
          traits: { industry: 'Software' },
          updatedAt: new Date(),
        },
      ]);
      const feeder = new Feeder();
      const outcome = await feeder.feed([
        member(model, 'ann', 1, 40, 'acme'),
        member(model, 'bob', 1, 25.5, 'acme'),
        member(model, 'cy', 1, 10, 'acme'),
        member(model, 'dee', 1, -5, 'acme'),
        member(model, 'eve', 1, 30, null),
      ]);
      expect(outcome.accountChanges).toBe(1);
      const [change] = await accountEvents(workspace);
      expect(change?.subject).toBe('account:acme');
      expect(change?.data).toMatchObject({
        account: 'acme',
        sequence: 1,
        previous: null,
        current: { fit: 20, engagement, total: 20 + engagement, grade: 'A', members: 4 },
        fit: [{ rule: 'software', points: 20 }],
      });
      expect(change?.data.members.map((m) => [m.contact, m.engagement])).toEqual([
        ['ann', 40],
        ['bob', 25.5],
        ['cy', 10],
        ['dee', -5],
      ]);
    },
  );

  it('counts each member change once, moves a member between accounts, and keeps tenants apart', async () => {
    const workspace = uniqueName('ws');
    const other = uniqueName('ws');
    const model = accountModel(workspace, '{ rollup: sum }');
    const otherModel = accountModel(other, '{ rollup: sum }');
    await recordModel(dataSource, model);
    await recordModel(dataSource, otherModel);
    const feeder = new Feeder();
    const first = [member(model, 'ann', 1, 40, 'acme'), member(model, 'bob', 1, 30, 'acme')];
    await feeder.feed(first);
    // The same account id in another workspace is another account.
    await feeder.feed([member(otherModel, 'zed', 1, 7, 'acme')], 1);
    // A redelivered batch (a rebalance) counts nothing again.
    await feeder.handler.handle(feeder.batch(first, 0, 0));
    expect(await accountRow(workspace, model, 'acme')).toMatchObject({
      members: 2,
      engagement_sum_centi: '7000',
    });
    expect(await accountRow(other, otherModel, 'acme')).toMatchObject({
      members: 1,
      engagement_sum_centi: '700',
    });

    // ann changes and then moves to initech (a group call): acme loses her, initech gains her.
    await feeder.feed([member(model, 'ann', 2, 50, 'acme'), member(model, 'ann', 3, 50, 'initech')]);
    expect(await accountRow(workspace, model, 'acme')).toMatchObject({
      members: 1,
      engagement_sum_centi: '3000',
    });
    expect(await accountRow(workspace, model, 'initech')).toMatchObject({
      members: 1,
      engagement_sum_centi: '5000',
    });
    const events = await accountEvents(workspace);
    const acme = events.filter((e) => e.data.account === 'acme');
    // One change per batch that moved the account: 70, then 30 (ann's 50 in acme never published alone).
    expect(acme.map((e) => [e.data.sequence, e.data.current.engagement, e.data.cause.type])).toEqual([
      [1, 70, 'member-joined'],
      [2, 30, 'member-left'],
    ]);
    expect(events.find((e) => e.data.account === 'initech')?.data.cause).toEqual({
      type: 'member-joined',
      contact: 'ann',
      memberSequence: 3,
    });

    // bob is merged into another contact: he leaves acme.
    const merged = member(model, 'bob', 2, 0, 'acme');
    merged.data.cause = { type: 'merge', survivor: 'ann' };
    await feeder.feed([merged]);
    expect(await accountRow(workspace, model, 'acme')).toMatchObject({
      members: 0,
      engagement_sum_centi: '0',
    });
  });

  it('qualifies an account (MQA) with hysteresis and sends the hand-off to subscribed webhooks once', async () => {
    const workspace = uniqueName('ws');
    const model = accountModel(workspace, '{ rollup: sum }');
    await recordModel(dataSource, model);
    const subscription = uniqueName('sub');
    await webhookSubscriptionRepository.create(
      dataSource.manager,
      {
        id: subscription,
        workspaceId: workspace,
        url: 'https://crm.example.com/hooks',
        secrets: ['sealed'],
        events: ['account-stage'],
        tiers: null,
        stages: ['mqa'],
        enabled: true,
      },
      new Date(),
    );
    const feeder = new Feeder();
    // 60 + 50 = 110 ≥ 100: MQA. Then 60 + 30 = 90 holds it (exit 80); 60 + 10 = 70 leaves it.
    await feeder.feed([member(model, 'ann', 1, 60, 'acme'), member(model, 'bob', 1, 50, 'acme')]);
    await feeder.feed([member(model, 'bob', 2, 30, 'acme')]);
    await feeder.feed([member(model, 'bob', 3, 10, 'acme')]);
    await feeder.feed([member(model, 'bob', 4, 50, 'acme')]);
    const stages = (await outboxOf<AccountLifecycleChangedEvent>(topics.lifecycle, workspace))
      .filter((e) => e.type === 'account.stage.changed')
      .map((e) => `${e.data.previous}>${e.data.current}@${e.data.scores.total}`);
    expect(stages).toEqual(['lead>mqa@110', 'mqa>lead@70', 'lead>mqa@110']);
    const deliveries = await dataSource.query<{ event_type: string; n: number }[]>(
      `SELECT event_type, count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = $1
       GROUP BY event_type`,
      [subscription],
    );
    // Only the transitions into MQA: the subscription filters on stage mqa.
    expect(deliveries).toEqual([{ event_type: 'account.stage.changed', n: 2 }]);
    expect(await accountRow(workspace, model, 'acme')).toMatchObject({ stage: 'mqa', sequence: '4' });
  });
});
