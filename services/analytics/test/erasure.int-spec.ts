import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AnalyticsQueries,
  AnalyticsQueryRunner,
  ArchiveStore,
  archiveRowOf,
  migrateAnalytics,
  type AnalyticsClient,
  type ArchiveRole,
  type ArchiveRow,
} from '@leadscore/analytics';
import { CONTACT_ERASED, contactHashOf } from '@leadscore/contracts';
import { startTestClickHouse, uniqueDatabaseName, type TestClickHouse } from '@leadscore/testing';

// Erasure in the archive on the real engine: a contact.erased event deletes the contact's rows dated at
// or before it from every contact table, leaves a tombstone without the contact's key, and no replay,
// late score change or concurrent insert brings a row back; what comes after the erasure is archived.
let clickhouse: TestClickHouse;
let db: string;
let store: ArchiveStore;
let queries: AnalyticsQueryRunner;

const ADA = 'email:ada@example.com';
const BOB = 'email:bob@example.com';
const CAROL = 'email:carol@example.com';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
let offset = 0;

function row(role: ArchiveRole, value: Record<string, unknown>): ArchiveRow {
  offset += 1;
  return archiveRowOf(role, {
    topic: role,
    partition: 0,
    offset: String(offset),
    timestamp: Date.UTC(2026, 11, 1, 12),
    key: `acme:${String(value['subject'])}`,
    value: JSON.stringify({ specversion: '1.0', workspace: 'acme', ...value }),
    headers: {},
  });
}

const event = (id: string, contact: string, minute: number, type = 'web.page_viewed') =>
  row('events', { id, source: '/v1/events', type, time: at(minute), subject: contact, data: {} });
// The api names an erasure by an opaque id (its audit row's).
let erasures = 0;
const erased = (contact: string, minute: number) =>
  event(`erasure-${++erasures}`, contact, minute, CONTACT_ERASED);
const scoreChange = (contact: string, sequence: number, minute: number) =>
  row('scoreChanges', {
    id: `${contact}-${sequence}`,
    source: 'leadscore/scorer',
    type: 'score.changed',
    time: at(minute),
    subject: contact,
    data: {
      contact,
      model: { id: 'm1', version: 1 },
      sequence,
      cause: { type: 'event', eventId: `${contact}-e${sequence}` },
      previous: null,
      current: { fit: 0, engagement: 10, total: 10, tier: null, grade: null },
      contributions: [],
    },
  });
const stageChange = (contact: string, minute: number) =>
  row('lifecycleChanges', {
    id: `${contact}-stage`,
    source: 'leadscore/threshold',
    type: 'stage.changed',
    time: at(minute),
    subject: contact,
    data: {
      contact,
      model: { id: 'm1', version: 1 },
      kind: 'stage',
      previous: 'lead',
      current: 'mql',
      sequence: 2,
    },
  });

let batches = 0;
const write = (rows: ArchiveRow[], on = store) =>
  on.write({
    consumerGroup: 'g',
    topic: 't',
    partition: 0,
    firstOffset: String(++batches),
    nextOffset: String(batches + 1),
    rows,
  });

/** Rows of `contact` in each contact table, counted without FINAL (every stored copy). */
async function rowsOf(contact: string): Promise<Record<string, number>> {
  const result = await clickhouse.client.query({
    query: `SELECT
      (SELECT count() FROM ${db}.events WHERE contact = {contact:String}) AS events,
      (SELECT count() FROM ${db}.score_changes WHERE contact = {contact:String}) AS score_changes,
      (SELECT count() FROM ${db}.lifecycle_changes WHERE contact = {contact:String}) AS lifecycle_changes`,
    query_params: { contact },
    format: 'JSONEachRow',
  });
  const [counts] = await result.json<Record<string, string>>();
  return Object.fromEntries(Object.entries(counts ?? {}).map(([table, n]) => [table, Number(n)]));
}

const adaHistory = [
  event('a1', ADA, 1),
  event('a2', ADA, 2),
  scoreChange(ADA, 1, 1),
  scoreChange(ADA, 2, 2),
  stageChange(ADA, 2),
];

beforeAll(async () => {
  db = uniqueDatabaseName('erasure');
  clickhouse = await startTestClickHouse(db);
  await migrateAnalytics(clickhouse.client, db);
  store = new ArchiveStore(clickhouse.client, db);
  queries = new AnalyticsQueryRunner(clickhouse.client, db);
  await write([...adaHistory, event('b1', BOB, 1), scoreChange(BOB, 1, 1), stageChange(BOB, 1)]);
  // A copy of Ada's rows in another block (a batch cut differently): both copies must go.
  await write(adaHistory.slice(0, 3));
});

afterAll(async () => {
  await clickhouse?.close();
});

describe('erasure in the archive', () => {
  it('deletes every stored copy of the contact’s rows from every contact table, and only the contact’s', async () => {
    expect(await rowsOf(ADA)).toEqual({ events: 4, score_changes: 3, lifecycle_changes: 1 });
    const counts = await write([erased(ADA, 10)]);
    expect(counts.get('erased_contacts')).toBe(1);
    expect(await rowsOf(ADA)).toEqual({ events: 0, score_changes: 0, lifecycle_changes: 0 });
    expect(await rowsOf(BOB)).toEqual({ events: 1, score_changes: 1, lifecycle_changes: 1 });
    expect(
      await queries.run(AnalyticsQueries.contactScoreHistory, {
        workspace: 'acme',
        contact: ADA,
        model: '',
        limit: 10,
      }),
    ).toEqual([]);
  });

  it('keeps a tombstone with a hash of the contact, not its key', async () => {
    const result = await clickhouse.client.query({
      query: `SELECT * FROM ${db}.erased_contacts FINAL`,
      format: 'JSONEachRow',
    });
    const tombstones = await result.json<Record<string, unknown>>();
    expect(tombstones).toEqual([
      expect.objectContaining({
        workspace: 'acme',
        contact_hash: contactHashOf('acme', ADA),
        erased_at: '2026-12-01 09:10:00.000',
      }),
    ]);
    expect(JSON.stringify(tombstones)).not.toMatch(/ada/i);
    // Nor is the erasure itself an event of the contact's timeline.
    expect(
      await queries.run(AnalyticsQueries.contactTimeline, { workspace: 'acme', contact: ADA, limit: 10 }),
    ).toEqual([]);
  });

  it('never archives the contact’s earlier rows again (a replay, a late score change), but archives what comes after', async () => {
    await write([...adaHistory, scoreChange(ADA, 3, 9)]);
    expect(await rowsOf(ADA)).toEqual({ events: 0, score_changes: 0, lifecycle_changes: 0 });
    // A new consent: the contact's activity after the erasure is a new start.
    await write([event('a-new', ADA, 20), scoreChange(ADA, 1, 20)]);
    expect(await rowsOf(ADA)).toEqual({ events: 1, score_changes: 1, lifecycle_changes: 0 });
  });

  it('learns an erasure another process archived before it inserts', async () => {
    const other = new ArchiveStore(clickhouse.client, db);
    await write([event('c1', CAROL, 1), scoreChange(CAROL, 1, 1)]);
    await write([erased(CAROL, 5)]);
    await write([event('c1', CAROL, 1), scoreChange(CAROL, 1, 1), scoreChange(CAROL, 2, 4)], other);
    expect(await rowsOf(CAROL)).toEqual({ events: 0, score_changes: 0, lifecycle_changes: 0 });
  });

  it('deletes rows it inserted while another process was erasing their contact', async () => {
    const DAN = 'email:dan@example.com';
    // This process's insert of Dan's rows lands after the other process erased Dan (tombstone and delete).
    let erasing: Promise<unknown> | undefined;
    const eraser = new ArchiveStore(clickhouse.client, db);
    const racing = new ArchiveStore(
      insertingAfter(clickhouse.client, async () => {
        erasing ??= write([erased(DAN, 30)], eraser);
        await erasing;
      }),
      db,
    );
    await write([event('d1', DAN, 1), scoreChange(DAN, 1, 1)], racing);
    expect(erasing).toBeDefined();
    expect(await rowsOf(DAN)).toEqual({ events: 0, score_changes: 0, lifecycle_changes: 0 });
  });
});

/** The client, running `before` ahead of its first insert of contact rows (the engine does the rest). */
function insertingAfter(client: AnalyticsClient, before: () => Promise<void>): AnalyticsClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'insert')
        return async (params: Parameters<AnalyticsClient['insert']>[0]) => {
          if (params.table.endsWith('.events')) await before();
          return target.insert(params);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
