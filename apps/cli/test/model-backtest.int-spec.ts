import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ModelBacktest } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, silentLogger } from '@leadscore/kafka';
import {
  createArchivedTopics,
  makeTempDir,
  removeDir,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueDatabaseName,
  uniqueName,
  type TestAnalytics,
  clicksModelSource,
} from '@leadscore/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `leadscore model backtest`, the built CLI against the built api and the built analytics service (an
// archive of its own): a candidate against the live model on the workspace's archived contacts.
jest.setTimeout(120_000);

const HOUR = 3_600_000;
const T0 = Date.now() - 48 * HOUR;

const yaml = clicksModelSource;

let analytics: TestAnalytics;
let analyticsDir: string;
let api: CliTestApi;
let dir: string;

const run = (args: string[], key?: string) =>
  leadscore([...args, '--url', api.url, '--key', key ?? api.adminKey]);

beforeAll(async () => {
  analyticsDir = makeTempDir('cli-backtest-archive');
  const topics = await createArchivedTopics('cli-backtest');
  analytics = await startTestAnalytics({
    topics,
    dataPath: analyticsDir,
    database: uniqueDatabaseName('cli_backtest'),
    consumerGroup: uniqueName('cli-backtest'),
  });
  api = await startCliTestApi('cli_backtest', { ANALYTICS_URL: analytics.url });
  // ada: 2 clicks then won; bo: 1 click then lost. At 5 a click neither is MQL; at 10 ada is (20).
  const event = (contact: string, id: string, type: string, at: number) => ({
    key: `${api.workspace}:${contact}`,
    value: JSON.stringify({
      specversion: '1.0',
      workspace: api.workspace,
      id,
      source: type.startsWith('outcome.') ? 'leadscore/api' : '/v1/events',
      type,
      time: new Date(at).toISOString(),
      subject: contact,
      data: {},
    }),
  });
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'cli-backtest',
    logger: silentLogger,
  });
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  await producer.send(topics.events, [
    event('email:ada@example.com', 'ada-1', 'email.clicked', T0),
    event('email:ada@example.com', 'ada-2', 'email.clicked', T0 + HOUR),
    event('email:ada@example.com', 'ada-won', 'outcome.won', T0 + 2 * HOUR),
    event('email:bo@example.com', 'bo-1', 'email.clicked', T0),
    event('email:bo@example.com', 'bo-lost', 'outcome.lost', T0 + 2 * HOUR),
  ]);
  await producer.disconnect();
  await analytics.waitUntilArchived();

  dir = makeTempDir('cli-backtest');
  writeFileSync(join(dir, 'v1.yaml'), yaml(1, 5));
  writeFileSync(join(dir, 'v2.yaml'), yaml(2, 10));
  writeFileSync(join(dir, 'other.yaml'), yaml(1, 10, 'other'));
  writeFileSync(join(dir, 'broken.yaml'), yaml(2, 10).replace('email.clicked', 'email.clickd'));
});

afterAll(async () => {
  await api?.stop();
  await analytics?.service.stop();
  if (analyticsDir) removeDir(analyticsDir);
  if (dir) removeDir(dir);
});

describe('leadscore model backtest, against the api and the archive', () => {
  it('compares the candidate with the live model on the archived contacts', async () => {
    expect((await run(['model', 'apply', join(dir, 'v1.yaml')])).status).toBe(0);
    const human = await run(['model', 'backtest', join(dir, 'v2.yaml')], api.readKey);
    expect(human).toMatchObject({ status: 0, stderr: '' });
    expect(human.stdout).toContain('model clicks: version 2 (candidate) against version 1 (live)');
    expect(human.stdout).toContain('contacts: 2\n');
    expect(human.stdout).toContain(`  + email:ada@example.com at ${new Date(T0 + HOUR).toISOString()}`);
    expect(human.stdout).toMatch(/ROC AUC\s*│\s*1\.000\s*│\s*1\.000/);

    const json = await run(['model', 'backtest', join(dir, 'v2.yaml'), '--json'], api.readKey);
    expect(json.status).toBe(0);
    const answer = JSON.parse(json.stdout) as ModelBacktest;
    expect(answer).toMatchObject({
      modelId: 'clicks',
      contacts: 2,
      truncated: false,
      newMql: {
        count: 1,
        first: [{ contact: 'email:ada@example.com', at: new Date(T0 + HOUR).toISOString() }],
      },
      live: { model: { version: 1 }, outcomes: { known: 2, converted: 1, rocAuc: 1 } },
      candidate: { model: { version: 2 }, outcomes: { known: 2, converted: 1, rocAuc: 1 } },
    });
  });

  it('exits 6 without a live version and 3 with the issues of an invalid candidate', async () => {
    const missing = await run(['model', 'backtest', join(dir, 'other.yaml')]);
    expect(missing.status).toBe(6);
    expect(missing.stderr).toContain('apply the model first');
    const broken = await run(['model', 'backtest', join(dir, 'broken.yaml')]);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+/);
  });
});
