import { execFileSync, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Headers, TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { ensureTopics, type KafkaClient } from '@leadscore/kafka';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { type ContactScoreState } from '@leadscore/scoring';
import {
  createTestDatabase,
  freePort,
  startBuiltService,
  testKafkaBrokers,
  uniqueName,
  workspaceRoot,
  type TestDatabase,
} from '@leadscore/testing';
import { produceEvents, publishModel, readTopic, testKafka, waitUntilConsumed } from './scorer-harness.js';
import { eventStream, ontraportModel, referenceScores } from './scoring-fixtures.js';

// The scorer runs as its own process (services/scorer/dist/main.js), killed with SIGKILL mid-stream.
// This file alone uses the platform's fixed topic names (main.ts reads Topics.*); its workspace,
// consumer group and database are its own.
jest.setTimeout(900_000);

const EVENTS = 100_000;
const CONTACTS = 2_000;
const KILLS = 6;
const workspace = uniqueName('crash');
const group = uniqueName('scorer-crash');
const model = ontraportModel(workspace);
const events = eventStream(workspace, CONTACTS, EVENTS, 7);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;

/** Deterministic kill moments, so a failing run can be repeated. */
function seededRandom(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

async function startScorer(): Promise<ChildProcess> {
  const scorer = startBuiltService('scorer', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    DATABASE_URL: database.url,
    SCORER_CONSUMER_GROUP: group,
    SCORER_SESSION_TIMEOUT_MS: '6000',
  });
  // Its warnings go to the test's output as they come: a killed round's last words explain a failure.
  scorer.child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[scorer ${String(scorer.child.pid)}] ${chunk.toString('utf8')}`),
  );
  return scorer.child;
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function committedOffsets(): Promise<number> {
  const [row] = await dataSource.query<{ n: string | null }[]>(
    'SELECT sum(next_offset)::text AS n FROM consumer_offsets WHERE consumer_group = $1',
    [group],
  );
  return Number(row?.n ?? 0);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  // The process under test is the built service: build it (and what it imports) from this tree first.
  execFileSync('npx', ['nx', 'run', '@leadscore/scorer:build'], {
    cwd: workspaceRoot(),
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  database = await createTestDatabase('scorer-crash');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-crash');
  await ensureTopics(kafka, TOPIC_DECLARATIONS);
  await publishModel(kafka, Topics.models, model);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('scorer process killed with SIGKILL while events stream in', () => {
  const reference = referenceScores(model, events);
  const expectedChanges = [...reference.values()].reduce((sum, state) => sum + state.sequence, 0);

  it(`ends, after ${KILLS} kills and restarts, with every score equal to the pure engine's`, async () => {
    const random = seededRandom(42);
    const chunk = Math.ceil(EVENTS / (KILLS + 1));
    const killLog: string[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      const before = await committedOffsets();
      const scorer = await startScorer();
      // This round's share of the stream arrives while the scorer starts and works.
      const streaming = produceEvents(kafka, Topics.events, events.slice(round * chunk, (round + 1) * chunk));
      await until(async () => (await committedOffsets()) > before, `round ${round} to commit a batch`);
      const delay = Math.floor(random() * 1_500);
      await new Promise((r) => setTimeout(r, delay));
      await killed(scorer, 'SIGKILL');
      const [pending] = await dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM outbox_pending',
      );
      killLog.push(
        `round ${round}: killed ${delay} ms after its first commit; offsets ${await committedOffsets()}, unpublished outbox rows ${pending?.n ?? 0}`,
      );
      await streaming;
    }
    await produceEvents(kafka, Topics.events, events.slice(KILLS * chunk));
    const last = await startScorer();
    await waitUntilConsumed(kafka, dataSource, group, Topics.events, 600_000);
    await until(async () => {
      const [row] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_pending');
      return row?.n === 0;
    }, 'the outbox to drain');
    await killed(last, 'SIGTERM');
    process.stderr.write(`${killLog.join('\n')}\n`);
    expect(killLog).toHaveLength(KILLS);

    const rows = await dataSource.query<{ contact_id: string; state: ContactScoreState; sequence: string }[]>(
      'SELECT contact_id, state, sequence::text FROM contact_scores WHERE workspace_id = $1',
      [workspace],
    );
    expect(rows).toHaveLength(reference.size);
    const mismatched = rows.filter((row) => {
      const expected = reference.get(row.contact_id);
      return !isDeepStrictEqual(row.state, expected) || Number(row.sequence) !== expected?.sequence;
    });
    // The first difference in full, then the count: enough to diagnose without a wall of output.
    const [first] = mismatched;
    if (first) expect(first.state).toEqual(reference.get(first.contact_id));
    expect(mismatched).toHaveLength(0);
    const [{ n: processed } = { n: -1 }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM processed_events WHERE workspace_id = $1',
      [workspace],
    );
    expect(processed).toBe(EVENTS);
  });

  it('published every score change exactly once: no duplicate ids, no sequence gaps', async () => {
    // Other suites (decay's kill test) also write to the platform's fixed topic: keep this workspace's.
    const messages = await readTopic(kafka, Topics.scoreChanged, expectedChanges, 300_000, (message) =>
      (message.key?.toString('utf8') ?? '').startsWith(`${workspace}:`),
    );
    const ids = messages.map((m) => m.headers[Headers.eventId] ?? '');
    const duplicates = ids.length - new Set(ids).size;
    expect(duplicates).toBe(0);
    expect(messages).toHaveLength(expectedChanges);
    const sequences = new Map<string, number[]>();
    for (const message of messages) {
      const event = JSON.parse(message.value?.toString('utf8') ?? '{}') as {
        subject: string;
        data: { sequence: number };
      };
      const seen = sequences.get(event.subject);
      if (seen) seen.push(event.data.sequence);
      else sequences.set(event.subject, [event.data.sequence]);
    }
    const gapped = [...sequences].filter(([contact, seen]) => {
      const sorted = [...seen].sort((a, b) => a - b);
      return sorted.length !== reference.get(contact)?.sequence || sorted.some((s, i) => s !== i + 1);
    });
    expect(gapped.map(([contact]) => contact)).toEqual([]);
  });
});
