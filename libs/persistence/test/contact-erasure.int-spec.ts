import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workspaceId } from '@leadscore/access';
import { contactHashOf } from '@leadscore/contracts';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import {
  accountMemberRepository,
  auditLogRepository,
  contactErasureRepository,
  contactProfileRepository,
  contactRankRepository,
  lifecycleStateRepository,
  openDatabase,
  webhookDeliveryRepository,
  workspaceRepository,
  type DataSource,
} from '../src/index.js';

// Erasure in PostgreSQL: every store of the contact emptied in one transaction (and only the contact's),
// the histogram kept true, a tombstone without the key, and the lock that keeps a batch in flight from
// bringing a row back.
let database: TestDatabase;
let dataSource: DataSource;

const WS = workspaceId('acme');
const ADA = 'email:ada@example.com';
const BOB = 'email:bob@example.com';
const T0 = new Date('2026-12-01T09:00:00Z');

async function seed(contact: string): Promise<void> {
  await dataSource.transaction(async (sql) => {
    for (const [model, total] of [
      ['m1', 12.5],
      ['m2', 40],
    ] as const) {
      await sql.query(
        `INSERT INTO contact_scores (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, state, updated_at)
         VALUES ($1, $2, $3, 1, 1, 0, $4, $4, 'warm', NULL, '{}', $5)`,
        [WS, model, contact, total, T0],
      );
      await contactRankRepository.write(
        sql,
        [
          {
            workspaceId: WS,
            modelId: model,
            contactId: contact,
            rank: { total, tier: 'warm', grade: null },
            modelVersion: 1,
            asOf: T0,
            attentionAt: null,
          },
        ],
        'scorer:0',
      );
      await lifecycleStateRepository.upsertMany(
        sql,
        [
          {
            workspaceId: WS,
            modelId: model,
            contactId: contact,
            stage: 'mql',
            tierName: null,
            tier: 'warm',
            grade: null,
            salesAccepted: false,
            lastSequence: 1,
            modelVersion: 1,
            scores: { fit: 0, engagement: total, total, tier: 'warm', grade: null },
          },
        ],
        T0,
      );
    }
    await contactProfileRepository.upsertMany(sql, [
      { workspaceId: WS, contactId: contact, traits: { company: 'Analytical Engines' }, updatedAt: T0 },
    ]);
    await sql.query(
      `INSERT INTO webhook_deliveries (webhook_id, subscription_id, workspace_id, event_id, event_type, payload, status, next_attempt_at, created_at)
       VALUES ($1, 'sub', $2, $1, 'stage.changed', $3, 'delivered', $4, $4)`,
      [`msg-${contact}`, WS, JSON.stringify({ subject: contact, data: { contact } }), T0],
    );
    await auditLogRepository.append(sql, [
      { workspaceId: WS, actor: 'key-1', action: 'outcome.recorded', target: contact, details: {}, at: T0 },
    ]);
  });
}

async function rowsOf(contact: string): Promise<Record<string, number>> {
  const [row] = await dataSource.query<Record<string, number>[]>(
    `SELECT
       (SELECT count(*)::int FROM contact_scores WHERE contact_id = $1) AS scores,
       (SELECT count(*)::int FROM contact_ranks WHERE contact_id = $1) AS ranks,
       (SELECT count(*)::int FROM contact_profiles WHERE contact_id = $1) AS profiles,
       (SELECT count(*)::int FROM lifecycle_states WHERE contact_id = $1) AS lifecycle_states,
       (SELECT count(*)::int FROM webhook_deliveries WHERE payload->>'subject' = $1) AS webhook_deliveries,
       (SELECT count(*)::int FROM audit_log WHERE target = $1) AS audit_targets`,
    [contact],
  );
  return row ?? {};
}

const erase = (contactId: string, erasedAt: Date, erasureId = `erasure-${erasedAt.getTime()}`) =>
  dataSource.transaction(
    async (sql) =>
      (await contactErasureRepository.erase(sql, { workspaceId: WS, contactId, erasureId, erasedAt })).rows,
  );

beforeAll(async () => {
  database = await createTestDatabase('contact_erasure');
  dataSource = await openDatabase({ url: database.url });
  await workspaceRepository.create(dataSource.manager, { id: WS, name: 'ACME', createdAt: T0 });
  await dataSource.query(
    `INSERT INTO webhook_subscriptions (id, workspace_id, url, secrets, events, created_at, updated_at)
     VALUES ('sub', $1, 'https://crm.example.com/hooks', ARRAY['whsec_x'], ARRAY['stage'], $2, $2)`,
    [WS, T0],
  );
  await seed(ADA);
  await seed(BOB);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('erasing a contact in PostgreSQL', () => {
  it('empties every store of the contact in one transaction, and no one else’s', async () => {
    const all = {
      scores: 2,
      ranks: 2,
      profiles: 1,
      lifecycle_states: 2,
      webhook_deliveries: 1,
      audit_targets: 1,
    };
    expect(await rowsOf(ADA)).toEqual(all);
    expect(await erase(ADA, new Date('2026-12-02T10:00:00Z'), 'erasure-1')).toEqual({
      scores: 2,
      ranks: 2,
      profiles: 1,
      lifecycleStates: 2,
      webhookDeliveries: 1,
      auditTargets: 1,
      aliases: 0,
      accountMemberships: 0,
    });
    expect(await rowsOf(ADA)).toEqual(Object.fromEntries(Object.keys(all).map((store) => [store, 0])));
    expect(await rowsOf(BOB)).toEqual(all);
    // The audit row stays, naming the erasure's hash instead of the contact.
    const [audit] = await dataSource.query<{ target: string }[]>(
      `SELECT target FROM audit_log WHERE action = 'outcome.recorded' ORDER BY id LIMIT 1`,
    );
    expect(audit?.target).toBe(`erased:${contactHashOf(WS, ADA)}`);
  });

  it('lets a delivery in flight when its contact was erased settle without a trace', async () => {
    const [bob] = await dataSource.query<{ id: string }[]>(
      `SELECT id::text FROM webhook_deliveries WHERE contact_id = $1`,
      [BOB],
    );
    const attempt = (deliveryId: string) => ({
      deliveryId,
      attempt: 1,
      startedAt: T0,
      latencyMs: 12,
      statusCode: 200,
      outcome: 'delivered' as const,
      responseExcerpt: null,
      error: null,
    });
    // Ada's delivery was erased while a worker sent it: its settlement finds nothing and logs nothing.
    await dataSource.transaction((sql) =>
      webhookDeliveryRepository.settle(sql, attempt('999999'), { status: 'delivered' }),
    );
    await dataSource.transaction((sql) =>
      webhookDeliveryRepository.settle(sql, attempt(String(bob?.id)), { status: 'delivered' }),
    );
    const attempts = await dataSource.query<{ delivery_id: string }[]>(
      'SELECT delivery_id::text FROM webhook_delivery_attempts',
    );
    expect(attempts).toEqual([{ delivery_id: String(bob?.id) }]);
  });

  it('keeps the histogram true: each model counts only the contacts left', async () => {
    for (const model of ['m1', 'm2']) {
      const buckets = await contactRankRepository.histogram(dataSource.manager, WS, model);
      expect(buckets.reduce((sum, bucket) => sum + bucket.contacts, 0)).toBe(1);
    }
  });

  it('leaves a tombstone with a hash, not the key; later erasures move it on, earlier ones do not', async () => {
    const tombstones = await dataSource.query<Record<string, unknown>[]>('SELECT * FROM erased_contacts');
    expect(tombstones).toEqual([
      {
        workspace_id: WS,
        contact_hash: contactHashOf(WS, ADA),
        erased_at: new Date('2026-12-02T10:00:00Z'),
        erasure_id: 'erasure-1',
      },
    ]);
    expect(JSON.stringify(tombstones)).not.toMatch(/ada/i);
    const erasedAt = () =>
      contactErasureRepository.erasedAt(dataSource.manager, [
        { workspaceId: WS, contactId: ADA },
        { workspaceId: WS, contactId: BOB },
      ]);
    expect(await erasedAt()).toEqual(
      new Map([
        [
          contactErasureRepository.keyOf({ workspaceId: WS, contactId: ADA }),
          new Date('2026-12-02T10:00:00Z'),
        ],
      ]),
    );
    // Repeated erasures are harmless: nothing left to delete, the tombstone at the latest time.
    expect(await erase(ADA, new Date('2026-12-01T00:00:00Z'))).toMatchObject({ scores: 0, ranks: 0 });
    expect(
      (await erasedAt()).get(contactErasureRepository.keyOf({ workspaceId: WS, contactId: ADA })),
    ).toEqual(new Date('2026-12-02T10:00:00Z'));
    await erase(ADA, new Date('2026-12-03T00:00:00Z'));
    expect(
      (await erasedAt()).get(contactErasureRepository.keyOf({ workspaceId: WS, contactId: ADA })),
    ).toEqual(new Date('2026-12-03T00:00:00Z'));
  });

  it('waits for a batch holding the contact’s shared lock, then deletes what it wrote', async () => {
    const CAROL = 'email:carol@example.com';
    let releaseBatch: () => void = () => undefined;
    let batchLocked: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => (batchLocked = resolve));
    const release = new Promise<void>((resolve) => (releaseBatch = resolve));
    // A writer's batch: shared lock, no tombstone yet, writes the contact's first row, commits later.
    const batch = dataSource.transaction(async (sql) => {
      await contactErasureRepository.lockShared(sql, [{ workspaceId: WS, contactId: CAROL }]);
      expect(await contactErasureRepository.erasedAt(sql, [{ workspaceId: WS, contactId: CAROL }])).toEqual(
        new Map(),
      );
      await contactProfileRepository.upsertMany(sql, [
        { workspaceId: WS, contactId: CAROL, traits: { plan: 'pro' }, updatedAt: T0 },
      ]);
      batchLocked();
      await release;
    });
    await locked;
    let erased = false;
    const erasure = erase(CAROL, new Date('2026-12-04T00:00:00Z')).then((rows) => {
      erased = true;
      return rows;
    });
    // The erasure cannot pass the batch's lock: give it time to try, then let the batch commit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(erased).toBe(false);
    releaseBatch();
    await batch;
    expect(await erasure).toMatchObject({ profiles: 1 });
    expect((await rowsOf(CAROL))['profiles']).toBe(0);
    // A batch starting now sees the tombstone once it holds the lock.
    await dataSource.transaction(async (sql) => {
      await contactErasureRepository.lockShared(sql, [{ workspaceId: WS, contactId: CAROL }]);
      expect(
        (await contactErasureRepository.erasedAt(sql, [{ workspaceId: WS, contactId: CAROL }])).size,
      ).toBe(1);
    });
  });
  it('takes the contact out of its accounts: its share leaves their member count and engagement sum', async () => {
    const carl = 'email:carl@example.com';
    const dora = 'email:dora@example.com';
    await accountMemberRepository.upsertMany(
      dataSource.manager,
      [
        {
          workspaceId: WS,
          modelId: 'm1',
          contactId: carl,
          accountId: 'initech',
          engagementCenti: 4_000,
          sequence: 3,
        },
        {
          workspaceId: WS,
          modelId: 'm2',
          contactId: carl,
          accountId: 'initech',
          engagementCenti: 500,
          sequence: 1,
        },
        {
          workspaceId: WS,
          modelId: 'm1',
          contactId: dora,
          accountId: 'initech',
          engagementCenti: 1_250,
          sequence: 2,
        },
      ],
      T0,
    );
    await dataSource.query(
      `INSERT INTO account_scores (workspace_id, model_id, account_id, members, engagement_sum_centi, updated_at)
       VALUES ($1, 'm1', 'initech', 2, 5250, $2), ($1, 'm2', 'initech', 1, 500, $2)`,
      [WS, T0],
    );
    expect((await erase(carl, new Date('2026-12-02T10:00:00Z'))).accountMemberships).toBe(2);
    expect(
      await dataSource.query(
        `SELECT model_id, members, engagement_sum_centi::int AS sum FROM account_scores
         WHERE workspace_id = $1 AND account_id = 'initech' ORDER BY model_id`,
        [WS],
      ),
    ).toEqual([
      { model_id: 'm1', members: 1, sum: 1_250 },
      { model_id: 'm2', members: 0, sum: 0 },
    ]);
    const [left] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM account_members WHERE workspace_id = $1 AND contact_id = $2',
      [WS, carl],
    );
    expect(left?.n).toBe(0);
  });
});
