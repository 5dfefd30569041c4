import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import {
  contactProfileRepository,
  contactScoreRepository,
  consumerOffsetRepository,
  scoringModelRepository,
  openDatabase,
  outboxRepository,
  processedEventRepository,
  type ContactScoreRow,
  type DataSource,
} from '../src/index.js';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase('persistence');
  // Two processes migrating at once must both succeed and leave one schema.
  const [first, second] = await Promise.all([
    openDatabase({ url: database.url }),
    openDatabase({ url: database.url }),
  ]);
  await second.destroy();
  dataSource = first;
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const score = (contactId: string, sequence: number, total: number): ContactScoreRow => ({
  workspaceId: 'ws1',
  modelId: 'm1',
  contactId,
  modelVersion: 1,
  sequence,
  fit: total / 2,
  engagement: total / 2,
  total,
  tier: total > 50 ? 'hot' : 'cold',
  grade: 'B',
  state: { buckets: [{ value: total / 2 }] },
  updatedAt: new Date('2026-01-01T00:00:00Z'),
});

describe('schema migrations', () => {
  it('are applied once even when several processes start together', async () => {
    const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM schema_migrations');
    expect(rows.map((r) => r.name)).toEqual(['InitialSchema1763900000000', 'DecayRuns1764000000000']);
  });
});

describe('contact scores', () => {
  it('round-trips many rows in one upsert and replaces them on conflict', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => score(`c${i}`, 1, i));
    await contactScoreRepository.upsertMany(dataSource.manager, rows);
    await contactScoreRepository.upsertMany(dataSource.manager, [score('c7', 2, 99)]);
    const loaded = await contactScoreRepository.loadMany(
      dataSource.manager,
      rows.map((r) => ({ workspaceId: r.workspaceId, contactId: r.contactId })),
    );
    expect(loaded).toHaveLength(500);
    const c7 = loaded.find((r) => r.contactId === 'c7');
    expect(c7).toMatchObject({ sequence: 2, total: 99, tier: 'hot', state: { buckets: [{ value: 49.5 }] } });
  });

  it('keeps rows locked for the transaction when loaded for update', async () => {
    const key = { workspaceId: 'ws1', contactId: 'c1' };
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = dataSource.transaction(async (manager) => {
      await contactScoreRepository.loadMany(manager, [key], true);
      firstLocked();
      await firstHolds;
      order.push('first commits');
    });
    await locked;
    const second = dataSource.transaction(async (manager) => {
      await contactScoreRepository.loadMany(manager, [key], true);
      order.push('second locked');
    });
    await new Promise((r) => setTimeout(r, 200));
    order.push('released');
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['released', 'first commits', 'second locked']);
  });
});

describe('consumer offsets', () => {
  it('stores offsets per partition and never moves one backwards', async () => {
    const sql = dataSource.manager;
    await consumerOffsetRepository.save(sql, 'g', 't', [
      { partition: 0, nextOffset: '10' },
      { partition: 1, nextOffset: '9007199254740993' },
    ]);
    await consumerOffsetRepository.save(sql, 'g', 't', [{ partition: 0, nextOffset: '4' }]);
    const offsets = await consumerOffsetRepository.load(sql, 'g', 't');
    expect(offsets).toEqual(
      new Map([
        [0, '10'],
        [1, '9007199254740993'],
      ]),
    );
  });
});

describe('processed events', () => {
  it('reports exactly the ids recorded before, per workspace', async () => {
    const sql = dataSource.manager;
    await processedEventRepository.record(sql, [{ workspaceId: 'ws1', eventId: 'e1' }], new Date());
    await processedEventRepository.record(sql, [{ workspaceId: 'ws1', eventId: 'e1' }], new Date());
    const seen = await processedEventRepository.findProcessed(sql, [
      { workspaceId: 'ws1', eventId: 'e1' },
      { workspaceId: 'ws2', eventId: 'e1' },
      { workspaceId: 'ws1', eventId: 'e2' },
    ]);
    expect([...seen]).toEqual([processedEventRepository.keyOf({ workspaceId: 'ws1', eventId: 'e1' })]);
  });
});

describe('outbox', () => {
  it('enqueues each event id once and hands out pending messages in order until published', async () => {
    const sql = dataSource.manager;
    const message = (n: number) => ({
      eventId: `ev${n}`,
      source: 'scorer:0',
      topic: 't',
      key: 'ws1:c1',
      payload: { n },
    });
    await outboxRepository.enqueue(sql, [message(1), message(2)], new Date());
    await outboxRepository.enqueue(sql, [message(2), message(3)], new Date());
    const pending = await outboxRepository.pending(sql, 'scorer:0', 10);
    expect(pending.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await outboxRepository.pending(sql, 'decay', 10)).toEqual([]);
    expect(await outboxRepository.backlog(sql)).toBe(3);
    await outboxRepository.markPublished(
      sql,
      pending.slice(0, 2).map((m) => m.id),
      new Date(),
    );
    expect((await outboxRepository.pending(sql, 'scorer:0', 10)).map((m) => m.eventId)).toEqual(['ev3']);
  });
});

describe('contact profiles', () => {
  it('replaces a profile on upsert and loads many in one query', async () => {
    const sql = dataSource.manager;
    const at = new Date('2026-01-02T00:00:00Z');
    await contactProfileRepository.upsertMany(sql, [
      { workspaceId: 'ws1', contactId: 'a', traits: { title: 'CEO' }, updatedAt: at },
      { workspaceId: 'ws1', contactId: 'b', traits: { state: 'CO' }, updatedAt: at },
    ]);
    await contactProfileRepository.upsertMany(sql, [
      { workspaceId: 'ws1', contactId: 'a', traits: { title: 'CTO', state: 'CO' }, updatedAt: at },
    ]);
    const loaded = await contactProfileRepository.loadMany(sql, [
      { workspaceId: 'ws1', contactId: 'a' },
      { workspaceId: 'ws1', contactId: 'b' },
      { workspaceId: 'ws2', contactId: 'a' },
    ]);
    expect(loaded.map((p) => [p.contactId, p.traits]).sort()).toEqual([
      ['a', { title: 'CTO', state: 'CO' }],
      ['b', { state: 'CO' }],
    ]);
  });
});

describe('scoring models', () => {
  it('returns the latest version of each model', async () => {
    const sql = dataSource.manager;
    const row = (modelId: string, version: number) => ({
      workspaceId: 'ws1',
      modelId,
      version,
      document: { id: modelId, version },
      appliedAt: new Date(),
    });
    for (const r of [row('m', 1), row('m', 3), row('m', 2), row('n', 1), row('m', 3)]) {
      await scoringModelRepository.record(sql, r);
    }
    const latest = await scoringModelRepository.latest(sql);
    expect(latest.map((r) => [r.modelId, r.version])).toEqual([
      ['m', 3],
      ['n', 1],
    ]);
  });
});
