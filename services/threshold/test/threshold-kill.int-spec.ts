import { type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type LifecycleChangedEvent } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { openDatabase, webhookSubscriptionRepository, type DataSource } from '@leadscore/persistence';
import {
  createTestDatabase,
  freePort,
  startBuiltService,
  testKafkaBrokers,
  uniqueName,
  type TestDatabase,
} from '@leadscore/testing';
import { type ThresholdTopics } from '../src/lifecycle/lifecycle-batch.handler.js';
import {
  WebhookReceiver,
  createThresholdTopics,
  lifecycleModel,
  produceScoreChanges,
  readTopic,
  recordModel,
  scoreWalk,
  testKafka,
  testSecret,
  waitFor,
  waitUntilConsumed,
} from './threshold-harness.js';

// Two process starts, a group join each, and a lease expiry on a shared 2-core machine.
jest.setTimeout(420_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ThresholdTopics;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase('threshold_kill');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('threshold-kill');
  topics = await createThresholdTopics(kafka);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await dataSource?.destroy();
  await database?.drop();
});

/** Starts the built service as its own process; `outputs` keeps what each run wrote, for the failure message. */
function startService(env: Record<string, string>, outputs: string[][]): ChildProcess {
  const service = startBuiltService('threshold', env);
  children.push(service.child);
  outputs.push(service.output);
  return service.child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

describe('threshold killed while transitions are in flight', () => {
  it('delivers every transition after a restart, none twice to a deduping receiver, and publishes each once', async () => {
    const workspace = uniqueName('ws');
    const model = lifecycleModel(workspace);
    await recordModel(dataSource, model);
    const secret = testSecret(11);
    const receiver = new WebhookReceiver(secret);
    // Slow answers keep attempts in flight when the process dies.
    receiver.respond = () => ({ status: 200, delayMs: 100 });
    await receiver.start();
    await webhookSubscriptionRepository.create(
      dataSource.manager,
      {
        id: uniqueName('sub'),
        workspaceId: workspace,
        url: receiver.url,
        secrets: [secret],
        events: ['stage'],
        tiers: null,
        stages: null,
        enabled: true,
      },
      new Date(),
    );
    // Each contact jumps to SQL and falls back: 4 stage transitions (webhooks) and 4 tier transitions.
    const contacts = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const walks = contacts.map((c) => scoreWalk(model, c, [95, 10]));
    const expectedStage = contacts.length * 4;
    const expectedPublished = contacts.length * 8;

    const group = uniqueName('threshold');
    const env = {
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      THRESHOLD_CONSUMER_GROUP: group,
      THRESHOLD_SCORE_CHANGED_TOPIC: topics.scoreChanged,
      THRESHOLD_LIFECYCLE_TOPIC: topics.lifecycle,
      THRESHOLD_EVENTS_TOPIC: topics.events,
      THRESHOLD_WEBHOOK_TIMEOUT_MS: '5000',
      THRESHOLD_WEBHOOK_LEASE_MS: '6000',
      THRESHOLD_WEBHOOK_BASE_DELAY_MS: '50',
      THRESHOLD_WEBHOOK_MAX_DELAY_MS: '500',
      THRESHOLD_WEBHOOK_POLL_MS: '20',
      THRESHOLD_WEBHOOK_ENDPOINT_CONCURRENCY: '4',
      // The receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    };
    const output: string[][] = [];
    try {
      await produceScoreChanges(kafka, topics.scoreChanged, walks.slice(0, 20).flat());
      const first = startService(env, output);
      await waitFor('the first deliveries', () => receiver.calls.length >= 12, 240_000);
      // More score changes arrive while the first process is busy, then it dies without warning.
      await produceScoreChanges(kafka, topics.scoreChanged, walks.slice(20).flat());
      first.kill('SIGKILL');
      await exited(first);
      const callsAtKill = receiver.calls.length;
      expect(callsAtKill).toBeLessThan(expectedStage);

      const second = startService({ ...env, PORT: String(await freePort()) }, output);
      await waitFor(
        'every transition at the receiver',
        () => receiver.uniqueIds.size >= expectedStage,
        300_000,
      );
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
      await waitFor('the outbox to drain', async () => {
        const [row] = await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox_pending WHERE source LIKE 'threshold:%'`,
        );
        return row?.n === 0;
      });
      second.kill('SIGTERM');
      await exited(second);

      const statuses = await dataSource.query<{ status: string; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE workspace_id = $1 GROUP BY status`,
        [workspace],
      );
      expect(statuses).toEqual([{ status: 'delivered', n: expectedStage }]);
      expect(receiver.calls.every((c) => c.verified)).toBe(true);
      expect(receiver.uniqueIds.size).toBe(expectedStage);
      // Calls beyond the unique ids are re-sends of attempts the killed process had in flight.
      const repeats = receiver.calls.length - receiver.uniqueIds.size;
      expect(repeats).toBeLessThanOrEqual(callsAtKill + 4);
      console.info(
        `threshold kill test: ${expectedStage} transitions, ${receiver.uniqueIds.size} unique webhook ids, ` +
          `${receiver.calls.length} calls in all (${repeats} repeated), ${callsAtKill} calls before SIGKILL`,
      );

      const published = (await readTopic(kafka, topics.lifecycle)).map(
        (m) => JSON.parse(m.value!.toString('utf8')) as LifecycleChangedEvent,
      );
      expect(new Set(published.map((e) => e.id)).size).toBe(expectedPublished);
      expect(published).toHaveLength(expectedPublished);
    } catch (error) {
      throw new Error(`${String(error)}\n--- service output ---\n${output.flat().join('').slice(-4_000)}`, {
        cause: error,
      });
    } finally {
      await receiver.stop();
    }
  });
});
