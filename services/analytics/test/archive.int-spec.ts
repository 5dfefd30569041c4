import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createKafkaClient, highWatermarks, silentLogger } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import {
  createArchivedTopics,
  pollUntil,
  startTestClickHouse,
  testKafkaBrokers,
  uniqueDatabaseName,
  type TestClickHouse,
} from '@leadscore/testing';
import type { Registry } from 'prom-client';
import { AnalyticsRuntime, type AnalyticsTopics } from '../src/index.js';
import { ARCHIVE_COUNT_QUERY, mixedRecords, produceRound, type ProducedCounts } from './archive-fixtures.js';

// The archive consumer in this process, on the real engine and Kafka: every record of the four topics
// archived once, and a replay of the topics from offset 0 with merges stopped changes no answer.
jest.setTimeout(180_000);

const WORKSPACE = 'archived';
let clickhouse: TestClickHouse;
let db: string;
let topics: AnalyticsTopics;

beforeAll(async () => {
  db = uniqueDatabaseName('archive');
  clickhouse = await startTestClickHouse(db);
  topics = await createArchivedTopics('archive');
});

afterAll(async () => {
  await clickhouse?.close();
});

function runtime(
  consumerGroup: string,
  registry: Registry = createMetricsRegistry({ service: 'analytics' }),
): AnalyticsRuntime {
  return new AnalyticsRuntime({
    kafka: createKafkaClient({ brokers: testKafkaBrokers(), clientId: consumerGroup, logger: silentLogger }),
    clickhouse: clickhouse.client,
    database: db,
    consumerGroup,
    topics,
    maxWaitTimeMs: 100,
    logger: createLogger({ service: 'analytics', level: 'silent' }),
    registry,
  });
}

async function archived(): Promise<Record<string, { final: number; raw: number }>> {
  const result = await clickhouse.client.query({
    query: ARCHIVE_COUNT_QUERY(db),
    query_params: { w: WORKSPACE },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ table: string; final: string; raw: string }>();
  return Object.fromEntries(
    rows.map((row) => [row.table, { final: Number(row.final), raw: Number(row.raw) }]),
  );
}

const finals = (counts: Record<string, { final: number }>) =>
  Object.fromEntries(Object.entries(counts).map(([table, { final }]) => [table, final]));

const expected = (produced: ProducedCounts) => ({
  events: produced.events,
  score_changes: produced.scoreChanges,
  lifecycle_changes: produced.lifecycleChanges,
  dead_letters: produced.deadLetters,
});

/** Answers a user would ask of the archive; a replay must not change any of them. */
async function answers(): Promise<unknown> {
  const query = async (sql: string) =>
    (
      await clickhouse.client.query({ query: sql, query_params: { w: WORKSPACE }, format: 'JSONEachRow' })
    ).json();
  return {
    eventsPerTypeAndDay: await query(
      `SELECT type, toDate(time) AS day, count() AS n FROM ${db}.events FINAL WHERE workspace = {w:String} GROUP BY type, day ORDER BY type, day`,
    ),
    lastScorePerContact: await query(
      `SELECT contact, argMax(total, sequence) AS total, max(sequence) AS changes FROM ${db}.score_changes FINAL WHERE workspace = {w:String} GROUP BY contact ORDER BY contact`,
    ),
    deadLettersByReason: await query(
      `SELECT reason, count() AS n FROM ${db}.dead_letters FINAL WHERE workspace = {w:String} GROUP BY reason ORDER BY reason`,
    ),
  };
}

async function waitForArchive(target: Record<string, number>): Promise<void> {
  await pollUntil(
    async () => finals(await archived()),
    (counts) => JSON.stringify(counts) === JSON.stringify(target),
    {
      withinMs: 60_000,
      everyMs: 200,
      waitingFor: `the archive to hold ${JSON.stringify(target)}`,
    },
  );
}

describe('the archive', () => {
  it('holds every record of the four topics once, with where it was on Kafka, and where each partition ends', async () => {
    const round = mixedRecords(WORKSPACE, 0);
    await produceRound(topics, round);
    const registry = createMetricsRegistry({ service: 'analytics' });
    const archiver = runtime('archive-group', registry);
    await archiver.start();
    try {
      await waitForArchive(expected(round.counts));
    } finally {
      await archiver.stop();
    }
    expect(await archived()).toEqual({
      events: { final: 200, raw: 200 },
      score_changes: { final: 100, raw: 100 },
      lifecycle_changes: { final: 20, raw: 20 },
      dead_letters: { final: 13, raw: 13 },
    });
    // Every offset of every partition is in the archive exactly once.
    const kafka = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: 'archive-check',
      logger: silentLogger,
    });
    for (const [role, table] of [
      ['events', 'events'],
      ['scoreChanges', 'score_changes'],
    ] as const) {
      const ends = await highWatermarks(kafka, topics[role]);
      const result = await clickhouse.client.query({
        query: `SELECT kafka_partition AS partition, count() AS n, uniqExact(kafka_offset) AS offsets, max(kafka_offset) + 1 AS end
                FROM (SELECT kafka_partition, kafka_offset FROM ${db}.${table} FINAL WHERE kafka_topic = {t:String}
                      UNION ALL SELECT kafka_partition, kafka_offset FROM ${db}.dead_letters FINAL WHERE kafka_topic = {t:String})
                GROUP BY partition ORDER BY partition`,
        query_params: { t: topics[role] },
        format: 'JSONEachRow',
      });
      const rows = await result.json<{ partition: number; n: string; offsets: string; end: string }>();
      for (const row of rows) {
        expect(Number(row.n)).toBe(Number(row.offsets));
        expect(row.end).toBe(ends.get(Number(row.partition)));
        expect(Number(row.n)).toBe(Number(ends.get(Number(row.partition))));
      }
    }
    const metrics = await registry.getSingleMetricAsString('leadscore_analytics_rejected_rows_total');
    expect(metrics).toContain(
      `leadscore_analytics_rejected_rows_total{topic="${topics.events}",service="analytics"} 3`,
    );
    const unreadable = await clickhouse.client.query({
      query: `SELECT detail, count() AS n FROM ${db}.dead_letters FINAL WHERE reason = 'archive' GROUP BY detail`,
      format: 'JSONEachRow',
    });
    expect(await unreadable.json()).toEqual([{ detail: 'archive: not JSON', n: '3' }]);
  });

  it('resumes where the archive ends after a restart, and a replay from offset 0 with merges stopped changes no answer', async () => {
    const before = await answers();
    const second = mixedRecords(WORKSPACE, 1);
    await produceRound(topics, second);
    const restarted = runtime('archive-group');
    await restarted.start();
    const total = mixedRecords(WORKSPACE, 0).counts;
    const both = {
      events: total.events + second.counts.events,
      score_changes: total.scoreChanges + second.counts.scoreChanges,
      lifecycle_changes: total.lifecycleChanges + second.counts.lifecycleChanges,
      dead_letters: total.deadLetters + second.counts.deadLetters,
    };
    try {
      await waitForArchive(both);
    } finally {
      await restarted.stop();
    }
    // Resumed, not re-read: the raw rows equal the distinct ones.
    expect(Object.values(await archived()).every(({ final, raw }) => final === raw)).toBe(true);
    const afterRestart = await answers();
    expect(afterRestart).not.toEqual(before);

    for (const table of ['events', 'score_changes', 'lifecycle_changes', 'dead_letters'])
      await clickhouse.client.command({ query: `SYSTEM STOP MERGES ${db}.${table}` });
    const replay = runtime('replay-group');
    await replay.start();
    try {
      // The replay group starts at offset 0 of every partition and ends where the topics end.
      const kafka = createKafkaClient({
        brokers: testKafkaBrokers(),
        clientId: 'replay-check',
        logger: silentLogger,
      });
      await pollUntil(
        async () => {
          const ends = await highWatermarks(kafka, topics.events);
          const result = await clickhouse.client.query({
            query: `SELECT partition, max(next_offset) AS next FROM ${db}.archive_offsets WHERE consumer_group = 'replay-group' AND topic = {t:String} GROUP BY partition`,
            query_params: { t: topics.events },
            format: 'JSONEachRow',
          });
          const stored = new Map(
            (await result.json<{ partition: number; next: string }>()).map((r) => [
              Number(r.partition),
              r.next,
            ]),
          );
          return [...ends].every(([partition, end]) => stored.get(partition) === end);
        },
        (done) => done,
        { withinMs: 60_000, everyMs: 200, waitingFor: 'the replay to reach the end of the events topic' },
      );
      await waitForArchive(both);
    } finally {
      await replay.stop();
    }
    expect(finals(await archived())).toEqual(both);
    expect(await answers()).toEqual(afterRestart);
    for (const table of ['events', 'score_changes', 'lifecycle_changes', 'dead_letters'])
      await clickhouse.client.command({ query: `SYSTEM START MERGES ${db}.${table}` });
  });
});
