// The analytics archive: records of the four topics archived by the built analytics service (consume,
// map, one insert per table per partition batch, the offsets) as a ratio to a raw `@clickhouse/client`
// insert of the same rows (mapped beforehand, in batches of 10,000) measured in the same run. Target ≥ 0.8.
// A reference measures the floor the stage cannot go below: fetching the records from Kafka (bare
// kafkajs) and inserting as many pre-mapped rows per fetched batch.
// Each side has its own embedded engine (one data path per process): the service in its process, the
// baseline in this one. The subject's time runs from the service's start to its last row (so it includes
// the process start and the schema migration, ~1 s).
// Build: npx nx run-many -t build
// Run:   node tools/bench/dist/archive.bench.js   (knobs: BENCH_RECORDS (1000000), BENCH_ROUNDS (1))
import { createHash } from 'node:crypto';
import kafkajs from 'kafkajs';
import { join } from 'node:path';
import {
  ARCHIVE_TABLES,
  archiveRowOf,
  createAnalyticsClient,
  migrateAnalytics,
  type AnalyticsClient,
  type ArchiveRole,
} from '@leadscore/analytics';
import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  type ProducedMessage,
} from '@leadscore/kafka';
import { archivedRowsIn, makeTempDir, removeDir, workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { startServer, stop } from './http-bench.fixtures.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 1_000_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const BASELINE_BATCH = 10_000;
const WORKSPACE = 'bench';

/** 60 % events, 30 % score changes, 5 % lifecycle changes, 5 % dead letters, as the services write them. */
function recordOf(i: number): { role: ArchiveRole; message: ProducedMessage } {
  const contact = `email:c${i % 50_000}@example.com`;
  const key = `${WORKSPACE}:${contact}`;
  const time = new Date(Date.UTC(2026, 10, 1) + i * 2_000).toISOString();
  const envelope = { specversion: '1.0', source: '/v1/events', time, subject: contact, workspace: WORKSPACE };
  const slot = i % 20;
  if (slot < 12)
    return {
      role: 'events',
      message: {
        key,
        value: JSON.stringify({
          ...envelope,
          id: `evt-${i}`,
          type: slot % 2 ? 'email.clicked' : 'web.page_viewed',
          data: {
            url: `https://example.com/page/${i % 300}`,
            user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
          },
        }),
      },
    };
  if (slot < 18)
    return {
      role: 'scoreChanges',
      message: {
        key,
        value: JSON.stringify({
          ...envelope,
          id: createHash('sha256').update(`${key}:${i}`).digest('hex'),
          source: 'leadscore/scorer',
          type: 'score.changed',
          data: {
            contact,
            model: { id: 'ontraport', version: 2 },
            sequence: i + 1,
            cause: { type: 'event', eventId: `evt-${i - 1}`, eventType: 'web.page_viewed' },
            previous: { fit: 25, engagement: 10, total: 35, tier: 'warm', grade: 'B' },
            current: { fit: 25, engagement: 20, total: 45, tier: 'warm', grade: 'B' },
            contributions: [
              { ruleId: 'pricing-page-view', kind: 'engagement', points: 10, eventId: `evt-${i - 1}` },
              { ruleId: 'job-title-ceo', kind: 'fit', points: 15, eventId: null },
            ],
          },
        }),
      },
    };
  if (slot < 19)
    return {
      role: 'lifecycleChanges',
      message: {
        key,
        value: JSON.stringify({
          ...envelope,
          id: `lc-${i}`,
          type: 'lifecycle.changed',
          data: {
            contact,
            model: { id: 'ontraport', version: 2 },
            kind: 'stage',
            previous: 'lead',
            current: 'mql',
            sequence: i,
            cause: 'score',
          },
        }),
      },
    };
  return {
    role: 'deadLetters',
    message: {
      key: WORKSPACE,
      value: `{"id":"bad-${i}","type":"web.page_viewd"}`,
      headers: { 'leadscore-dlq-reason': 'invalid: type: expected a known event type', ce_id: `bad-${i}` },
    },
  };
}

const TOPICS: Record<ArchiveRole, string> = {
  events: 'bench.events',
  scoreChanges: 'bench.score-changed',
  lifecycleChanges: 'bench.lifecycle',
  deadLetters: 'bench.dlq',
};

/**
 * The floor: the I/O the stage cannot avoid — a bare kafkajs consumer fetching every record of the four
 * topics (3 partitions at once, 8 MiB fetches, as the service) and, per batch, one raw insert of as many
 * pre-mapped rows of the batch's table — no mapping, no offsets, no framework.
 */
async function fetchAndInsertFloor(
  brokers: string[],
  client: AnalyticsClient,
  database: string,
  rowsByTable: ReadonlyMap<string, readonly Record<string, unknown>[]>,
): Promise<Measurement> {
  await migrateAnalytics(client, database);
  const tableOf = new Map(
    (Object.keys(TOPICS) as ArchiveRole[]).map((role) => [TOPICS[role], ARCHIVE_TABLES[role]]),
  );
  const cursors = new Map<string, number>();
  const kafka = new kafkajs.Kafka({
    brokers,
    clientId: `bench-floor-${database}`,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `bench-floor-${database}`, maxBytesPerPartition: 8_388_608 });
  const started = performance.now();
  let inserted = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: Object.values(TOPICS), fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    consumer
      .run({
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch }) => {
          const table = tableOf.get(batch.topic) ?? '';
          const from = cursors.get(table) ?? 0;
          const values = (rowsByTable.get(table) ?? []).slice(from, from + batch.messages.length);
          cursors.set(table, from + values.length);
          if (values.length > 0)
            await client.insert({ table: `${database}.${table}`, values, format: 'JSONEachRow' });
          inserted += batch.messages.length;
          if (inserted >= RECORDS) resolve();
        },
      })
      .catch(reject);
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return { count: RECORDS, seconds };
}

await withThrowawayKafka(async (brokers) => {
  const kafka = createKafkaClient({ brokers, clientId: 'bench-archive', logger: silentLogger });
  await ensureTopics(
    kafka,
    Object.entries(TOPICS).map(([role, name]) => ({
      name,
      partitions: role === 'deadLetters' ? 1 : 6,
      config: {},
    })),
  );
  const records = Array.from({ length: RECORDS }, (_, i) => recordOf(i));
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  for (let from = 0; from < RECORDS; from += 20_000) {
    const slice = records.slice(from, from + 20_000);
    await Promise.all(
      (Object.keys(TOPICS) as ArchiveRole[]).map((role) =>
        producer.send(
          TOPICS[role],
          slice.filter((record) => record.role === role).map((record) => record.message),
        ),
      ),
    );
  }
  await producer.disconnect();
  // The baseline's rows: what the archive writes, mapped before its clock starts.
  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  records.forEach(({ role, message }, i) => {
    const { table, row } = archiveRowOf(role, {
      topic: TOPICS[role],
      partition: 0,
      offset: String(i),
      timestamp: Date.UTC(2026, 11, 1),
      key: String(message.key),
      value: String(message.value),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
      ),
    });
    const rows = rowsByTable.get(table) ?? [];
    rows.push(row);
    rowsByTable.set(table, rows);
  });
  process.stdout.write(
    `context  ${RECORDS} records: ${[...rowsByTable].map(([table, rows]) => `${table} ${rows.length}`).join(', ')}\n`,
  );

  const baselineDir = makeTempDir('bench-archive-baseline');
  const client = createAnalyticsClient({ kind: 'embedded', path: baselineDir });
  let round = 0;
  try {
    await runBenchmark({
      name: `analytics archive: ${RECORDS} mixed records of the four topics`,
      units: 'rows',
      rounds: ROUNDS,
      baseline: {
        name: 'raw-clickhouse-insert',
        run: async (): Promise<Measurement> => {
          const database = `baseline_${round++}`;
          await migrateAnalytics(client, database);
          const started = performance.now();
          for (const [table, rows] of rowsByTable)
            for (let from = 0; from < rows.length; from += BASELINE_BATCH)
              await client.insert({
                table: `${database}.${table}`,
                values: rows.slice(from, from + BASELINE_BATCH),
                format: 'JSONEachRow',
              });
          return { count: RECORDS, seconds: (performance.now() - started) / 1000 };
        },
      },
      references: [
        {
          name: 'kafka-fetch-insert-floor',
          run: () => fetchAndInsertFloor(brokers, client, `floor_${round++}`, rowsByTable),
        },
      ],
      subject: {
        name: 'analytics-service',
        run: async (): Promise<Measurement> => {
          const dataDir = makeTempDir('bench-archive-service');
          const started = performance.now();
          const service = await startServer([join(workspaceRoot(), 'services/analytics/dist/main.js')], {
            NODE_ENV: 'development',
            LOG_LEVEL: 'warn',
            HOST: '127.0.0.1',
            KAFKA_BROKERS: brokers.join(','),
            CLICKHOUSE_DATA_PATH: dataDir,
            ANALYTICS_CONSUMER_GROUP: `bench-archive-${round++}`,
            ANALYTICS_EVENTS_TOPIC: TOPICS.events,
            ANALYTICS_SCORE_CHANGED_TOPIC: TOPICS.scoreChanges,
            ANALYTICS_LIFECYCLE_TOPIC: TOPICS.lifecycleChanges,
            ANALYTICS_DEAD_LETTER_TOPIC: TOPICS.deadLetters,
          });
          try {
            for (;;) {
              const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
              if (archivedRowsIn(metrics) >= RECORDS) {
                const seconds = (performance.now() - started) / 1000;
                const sum = Number(
                  /^leadscore_analytics_insert_duration_seconds_sum\{[^}]*result="ok"[^}]*\} (\S+)/m.exec(
                    metrics,
                  )?.[1] ?? 0,
                );
                const batches = Number(
                  /^leadscore_analytics_insert_duration_seconds_count\{[^}]*result="ok"[^}]*\} (\d+)/m.exec(
                    metrics,
                  )?.[1] ?? 0,
                );
                return {
                  count: RECORDS,
                  seconds,
                  notes: [
                    `batches  ${batches} written, ${sum.toFixed(1)} s of them in ClickHouse inserts (${Math.round(RECORDS / Math.max(batches, 1))} rows a batch)`,
                  ],
                };
              }
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          } finally {
            await stop(service.child);
            removeDir(dataDir);
          }
        },
      },
    });
  } finally {
    await client.close();
    removeDir(baselineDir);
  }
});
