import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workspaceId } from '@leadscore/access';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import {
  MIGRATIONS,
  signingSecrets,
  contactProfileRepository,
  contactScoreRepository,
  lifecycleStateRepository,
  webhookSubscriptionRepository,
  consumerOffsetRepository,
  scoringModelRepository,
  openDatabase,
  outboxRepository,
  processedEventRepository,
  tryAcquireLeaderLease,
  LeadershipLostError,
  type RankedScoreRow,
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

const score = (contactId: string, sequence: number, total: number): RankedScoreRow => ({
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
  rank: { total, tier: total > 50 ? 'hot' : 'cold', grade: 'B' },
  attentionAt: null,
});

describe('schema migrations', () => {
  it('are applied once even when several processes start together', async () => {
    const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM schema_migrations');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });
});

describe('contact scores', () => {
  it('round-trips many rows in one upsert and replaces them on conflict', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => score(`c${i}`, 1, i));
    await contactScoreRepository.upsertMany(dataSource.manager, rows, 'test');
    await contactScoreRepository.upsertMany(dataSource.manager, [score('c7', 2, 99)], 'test');
    const loaded = await contactScoreRepository.loadMany(
      dataSource.manager,
      rows.map((r) => ({ workspaceId: r.workspaceId, contactId: r.contactId })),
    );
    expect(loaded).toHaveLength(500);
    const c7 = loaded.find((r) => r.contactId === 'c7');
    expect(c7).toMatchObject({ sequence: 2, total: 99, tier: 'hot', state: { buckets: [{ value: 49.5 }] } });
  });

  it('stores states with any text in them exactly, through both write statements', async () => {
    const tricky = {
      separator: 'a\u001eb',
      quotes: `"'\\`,
      braces: '{"x": [1, 2]}',
      unicode: 'Zoë 😀 \t\n',
      nested: [{ deep: { value: 0.1 + 0.2 } }],
    };
    const row = { ...score('tricky-contact "1"', 1, 5), state: tricky };
    await contactScoreRepository.upsertMany(dataSource.manager, [row], 'test');
    const key = { workspaceId: row.workspaceId, modelId: row.modelId, contactId: row.contactId };
    expect((await contactScoreRepository.loadOne(dataSource.manager, key))?.state).toEqual(tricky);
    const rewritten = { ...tricky, separator: '\u001e\u001e' };
    await contactScoreRepository.updateMany(
      dataSource.manager,
      [{ ...row, sequence: 2, state: rewritten }],
      'test',
    );
    expect(await contactScoreRepository.loadOne(dataSource.manager, key)).toMatchObject({
      sequence: 2,
      state: rewritten,
    });
  });

  it('rewrites scores as HOT updates, which add no index entries, even when the total changes', async () => {
    const indexes = await dataSource.query<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'contact_scores'`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['contact_scores_pkey']);
    // Fewer new versions than the 20 % of a page the fillfactor keeps free.
    const rows = Array.from({ length: 8 }, (_, i) => score(`hot${i}`, 1, i));
    await contactScoreRepository.upsertMany(dataSource.manager, rows, 'test');
    const counts = await dataSource.transaction(async (sql) => {
      // The backend's counters, which may still hold its earlier transactions' updates: compare before and after.
      const read = async () =>
        (
          await sql.query<{ updated: number; hot: number }[]>(
            `SELECT pg_stat_get_xact_tuples_updated('contact_scores'::regclass)::int AS updated,
                    pg_stat_get_xact_tuples_hot_updated('contact_scores'::regclass)::int AS hot`,
          )
        )[0] ?? { updated: 0, hot: 0 };
      const before = await read();
      await contactScoreRepository.upsertMany(
        sql,
        rows.map((r) => ({ ...r, sequence: 2, total: r.total + 7, rank: { ...r.rank, total: r.total + 7 } })),
        'test',
      );
      const after = await read();
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(counts).toEqual({ updated: 8, hot: 8 });
  });

  it('locks exactly the keys asked for, model by model', async () => {
    await contactScoreRepository.upsertMany(
      dataSource.manager,
      [
        { ...score('lk1', 1, 10), modelId: 'lock-a' },
        { ...score('lk1', 1, 20), modelId: 'lock-b' },
        { ...score('lk2', 1, 30), modelId: 'lock-a' },
      ],
      'test',
    );
    const second = async () =>
      dataSource.transaction((manager) =>
        contactScoreRepository.lockMany(manager, [
          { workspaceId: 'ws1', modelId: 'lock-b', contactId: 'lk1' },
        ]),
      );
    await dataSource.transaction(async (manager) => {
      const locked = await contactScoreRepository.lockMany(manager, [
        { workspaceId: 'ws1', modelId: 'lock-a', contactId: 'lk1' },
        { workspaceId: 'ws1', modelId: 'lock-a', contactId: 'lk2' },
        { workspaceId: 'ws1', modelId: 'lock-a', contactId: 'missing' },
      ]);
      expect(locked.map((r) => [r.modelId, r.contactId, r.total])).toEqual([
        ['lock-a', 'lk1', 10],
        ['lock-a', 'lk2', 30],
      ]);
      // Another model's row of the same contact stays free.
      expect((await second()).map((r) => r.total)).toEqual([20]);
    });
  });

  it('locks (and returns) the rows in key order whatever the order asked, and waits for the newest version', async () => {
    await contactScoreRepository.upsertMany(
      dataSource.manager,
      ['ko3', 'ko1', 'ko2'].map((contactId, i) => ({ ...score(contactId, 1, i), modelId: 'order' })),
      'test',
    );
    const keys = ['ko3', 'ko1', 'ko2'].map((contactId) => ({
      workspaceId: 'ws1',
      modelId: 'order',
      contactId,
    }));
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const locked = new Promise<void>((resolve) => (held = resolve));
    // One transaction holds ko2 and rewrites it; the other waits on it, then reads what was committed.
    const writer = dataSource.transaction(async (manager) => {
      await contactScoreRepository.lockMany(manager, [keys[2]!]);
      held();
      await holding;
      await contactScoreRepository.upsertMany(
        manager,
        [{ ...score('ko2', 2, 99), modelId: 'order' }],
        'test',
      );
    });
    await locked;
    const reader = dataSource.transaction((manager) => contactScoreRepository.lockMany(manager, keys));
    await new Promise((r) => setTimeout(r, 100));
    release();
    await writer;
    expect((await reader).map((r) => [r.contactId, r.total])).toEqual([
      ['ko1', 1],
      ['ko2', 99],
      ['ko3', 0],
    ]);
  });

  it('keeps rows locked for the transaction when loaded for update', async () => {
    const key = { workspaceId: 'ws1', modelId: 'm1', contactId: 'c1' };
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = dataSource.transaction(async (manager) => {
      await contactScoreRepository.lockMany(manager, [key]);
      firstLocked();
      await firstHolds;
      order.push('first commits');
    });
    await locked;
    const second = dataSource.transaction(async (manager) => {
      await contactScoreRepository.lockMany(manager, [key]);
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
  const id = (workspaceId: string, eventId: string, source = '/v1/events') => ({
    workspaceId,
    source,
    eventId,
  });
  const key = (workspaceId: string, eventId: string, source = '/v1/events') =>
    processedEventRepository.keyOf(id(workspaceId, eventId, source));

  it('claims only ids not recorded before, and forgets what it is told to', async () => {
    const sql = dataSource.manager;
    expect([...(await processedEventRepository.claim(sql, [id('cw1', 'e1')], new Date()))]).toEqual([
      key('cw1', 'e1'),
    ]);
    const claimed = await processedEventRepository.claim(
      sql,
      [id('cw1', 'e1'), id('cw2', 'e1'), id('cw1', 'e2')],
      new Date(),
    );
    expect([...claimed].sort()).toEqual([key('cw1', 'e2'), key('cw2', 'e1')].sort());
    await processedEventRepository.forget(sql, [id('cw1', 'e2')]);
    const again = await processedEventRepository.claim(sql, [id('cw1', 'e1'), id('cw1', 'e2')], new Date());
    expect([...again]).toEqual([key('cw1', 'e2')]);
  });

  it('keys on (workspace, source, id): the same id from another source is another event', async () => {
    const sql = dataSource.manager;
    const first = await processedEventRepository.claim(
      sql,
      [id('cs1', 'shared', '/v1/track'), id('cs1', 'shared', '/v1/identify')],
      new Date(),
    );
    expect(first.size).toBe(2);
    const again = await processedEventRepository.claim(
      sql,
      [id('cs1', 'shared', '/v1/track'), id('cs1', 'shared', '/v1/webhooks/sendgrid')],
      new Date(),
    );
    expect([...again]).toEqual([key('cs1', 'shared', '/v1/webhooks/sendgrid')]);
    await processedEventRepository.forget(sql, [id('cs1', 'shared', '/v1/track')]);
    const rows = await sql.query<{ source: string }[]>(
      `SELECT source FROM processed_events WHERE workspace_id = 'cs1' ORDER BY source`,
    );
    expect(rows.map((r) => r.source)).toEqual(['/v1/identify', '/v1/webhooks/sendgrid']);
  });

  it('lets an id recorded before sources were kept (source "") stand for that id from any source', async () => {
    const sql = dataSource.manager;
    // A row as the migration leaves an old one: its source column defaulted to ''.
    await sql.query(
      `INSERT INTO processed_events (workspace_id, event_id, processed_at) VALUES ('cl1', 'old', now())`,
    );
    const claimed = await processedEventRepository.claim(
      sql,
      [id('cl1', 'old', '/v1/events'), id('cl1', 'old', '/v1/track'), id('cl1', 'new', '/v1/events')],
      new Date(),
    );
    expect([...claimed]).toEqual([key('cl1', 'new', '/v1/events')]);
    // Once the old id aged out, the same id is new again.
    await sql.query(`DELETE FROM processed_events WHERE workspace_id = 'cl1' AND source = ''`);
    const later = await processedEventRepository.claim(sql, [id('cl1', 'old', '/v1/events')], new Date());
    expect([...later]).toEqual([key('cl1', 'old', '/v1/events')]);
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
    expect(pending.map((m) => m.payload)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(await outboxRepository.pending(sql, 'decay', 10)).toEqual([]);
    expect(await outboxRepository.backlog(sql)).toBe(3);
    await outboxRepository.markPublishedThrough(sql, 'scorer:0', pending[1]!.id, new Date());
    expect((await outboxRepository.pending(sql, 'scorer:0', 10)).map((m) => m.eventId)).toEqual(['ev3']);
  });

  it('keeps a batch row in order beside single rows and publishes by a watermark per source', async () => {
    const sql = dataSource.manager;
    const source = 'batch-test:0';
    const at = new Date('2026-01-02T00:00:00Z');
    const single = (eventId: string) => ({ eventId, source, topic: 't', key: 'k', payload: { eventId } });
    await dataSource.transaction((tx) => outboxRepository.enqueue(tx, [single('b1')], at));
    const batch = await dataSource.transaction((tx) =>
      outboxRepository.enqueueBatch(
        tx,
        source,
        [
          { eventId: 'b2', source, topic: 't', key: 'k2', payload: { n: 2, text: 'a "quoted" line\n' } },
          { eventId: 'b3', source, topic: 'dlq', key: 'k3', payload: 'raw, not JSON', headers: { h: 'v' } },
        ],
        at,
      ),
    );
    expect(batch.map((m) => [m.eventId, m.payload])).toEqual([
      ['b2', '{"n":2,"text":"a \\"quoted\\" line\\n"}'],
      ['b3', 'raw, not JSON'],
    ]);
    await dataSource.transaction((tx) => outboxRepository.enqueue(tx, [single('b4')], at));
    // What is read back is what was handed out at enqueue, byte for byte, in order.
    const pending = await outboxRepository.pending(sql, source, 100);
    expect(pending.map(({ id: _id, ...m }) => m)).toEqual([
      {
        eventId: 'b1',
        source,
        createdAt: at,
        topic: 't',
        key: 'k',
        payload: '{"eventId":"b1"}',
        headers: {},
      },
      ...batch.map(({ id: _id, ...m }) => m),
      {
        eventId: 'b4',
        source,
        createdAt: at,
        topic: 't',
        key: 'k',
        payload: '{"eventId":"b4"}',
        headers: {},
      },
    ]);
    // A page never splits a batch row: a limit of 2 messages gets b1 and the whole batch.
    expect((await outboxRepository.pending(sql, source, 2)).map((m) => m.eventId)).toEqual([
      'b1',
      'b2',
      'b3',
    ]);
    expect(await outboxRepository.progress(sql, source, batch[0]!.id)).toEqual({
      publishedThrough: '0',
      pendingBefore: true,
    });
    await outboxRepository.markPublishedThrough(sql, source, batch[0]!.id, new Date());
    expect(await outboxRepository.progress(sql, source, batch[0]!.id)).toEqual({
      publishedThrough: batch[0]!.id,
      pendingBefore: false,
    });
    expect((await outboxRepository.pending(sql, source, 100)).map((m) => m.eventId)).toEqual(['b4']);
    const [{ n } = { n: -1 }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox_pending WHERE source = $1',
      [source],
    );
    expect(n).toBe(1);
  });

  it('hands out pending messages in id order across a change in the number of digits', async () => {
    const sql = dataSource.manager;
    const source = 'digits-test:0';
    // Ids 996…1005: ordered as text, 1000 would come before 996.
    await dataSource.query(
      `SELECT setval('outbox_id_seq', GREATEST(995, (SELECT last_value FROM outbox_id_seq)))`,
    );
    const eventIds = Array.from({ length: 10 }, (_, i) => `digits-${i}`);
    for (const eventId of eventIds) {
      await dataSource.transaction((tx) =>
        outboxRepository.enqueue(tx, [{ eventId, source, topic: 't', key: 'k', payload: {} }], new Date()),
      );
    }
    const pending = await outboxRepository.pending(sql, source, 100);
    expect(pending.map((m) => m.eventId)).toEqual(eventIds);
  });
});

describe('leader lease', () => {
  it('is held by one process at a time and fences writes once its connection is gone', async () => {
    const lease = await tryAcquireLeaderLease(dataSource, 'leadscore-test-lease');
    expect(lease).toBeDefined();
    expect(await tryAcquireLeaderLease(dataSource, 'leadscore-test-lease')).toBeUndefined();
    await dataSource.transaction((sql) => lease!.assertHeld(sql));

    // The lock's connection dies (network, restart, admin): the holder may no longer write as leader.
    await dataSource.query('SELECT pg_terminate_backend($1)', [lease!.backendPid]);
    await expect(dataSource.transaction((sql) => lease!.assertHeld(sql))).rejects.toBeInstanceOf(
      LeadershipLostError,
    );
    expect(await lease!.stillHeld()).toBe(false);
    const next = await tryAcquireLeaderLease(dataSource, 'leadscore-test-lease');
    expect(next).toBeDefined();
    await next!.release();
    await lease!.release().catch(() => undefined);
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

  it('keeps the source and actor of a version the api applied when the scorer records it again', async () => {
    const sql = dataSource.manager;
    const acme = workspaceId('models-acme');
    const applied = {
      workspaceId: acme,
      modelId: 'default',
      version: 1,
      document: { id: 'default', version: 1, name: 'Default' },
      appliedAt: new Date('2026-04-01T09:00:00Z'),
      source: 'id: default\nversion: 1\n',
      sourceFormat: 'yaml' as const,
      appliedBy: 'key-1',
    };
    expect(await scoringModelRepository.recordApplied(sql, applied)).toBe(true);
    expect(await scoringModelRepository.recordApplied(sql, { ...applied, appliedBy: 'key-2' })).toBe(false);
    await scoringModelRepository.record(sql, { ...applied, appliedAt: new Date('2026-04-01T09:00:05Z') });
    expect(await scoringModelRepository.find(sql, acme, 'default', 1)).toEqual(applied);
    await scoringModelRepository.record(sql, {
      workspaceId: acme,
      modelId: 'default',
      version: 2,
      document: { id: 'default', version: 2, name: 'Default, second' },
      appliedAt: new Date('2026-04-02T09:00:00Z'),
    });
    expect(await scoringModelRepository.live(sql, acme, 'default')).toMatchObject({
      version: 2,
      source: null,
      sourceFormat: null,
      appliedBy: null,
    });
    expect(
      (await scoringModelRepository.versions(sql, acme, 'default')).map((v) => [
        v.version,
        v.name,
        v.appliedBy,
      ]),
    ).toEqual([
      [2, 'Default, second', null],
      [1, 'Default', 'key-1'],
    ]);
  });

  it('lists the live versions of one workspace only', async () => {
    const sql = dataSource.manager;
    const row = (workspace: string, modelId: string, version: number) => ({
      workspaceId: workspace,
      modelId,
      version,
      document: { id: modelId, version, name: `${modelId} v${version}` },
      appliedAt: new Date('2026-04-01T09:00:00Z'),
    });
    for (const r of [
      row('list-a', 'x', 1),
      row('list-a', 'x', 2),
      row('list-a', 'y', 1),
      row('list-b', 'z', 4),
    ])
      await scoringModelRepository.record(sql, r);
    const listed = await scoringModelRepository.listLive(sql, workspaceId('list-a'));
    expect(listed.map((v) => [v.modelId, v.version, v.name])).toEqual([
      ['x', 2, 'x v2'],
      ['y', 1, 'y v1'],
    ]);
    expect(await scoringModelRepository.live(sql, workspaceId('list-a'), 'z')).toBeUndefined();
    expect(await scoringModelRepository.versions(sql, workspaceId('list-b'), 'x')).toEqual([]);
  });
});

describe('lifecycle states', () => {
  it('upserts many states and loads them by key, keeping the last applied sequence', async () => {
    const key = { workspaceId: 'ws-life', modelId: 'm1', contactId: 'c1' };
    const row = {
      ...key,
      stage: 'mql' as const,
      tier: 'hot' as const,
      tierName: null,
      grade: 'B',
      salesAccepted: false,
      lastSequence: 3,
      modelVersion: 1,
      scores: { total: 70 },
    };
    await lifecycleStateRepository.upsertMany(dataSource.manager, [row], new Date());
    await lifecycleStateRepository.upsertMany(
      dataSource.manager,
      [{ ...row, stage: 'sql', lastSequence: 4 }],
      new Date(),
    );
    const loaded = await lifecycleStateRepository.loadMany(
      dataSource.manager,
      [key, { ...key, contactId: 'none' }],
      false,
    );
    expect([...loaded.values()]).toEqual([{ ...row, stage: 'sql', lastSequence: 4 }]);
  });

  it('keeps a named tier beside the v1 tier, and refuses a name the model language would not give', async () => {
    const key = { workspaceId: 'ws-life', modelId: 'm1', contactId: 'c-named' };
    const row = {
      ...key,
      stage: 'lead' as const,
      tier: 'warm' as const,
      tierName: 'sales-ready',
      grade: null,
      salesAccepted: false,
      lastSequence: 1,
      modelVersion: 1,
      scores: { total: 50 },
    };
    await lifecycleStateRepository.upsertMany(dataSource.manager, [row], new Date());
    const loaded = await lifecycleStateRepository.loadMany(dataSource.manager, [key], false);
    expect([...loaded.values()]).toEqual([row]);
    await expect(
      lifecycleStateRepository.upsertMany(
        dataSource.manager,
        [{ ...row, tierName: 'Sales Ready' }],
        new Date(),
      ),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('webhook subscriptions', () => {
  it('rotates a secret keeping the previous one valid until its expiry, then drops it', async () => {
    const subscription = {
      id: 'sub-rotate',
      workspaceId: 'ws-hooks',
      url: 'https://crm.example/hooks',
      secrets: ['whsec_old'],
      events: ['stage' as const],
      tiers: null,
      stages: ['mql' as const],
      enabled: true,
    };
    await webhookSubscriptionRepository.create(dataSource.manager, subscription, new Date());
    const expires = new Date('2030-01-02T00:00:00Z');
    const rotated = await webhookSubscriptionRepository.rotateSecret(
      dataSource.manager,
      'ws-hooks',
      'sub-rotate',
      'whsec_new',
      expires,
      new Date(),
    );
    expect(rotated).toMatchObject({ secrets: ['whsec_new', 'whsec_old'], previousSecretExpiresAt: expires });
    expect(
      (await webhookSubscriptionRepository.enabledFor(dataSource.manager, ['ws-hooks']))[0]?.secrets,
    ).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(rotated!, new Date('2030-01-01T23:59:59Z'))).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(rotated!, expires)).toEqual(['whsec_new']);
    await webhookSubscriptionRepository.dropPreviousSecret(
      dataSource.manager,
      'ws-hooks',
      'sub-rotate',
      new Date(),
    );
    expect(
      await webhookSubscriptionRepository.find(dataSource.manager, workspaceId('ws-hooks'), 'sub-rotate'),
    ).toMatchObject({ secrets: ['whsec_new'], previousSecretExpiresAt: null });
    // Another workspace finds nothing.
    expect(
      await webhookSubscriptionRepository.find(dataSource.manager, workspaceId('ws-other'), 'sub-rotate'),
    ).toBeUndefined();
  });

  it('refuses two secrets without an expiry of the previous one', async () => {
    await expect(
      webhookSubscriptionRepository.create(
        dataSource.manager,
        {
          id: 'sub-two',
          workspaceId: 'ws-hooks',
          url: 'https://crm.example/hooks',
          secrets: ['whsec_a', 'whsec_b'],
          events: ['stage'],
          tiers: null,
          stages: null,
          enabled: true,
        },
        new Date(),
      ),
    ).rejects.toThrow(/webhook_subscriptions_previous_secret_expiry/);
  });
});
