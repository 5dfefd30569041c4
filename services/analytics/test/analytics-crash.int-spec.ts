import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  analyticsConnectionFromEnv,
  createAnalyticsClient,
  type AnalyticsClient,
} from '@leadscore/analytics';
import {
  archivedRowsIn,
  createArchivedTopics,
  makeTempDir,
  pollUntil,
  removeDir,
  startTestAnalytics,
  uniqueDatabaseName,
  uniqueName,
  type BuiltService,
} from '@leadscore/testing';
import type { ProducedMessage } from '@leadscore/kafka';
import type { AnalyticsTopics } from '../src/index.js';
import { ARCHIVE_COUNT_QUERY, mixedRecords, produceRound } from './archive-fixtures.js';

// The built analytics service as its own process, killed with SIGKILL while records stream in, several
// times; the archive must then hold every produced record once (counted here, independently of it).
jest.setTimeout(300_000);

const WORKSPACE = 'crashed';
const KILLS = 4;
const ROUNDS = KILLS + 2;
const SIZES = { events: 400, scoreChanges: 200, lifecycleChanges: 20, deadLetters: 10, unreadable: 2 };

let topics: AnalyticsTopics;
let dataPath: string;
let db: string;
const group = uniqueName('analytics-crash');

beforeAll(async () => {
  topics = await createArchivedTopics('crash');
  dataPath = makeTempDir('analytics-crash');
  db = uniqueDatabaseName('crash');
});

afterAll(() => {
  removeDir(dataPath);
});

const startAnalytics = () =>
  startTestAnalytics({
    topics,
    dataPath,
    database: db,
    consumerGroup: group,
    // A killed process holds its partitions until its session times out: the shortest Kafka allows.
    env: { ANALYTICS_SESSION_TIMEOUT_MS: '6000' },
  });

/** A round produced in five slices, 100 ms apart: records keep arriving while a process works. */
async function produceSlowly(
  topics: AnalyticsTopics,
  round: ReturnType<typeof mixedRecords> | undefined,
): Promise<void> {
  if (!round) return;
  const slices = 5;
  for (let slice = 0; slice < slices; slice += 1) {
    const part = (messages: ProducedMessage[]) => messages.filter((_, index) => index % slices === slice);
    await produceRound(topics, {
      counts: round.counts,
      byRole: {
        events: part(round.byRole.events),
        scoreChanges: part(round.byRole.scoreChanges),
        lifecycleChanges: part(round.byRole.lifecycleChanges),
        deadLetters: part(round.byRole.deadLetters),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the analytics service killed with SIGKILL while records stream in', () => {
  it(`archives every record exactly once after ${KILLS} kills mid-batch and restarts`, async () => {
    const rounds = Array.from({ length: ROUNDS }, (_, round) => mixedRecords(WORKSPACE, round, SIZES));
    const killLog: string[] = [];
    let current: BuiltService | undefined;
    try {
      for (let kill = 0; kill < KILLS; kill += 1) {
        const { service, archivedRows } = await startAnalytics();
        current = service;
        // This process's share of the stream arrives while it starts and works, in slices over time.
        const streaming = produceSlowly(topics, rounds[kill]);
        const { ms } = await pollUntil(archivedRows, (rows) => rows > 0, {
          withinMs: 60_000,
          everyMs: 20,
          waitingFor: `kill ${kill}: a first insert (${service.output.join('').slice(-1500)})`,
        });
        const delay = (kill * 137) % 400;
        await new Promise((resolve) => setTimeout(resolve, delay));
        const rows = await archivedRows();
        service.child.kill('SIGKILL');
        await service.exited;
        killLog.push(
          `kill ${kill}: ${delay} ms after its first insert (${ms} ms after it started), ${rows} rows inserted by that process`,
        );
        await streaming;
      }
      for (const round of rounds.slice(KILLS)) await produceRound(topics, round);
      const { service, metrics } = await startAnalytics();
      current = service;
      // Caught up once every partition's lag is 0 and no row was inserted for a while.
      let last = -1;
      await pollUntil(
        async () => {
          const text = await metrics();
          const lags = [...text.matchAll(/^leadscore_kafka_consumer_lag_messages\{[^}]*\} (\d+)/gm)].map(
            (m) => Number(m[1]),
          );
          const rows = archivedRowsIn(text);
          const quiet = rows === last && lags.every((lag) => lag === 0);
          last = rows;
          return quiet;
        },
        (quiet) => quiet,
        { withinMs: 120_000, everyMs: 2_000, waitingFor: 'the archive to catch up' },
      );
    } finally {
      await current?.stop();
    }
    process.stderr.write(`${killLog.join('\n')}\n`);

    // The service is gone: this process may open the archive (the embedded engine allows one process).
    const client: AnalyticsClient = createAnalyticsClient(analyticsConnectionFromEnv(process.env, dataPath));
    try {
      const result = await client.query({
        query: ARCHIVE_COUNT_QUERY(db),
        query_params: { w: WORKSPACE },
        format: 'JSONEachRow',
      });
      const rows = await result.json<{ table: string; final: string; raw: string }>();
      const counts = Object.fromEntries(rows.map((row) => [row.table, Number(row.final)]));
      // Rows inserted twice (a batch cut differently after a kill): collapsed by key, never counted twice.
      const twice = rows.map((row) => `${row.table} ${Number(row.raw) - Number(row.final)}`).join(', ');
      process.stderr.write(`rows stored twice: ${twice}\n`);
      expect(counts).toEqual({
        events: ROUNDS * SIZES.events,
        score_changes: ROUNDS * SIZES.scoreChanges,
        lifecycle_changes: ROUNDS * SIZES.lifecycleChanges,
        dead_letters: ROUNDS * (SIZES.deadLetters + SIZES.unreadable),
      });
      const ids = await client.query({
        query: `SELECT count() AS n, uniqExact(id) AS ids FROM ${db}.events FINAL WHERE workspace = {w:String}`,
        query_params: { w: WORKSPACE },
        format: 'JSONEachRow',
      });
      const [row] = await ids.json<{ n: string; ids: string }>();
      expect(row).toEqual({ n: String(ROUNDS * SIZES.events), ids: String(ROUNDS * SIZES.events) });
    } finally {
      await client.close();
    }
  });
});
