import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ScoreChangedEvent } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { type Registry } from 'prom-client';
import { ScorerRuntime } from '../src/app/scorer.runtime.js';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import {
  createScorerTopics,
  produceEvents,
  publishModel,
  readTopic,
  testKafka,
  waitUntilConsumed,
} from './scorer-harness.js';
import { eventStream, ontraportModel } from './scoring-fixtures.js';

jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ScorerTopics;
const workspace = uniqueName('ws');
const group = uniqueName('scorer');
const logger = createLogger({ service: 'scorer', level: 'warn' });

beforeAll(async () => {
  database = await createTestDatabase('scorer-ops');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-ops');
  topics = await createScorerTopics(kafka, 3);
  await publishModel(kafka, topics.models, ontraportModel(workspace));
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function metricValues(registry: Registry, name: string): Promise<Map<string, number>> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return new Map(values.map((v) => [Object.values(v.labels).join(','), v.value]));
}

describe('scorer operations (real Kafka and PostgreSQL)', () => {
  it('reports consumer lag per partition from the stored offsets, and dead letters by stage', async () => {
    const events = eventStream(workspace, 40, 300);
    const garbage = [
      { key: `${workspace}:user:x`, raw: 'not json at all' },
      { key: `${workspace}:user:y`, raw: '{"specversion":"1.0"}' },
      // PostgreSQL text and jsonb refuse NUL: the dead letter must still be stored, or the batch fails forever.
      { key: `${workspace}:user:\u0000z`, raw: '{"id":"nul \u0000 raw", broken' },
      { key: `${workspace}:user:w`, raw: '{"specversion":"1.0","id":"escaped \\u0000 nul"}' },
    ];
    await produceEvents(kafka, topics.events, [...events, ...garbage]);

    const registry = createMetricsRegistry({ service: 'scorer' });
    const runtime = new ScorerRuntime({ kafka, dataSource, logger, registry, consumerGroup: group, topics });
    await runtime.refreshMetrics();
    const lagBefore = await metricValues(registry, 'leadscore_scorer_consumer_lag_messages');
    expect([...lagBefore.keys()].sort()).toEqual(['0', '1', '2']);
    expect([...lagBefore.values()].reduce((a, b) => a + b, 0)).toBe(events.length + garbage.length);

    await runtime.start();
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    await runtime.stop();
    await runtime.refreshMetrics();
    const lagAfter = await metricValues(registry, 'leadscore_scorer_consumer_lag_messages');
    expect([...lagAfter.values()]).toEqual([0, 0, 0]);

    const deadLettered = await metricValues(registry, 'leadscore_scorer_dead_lettered_events_total');
    expect(deadLettered.get('decode')).toBe(garbage.length);
    expect(deadLettered.get('scoring') ?? 0).toBe(0);
    const backlog = await metricValues(registry, 'leadscore_scorer_outbox_backlog_messages');
    expect(backlog.get('')).toBe(0);
  });

  it('prunes dedupe ids and published outbox rows past their retention, and nothing younger or unpublished', async () => {
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const prunedWorkspace = uniqueName('prune');
    // 25,000 old ids: more than one delete chunk.
    await dataSource.query(
      `INSERT INTO processed_events (workspace_id, event_id, processed_at)
       SELECT $1, 'old-' || i, $2 FROM generate_series(1, 25000) AS i`,
      [prunedWorkspace, hoursAgo(200)],
    );
    await dataSource.query(
      `INSERT INTO processed_events (workspace_id, event_id, processed_at)
       SELECT $1, 'young-' || i, $2 FROM generate_series(1, 10) AS i`,
      [prunedWorkspace, hoursAgo(100)],
    );
    const outboxRow = (id: string, publishedAt: Date | null) =>
      dataSource.query(
        `INSERT INTO outbox (event_id, source, topic, message_key, payload, created_at, published_at)
         VALUES ($1, 'prune-test', 't', 'k', '{}', $2, $3)`,
        [id, hoursAgo(300), publishedAt],
      );
    await outboxRow(`${prunedWorkspace}-published-old`, hoursAgo(30));
    await outboxRow(`${prunedWorkspace}-published-young`, hoursAgo(2));
    await outboxRow(`${prunedWorkspace}-unpublished`, null);
    // Published by the source's watermark: the old rows at or below it go, the row above it stays.
    const watermarkRow = async (id: string, createdAt: Date) => {
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO outbox (event_id, source, topic, message_key, payload, created_at)
         VALUES ($1, 'prune-watermark', 't', 'k', '{}', $2) RETURNING id::text`,
        [id, createdAt],
      );
      return row!.id;
    };
    await watermarkRow(`${prunedWorkspace}-watermark-old-1`, hoursAgo(300));
    await watermarkRow(`${prunedWorkspace}-watermark-old-2`, hoursAgo(300));
    const through = await watermarkRow(`${prunedWorkspace}-watermark-young`, hoursAgo(2));
    await watermarkRow(`${prunedWorkspace}-watermark-pending`, hoursAgo(300));
    await dataSource.query(
      `INSERT INTO outbox_cursors (source, published_through_id, updated_at) VALUES ('prune-watermark', $1, now())`,
      [through],
    );

    const registry = createMetricsRegistry({ service: 'scorer' });
    const runtime = new ScorerRuntime({
      kafka,
      dataSource,
      logger,
      registry,
      consumerGroup: group,
      topics,
      retention: { processedEventRetentionHours: 192, publishedOutboxRetentionHours: 24 },
    });
    const pruned = await runtime.prune(now);

    const remainingIds = await dataSource.query<{ event_id: string }[]>(
      'SELECT event_id FROM processed_events WHERE workspace_id = $1 ORDER BY event_id',
      [prunedWorkspace],
    );
    expect(remainingIds.map((r) => r.event_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `young-${i + 1}`).sort(),
    );
    const remainingOutbox = await dataSource.query<{ event_id: string }[]>(
      `SELECT event_id FROM outbox WHERE source = 'prune-test' ORDER BY event_id`,
    );
    expect(remainingOutbox.map((r) => r.event_id)).toEqual([
      `${prunedWorkspace}-published-young`,
      `${prunedWorkspace}-unpublished`,
    ]);
    const remainingWatermarked = await dataSource.query<{ event_id: string }[]>(
      `SELECT event_id FROM outbox WHERE source = 'prune-watermark' ORDER BY event_id`,
    );
    expect(remainingWatermarked.map((r) => r.event_id)).toEqual([
      `${prunedWorkspace}-watermark-pending`,
      `${prunedWorkspace}-watermark-young`,
    ]);
    // The first test's ids and outbox rows are minutes old: untouched.
    expect(pruned).toEqual({ processedEvents: 25_000, outbox: 3 });
    const prunedMetric = await metricValues(registry, 'leadscore_scorer_pruned_rows_total');
    expect(prunedMetric.get('processed_events')).toBe(25_000);
  });

  it('dedupes on (source, id): the same id from two sources scores twice, a resend from one source once', async () => {
    const collisionWorkspace = uniqueName('collide');
    await publishModel(kafka, topics.models, ontraportModel(collisionWorkspace));
    const view = (source: string) => ({
      specversion: '1.0' as const,
      id: 'shared-id-1',
      source,
      type: 'web.page_viewed' as const,
      time: new Date().toISOString(),
      subject: 'user:collider',
      workspace: collisionWorkspace,
      data: { url: 'https://example.com/pricing', path: '/pricing' },
    });
    await produceEvents(kafka, topics.events, [view('/v1/track'), view('/v1/page'), view('/v1/track')]);

    const runtime = new ScorerRuntime({
      kafka,
      dataSource,
      logger,
      registry: createMetricsRegistry({ service: 'scorer' }),
      consumerGroup: group,
      topics,
    });
    await runtime.start();
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    await runtime.stop();

    const recorded = await dataSource.query<{ source: string }[]>(
      'SELECT source FROM processed_events WHERE workspace_id = $1 ORDER BY source',
      [collisionWorkspace],
    );
    expect(recorded.map((r) => r.source)).toEqual(['/v1/page', '/v1/track']);
    const changes = await readTopic(kafka, topics.scoreChanged, 3, 15_000, (message) =>
      (message.key?.toString() ?? '').startsWith(`${collisionWorkspace}:`),
    );
    const causes = changes.map(
      (m) => (JSON.parse(m.value?.toString() ?? '{}') as ScoreChangedEvent).data.cause,
    );
    // Two changes, one per source; the resend from /v1/track made none (3 would be awaited in vain).
    expect(causes).toEqual([
      { type: 'event', eventId: 'shared-id-1', eventType: 'web.page_viewed' },
      { type: 'event', eventId: 'shared-id-1', eventType: 'web.page_viewed' },
    ]);
  });
});
