import { randomBytes } from 'node:crypto';
import { SettingsCipher } from '@leadscore/access';
import { parseModel, type Grade, type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  type ConsumedMessage,
  type KafkaClient,
} from '@leadscore/kafka';
import { scoringModelRepository, type DataSource } from '@leadscore/persistence';
import { scoreChangedEvent } from '@leadscore/score-events';
import { readTopic as readTopicRecords, testKafkaBrokers, uniqueName } from '@leadscore/testing';
import { WebhookTargetGuard } from '@leadscore/webhooks';
import { type ThresholdTopics } from '../src/lifecycle/lifecycle-batch.handler.js';

export function testKafka(name: string): KafkaClient {
  return createKafkaClient({ brokers: testKafkaBrokers(), clientId: uniqueName(name), logger: silentLogger });
}

export async function createThresholdTopics(kafka: KafkaClient, partitions = 3): Promise<ThresholdTopics> {
  const prefix = uniqueName('threshold');
  const topics = {
    scoreChanged: `${prefix}.score-changed`,
    lifecycle: `${prefix}.lifecycle`,
    events: `${prefix}.events`,
    accountScoreChanged: `${prefix}.account-score-changed`,
  };
  await ensureTopics(kafka, [
    { name: topics.events, partitions, config: {} },
    { name: topics.scoreChanged, partitions, config: {} },
    { name: topics.lifecycle, partitions, config: {} },
    { name: topics.accountScoreChanged, partitions, config: {} },
  ]);
  return topics;
}

/**
 * A model whose MQL needs total ≥ 65 and grade A or B and is left only below 55; SQL from 85, left below
 * 75; tiers warm 30, hot 60; a recycled stage on the way down.
 */
export function lifecycleModel(workspace: string): ScoringModel {
  return parseModel(
    `id: lifecycle-demo
version: 1
workspace: ${workspace}
name: Lifecycle demo
engagement:
  - { id: click, event: email.clicked, points: 5 }
grades:
  - { grade: A, min: 40 }
  - { grade: B, min: 20, max: 40 }
  - { grade: C, max: 20 }
tiers: { warm: 30, hot: 60 }
lifecycle:
  recycled: { description: nurture }
  mql:
    match: all
    conditions:
      - { metric: total, enter: 65, exit: 55 }
      - { metric: grade, in: [A, B] }
  sql:
    conditions:
      - { metric: total, enter: 85, exit: 75 }
`,
    'yaml',
    'lifecycle-demo.yaml',
  );
}

/** A model with named tiers: nurture, engaged (25/20), active (45/40), sales-ready (70/60). */
export function namedTiersModel(workspace: string): ScoringModel {
  return parseModel(
    `id: named-tiers
version: 1
workspace: ${workspace}
name: Named tiers
engagement:
  - { id: click, event: email.clicked, points: 5 }
tiers:
  - { id: nurture, countsAs: cold }
  - { id: engaged, countsAs: warm, enter: 25, exit: 20 }
  - { id: active, countsAs: warm, enter: 45, exit: 40 }
  - { id: sales-ready, countsAs: hot, enter: 70, exit: 60 }
`,
    'yaml',
    'named-tiers.yaml',
  );
}

export async function recordModel(dataSource: DataSource, model: ScoringModel): Promise<void> {
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: model.workspace,
    modelId: model.id,
    version: model.version,
    document: model,
    appliedAt: new Date(),
  });
}

const tierOf = (total: number): 'cold' | 'warm' | 'hot' =>
  total >= 60 ? 'hot' : total >= 30 ? 'warm' : 'cold';

/** The score-changed event of change `sequence` to `total` (grade B unless given), built by libs/score-events. */
export function scoreChange(
  model: ScoringModel,
  contact: string,
  sequence: number,
  total: number,
  grade: Grade = 'B',
  previousTotal: number | null = null,
  account: string | null = null,
): ScoreChangedEvent {
  const snapshot = (t: number) => ({ fit: 25, engagement: t - 25, total: t, tier: tierOf(t), grade });
  return scoreChangedEvent(
    model.workspace,
    contact,
    {
      model: { id: model.id, version: model.version },
      sequence,
      at: Date.UTC(2026, 10, 1) + sequence * 60_000,
      cause: { type: 'event', eventId: `${contact}-e${sequence}`, eventType: 'email.clicked' },
      previous: previousTotal === null ? null : snapshot(previousTotal),
      current: snapshot(total),
      applied: [],
      contributions: [
        { ruleId: 'click', kind: 'engagement', points: total - 25, eventId: `${contact}-e${sequence}` },
      ],
      account,
    },
    'leadscore/scorer',
  );
}

/** The changes of one contact walking through `totals`, sequences 1.. */
export function scoreWalk(
  model: ScoringModel,
  contact: string,
  totals: readonly number[],
  grade: Grade = 'B',
): ScoreChangedEvent[] {
  return totals.map((total, i) =>
    scoreChange(model, contact, i + 1, total, grade, i === 0 ? null : (totals[i - 1] ?? null)),
  );
}

export async function produceScoreChanges(
  kafka: KafkaClient,
  topic: string,
  events: readonly ScoreChangedEvent[],
): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  await producer.send(
    topic,
    events.map((e) => ({ key: `${e.workspace}:${e.subject}`, value: JSON.stringify(e) })),
  );
  await producer.disconnect();
}

export async function produceRecords(
  kafka: KafkaClient,
  topic: string,
  records: readonly { key: string; value: string }[],
): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  await producer.send(topic, [...records]);
  await producer.disconnect();
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { waitUntilConsumed } from '@leadscore/testing';

/** Every record of a topic up to its current high watermarks, in partition and offset order. */
export function readTopic(kafka: KafkaClient, topic: string): Promise<ConsumedMessage[]> {
  return readTopicRecords(kafka, topic);
}

export { WebhookReceiver, type ReceivedCall } from '@leadscore/testing';

export const testSecret = (fill: number) => `whsec_${Buffer.alloc(32, fill).toString('base64')}`;

/**
 * The guard of tests whose receivers listen on 127.0.0.1: private networks allowed, as an operator
 * allows them with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true (by default loopback is refused).
 */
/** The settings cipher of threshold tests (a random key): opens the secrets the tests seal with it. */
export const testSettingsCipher = new SettingsCipher(randomBytes(32));

export const localReceiversGuard = new WebhookTargetGuard({
  allowPrivateNetworks: true,
  requireHttps: false,
});
