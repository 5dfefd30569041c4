import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ArchiveStore,
  applyEventsTtl,
  archiveRowOf,
  migrateAnalytics,
  readMigrations,
  type ArchivedRecord,
} from '@leadscore/analytics';
import { startTestClickHouse, uniqueDatabaseName, type TestClickHouse } from '@leadscore/testing';

// The archive's write path on the real engine (chDB here, a server with CLICKHOUSE_URL): migrations, the
// per-batch deduplication token, collapse by key read with FINAL, and the stored offsets.
let clickhouse: TestClickHouse;
let db: string;
let store: ArchiveStore;

beforeAll(async () => {
  db = uniqueDatabaseName('archive_store');
  clickhouse = await startTestClickHouse(db);
  await migrateAnalytics(clickhouse.client, db);
  store = new ArchiveStore(clickhouse.client, db);
});

afterAll(async () => {
  await clickhouse?.close();
});

const record = (offset: number, contact = `c${offset % 3}`): ArchivedRecord => ({
  topic: 'events-topic',
  partition: 0,
  offset: String(offset),
  timestamp: Date.UTC(2026, 11, 6),
  key: `acme:${contact}`,
  value: JSON.stringify({
    specversion: '1.0',
    id: `evt-${offset}`,
    source: '/v1/events',
    type: 'web.page_viewed',
    time: new Date(Date.UTC(2026, 10, 28) + offset * 60_000).toISOString(),
    subject: `email:${contact}@example.com`,
    workspace: 'acme',
    data: { url: 'https://example.com/pricing', path: '/pricing' },
  }),
  headers: {},
});

/** Offsets [from, to) as one consumed batch. */
const batch = (from: number, to: number) => ({
  consumerGroup: 'g',
  topic: 'events-topic',
  partition: 0,
  firstOffset: String(from),
  nextOffset: String(to),
  rows: Array.from({ length: to - from }, (_, i) => archiveRowOf('events', record(from + i))),
});

async function counts(): Promise<{ raw: number; final: number; distinct: number }> {
  const result = await clickhouse.client.query({
    query: `SELECT (SELECT count() FROM ${db}.events) AS raw,
                   (SELECT count() FROM ${db}.events FINAL) AS final,
                   (SELECT uniqExact(workspace, source, id) FROM ${db}.events) AS distinct`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ raw: string; final: string; distinct: string }>();
  return { raw: Number(row?.raw), final: Number(row?.final), distinct: Number(row?.distinct) };
}

describe('the archive store', () => {
  it('migrates once: a second run applies nothing and every table exists', async () => {
    expect(await migrateAnalytics(clickhouse.client, db)).toEqual({ applied: [] });
    const tables = await clickhouse.client.query({
      query: `SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name`,
      query_params: { db },
      format: 'JSONEachRow',
    });
    expect((await tables.json<{ name: string }>()).map((t) => t.name)).toEqual([
      'archive_offsets',
      'dead_letters',
      'erased_contacts',
      'events',
      'lifecycle_changes',
      'schema_migrations',
      'score_changes',
    ]);
    expect(readMigrations().map((m) => m.version)).toEqual([1, 2]);
  });

  it('drops a batch written again (a retry after a crash) and records where the partition resumes', async () => {
    await clickhouse.client.command({ query: `SYSTEM STOP MERGES ${db}.events` });
    await store.write(batch(0, 50));
    await store.write(batch(0, 50));
    expect(await counts()).toEqual({ raw: 50, final: 50, distinct: 50 });
    expect(await store.nextOffsets('g', 'events-topic')).toEqual(new Map([[0, '50']]));
    expect(await store.nextOffsets('other-group', 'events-topic')).toEqual(new Map());
  });

  it('counts a row once when a batch cut differently inserts it again, before any merge', async () => {
    // After a rebalance the batch boundaries differ: 40–80 overlaps 0–50 without being the same block.
    await store.write(batch(40, 80));
    expect(await counts()).toEqual({ raw: 90, final: 80, distinct: 80 });
    expect(await store.nextOffsets('g', 'events-topic')).toEqual(new Map([[0, '80']]));
  });

  it('takes the next insert after a deduplicated one (chDB keeps a request’s settings on its session)', async () => {
    const before = await counts();
    const insert = (offset: number, settings = {}) =>
      clickhouse.client.insert({
        table: `${db}.events`,
        values: [archiveRowOf('events', record(offset)).row],
        format: 'JSONEachRow',
        clickhouse_settings: settings,
      });
    await insert(1000, { insert_deduplication_token: 'one-token' });
    await insert(1001);
    expect((await counts()).final).toBe(before.final + 2);
    await clickhouse.client.command({ query: `SYSTEM START MERGES ${db}.events` });
  });

  it('sets, keeps and removes the optional TTL of raw events, rewriting nothing when it is unchanged', async () => {
    const engine = async () => {
      const result = await clickhouse.client.query({
        query: `SELECT engine_full FROM system.tables WHERE database = {db:String} AND name = 'events'`,
        query_params: { db },
        format: 'JSONEachRow',
      });
      return (await result.json<{ engine_full: string }>())[0]?.engine_full ?? '';
    };
    expect(await engine()).not.toContain(' TTL ');
    expect(await applyEventsTtl(clickhouse.client, db, 0)).toEqual({ changed: false });
    expect(await applyEventsTtl(clickhouse.client, db, 30)).toEqual({ changed: true });
    expect(await engine()).toContain('TTL toDateTime(time) + toIntervalDay(30) SETTINGS');
    expect(await applyEventsTtl(clickhouse.client, db, 30)).toEqual({ changed: false });
    expect(await applyEventsTtl(clickhouse.client, db, 365)).toEqual({ changed: true });
    expect(await engine()).toContain('toIntervalDay(365)');
    expect(await applyEventsTtl(clickhouse.client, db, 0)).toEqual({ changed: true });
    expect(await engine()).not.toContain(' TTL ');
    await expect(applyEventsTtl(clickhouse.client, db, -1)).rejects.toThrow(/whole days ≥ 0/);
  });
});
