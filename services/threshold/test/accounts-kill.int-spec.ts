import { type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  parseModel,
  type AccountScoreChangedEvent,
  type ScoreChangedEvent,
  type ScoringModel,
} from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { fromCentiPoints, rollUpEngagement, toCentiPoints } from '@leadscore/scoring';
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
  createThresholdTopics,
  produceScoreChanges,
  readTopic,
  recordModel,
  scoreChange,
  testKafka,
  waitFor,
  waitUntilConsumed,
} from './threshold-harness.js';

// Two process starts and group joins on a shared 2-core machine.
jest.setTimeout(420_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ThresholdTopics;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase('threshold_accounts_kill');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('threshold-accounts-kill');
  topics = await createThresholdTopics(kafka);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await dataSource?.destroy();
  await database?.drop();
});

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

function accountsModel(workspace: string): ScoringModel {
  return parseModel(
    `id: accounts-kill
version: 1
workspace: ${workspace}
name: Accounts under kill -9
engagement:
  - { id: click, event: email.clicked, points: 5 }
accounts:
  engagement: { rollup: topMean, top: 3 }
  tiers: { warm: 20, hot: 40 }
  lifecycle:
    mqa:
      conditions:
        - { metric: total, enter: 45, exit: 35 }
`,
    'yaml',
    'accounts-kill.yaml',
  );
}

/** A deterministic pseudo-random walk: members change engagement and, now and then, account. */
function memberWalks(model: ScoringModel, members: number, steps: number): ScoreChangedEvent[][] {
  // mulberry32: integer maths only, so the walk is the same on every run.
  let seed = 7;
  const next = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const accounts = ['acme', 'initech', 'globex', 'umbrella', 'hooli'];
  return Array.from({ length: members }, (_, m) => {
    let account: string | null = m % 9 === 0 ? null : (accounts[m % accounts.length] ?? null);
    return Array.from({ length: steps }, (_, s) => {
      if (next() < 0.15)
        account = next() < 0.2 ? null : (accounts[Math.floor(next() * accounts.length)] ?? null);
      const engagement = Math.round((next() * 90 - 10) * 100) / 100;
      return scoreChange(model, `m${m}`, s + 1, 25 + engagement, 'B', null, account);
    });
  });
}

describe('account roll-up with the threshold killed mid-stream', () => {
  it('counts every member change exactly once: account rows equal the roll-up of members’ last changes, and account changes are published once each with gapless sequences', async () => {
    const workspace = uniqueName('ws');
    const model = accountsModel(workspace);
    await recordModel(dataSource, model);
    const walks = memberWalks(model, 60, 12);
    // Interleave members so that each batch touches many accounts from every partition.
    const stream = Array.from({ length: 12 }, (_, s) => walks.map((walk) => walk[s]!)).flat();
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
      THRESHOLD_ACCOUNT_SCORE_CHANGED_TOPIC: topics.accountScoreChanged,
    };
    const outputs: string[][] = [];
    const start = (port: string) => {
      const service = startBuiltService('threshold', { ...env, PORT: port });
      children.push(service.child);
      outputs.push(service.output);
      return service;
    };
    try {
      const half = Math.floor(stream.length / 2);
      await produceScoreChanges(kafka, topics.scoreChanged, stream.slice(0, half));
      const first = start(env.PORT);
      await waitFor(
        'the first account changes',
        async () => {
          const [row] = await dataSource.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM account_scores WHERE workspace_id = $1 AND sequence > 0',
            [workspace],
          );
          return (row?.n ?? 0) >= 3;
        },
        300_000,
      );
      // The rest arrives in chunks while the first process works; it dies between two of them.
      const rest = stream.slice(half);
      const chunk = Math.ceil(rest.length / 6);
      for (let i = 0; i < 3; i++) {
        await produceScoreChanges(kafka, topics.scoreChanged, rest.slice(i * chunk, (i + 1) * chunk));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      first.child.kill('SIGKILL');
      await exited(first.child);
      const [atKill] = await dataSource.query<{ n: number }[]>(
        'SELECT coalesce(sum(next_offset), 0)::int AS n FROM consumer_offsets WHERE consumer_group = $1',
        [group],
      );
      await produceScoreChanges(kafka, topics.scoreChanged, rest.slice(3 * chunk));

      const second = start(String(await freePort()));
      await waitUntilConsumed(kafka, dataSource, group, topics.scoreChanged);
      await waitFor('the outbox to drain', async () => {
        const [row] = await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox_pending WHERE source LIKE 'threshold:%'`,
        );
        return row?.n === 0;
      });
      second.child.kill('SIGTERM');
      await exited(second.child);

      // The roll-up by definition, from each member's last change.
      const last = walks.map((walk) => walk.at(-1)!);
      const rows = await dataSource.query<
        {
          account_id: string;
          members: number;
          engagement_sum_centi: string;
          sequence: string;
          scores: { engagement: number; members: number };
        }[]
      >(
        `SELECT account_id, members, engagement_sum_centi, sequence::text, scores FROM account_scores
         WHERE workspace_id = $1 ORDER BY account_id`,
        [workspace],
      );
      expect(rows.length).toBeGreaterThanOrEqual(5);
      for (const row of rows) {
        const engagement = last
          .filter((change) => change.data.account === row.account_id)
          .map((change) => toCentiPoints(change.data.current.engagement));
        expect(row.members).toBe(engagement.length);
        expect(Number(row.engagement_sum_centi)).toBe(engagement.reduce((sum, value) => sum + value, 0));
        const highest = [...engagement].sort((a, b) => b - a).slice(0, 3);
        expect(row.scores.engagement).toBe(
          fromCentiPoints(
            rollUpEngagement({ rollup: 'topMean', top: 3 }, { sum: 0, members: engagement.length, highest }),
          ),
        );
      }

      const published = (await readTopic(kafka, topics.accountScoreChanged))
        .map((m) => JSON.parse(m.value!.toString('utf8')) as AccountScoreChangedEvent)
        .filter((e) => e.workspace === workspace);
      expect(new Set(published.map((e) => e.id)).size).toBe(published.length);
      for (const row of rows) {
        const sequences = published
          .filter((e) => e.data.account === row.account_id)
          .map((e) => e.data.sequence)
          .sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: Number(row.sequence) }, (_, i) => i + 1));
        const newest = published.find(
          (e) => e.data.account === row.account_id && e.data.sequence === Number(row.sequence),
        );
        expect(newest?.data.current).toEqual(row.scores);
      }
      // The second process had work left: the kill came mid-stream.
      expect(atKill?.n ?? 0).toBeLessThan(stream.length);
      console.info(
        `accounts kill test: ${stream.length} member changes (${atKill?.n ?? 0} consumed at SIGKILL), ` +
          `${rows.length} accounts, ` +
          `${published.length} account changes published once each`,
      );
    } catch (error) {
      const progress = await dataSource.query<unknown[]>(
        `SELECT (SELECT count(*) FROM lifecycle_states WHERE workspace_id = $1) AS states,
                (SELECT count(*) FROM account_members WHERE workspace_id = $1) AS members,
                (SELECT json_agg(o) FROM consumer_offsets o WHERE consumer_group = $2) AS offsets`,
        [workspace, group],
      );
      throw new Error(
        `${String(error)}\n--- progress ---\n${JSON.stringify(progress)}\n--- service output ---\n${outputs.flat().join('').slice(-4_000)}`,
        {
          cause: error,
        },
      );
    }
  });
});
