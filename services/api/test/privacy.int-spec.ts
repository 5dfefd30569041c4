import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CONTACT_ERASED, contactHashOf, type ContactErased, type ContactExport } from '@leadscore/contracts';
import { contactAliasRepository } from '@leadscore/persistence';
import { pollUntil } from '@leadscore/testing';
import {
  OPERATOR,
  bearer,
  clickModel,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  seedContactScore,
  startTestApi,
  type TestApi,
} from './api-test-app.js';
import { startTestArchive, type TestArchive } from './test-archive.js';

// Export and erasure of a contact through the api, with the built analytics service archiving the
// api's events topic: the export of a worked example checked field by field, then the erasure of every
// PostgreSQL store, its audit row and its event, and the archive emptied when the event reaches it.
jest.setTimeout(180_000);

let archive: TestArchive;
let api: TestApi;
let admin: string;
let reader: string;
const WS = 'privacy';
const ADA = 'email:ada@example.com';
const BOB = 'email:bob@example.com';
const ADA_VISITOR = 'anon:ada-visitor';
const ada = encodeURIComponent(ADA);
const CLICK = Date.parse('2026-03-31T09:00:00Z');

const get = (url: string, key = admin) => api.http.inject({ method: 'GET', url, headers: bearer(key) });
const del = (url: string, key = admin) => api.http.inject({ method: 'DELETE', url, headers: bearer(key) });

beforeAll(async () => {
  archive = await startTestArchive();
  api = await startTestApi('api_privacy', OPERATOR, {
    analyticsUrl: archive.url,
    eventsTopic: archive.topics.events,
  });
  admin = (await createWorkspace(api, WS)).adminKey.key;
  reader = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
  const model = clickModel(WS);
  for (const contact of [ADA, BOB]) await seedContactScore(api, model, contact, [CLICK]);
  // What the scorer and the threshold service keep of Ada: her profile, lifecycle and a delivery.
  await api.dataSource.query(
    `INSERT INTO contact_profiles (workspace_id, contact_id, traits, updated_at) VALUES ($1, $2, $3, $4)`,
    [WS, ADA, JSON.stringify({ company: 'Analytical Engines', title: 'Countess' }), new Date(CLICK)],
  );
  await api.dataSource.query(
    `INSERT INTO lifecycle_states (workspace_id, model_id, contact_id, stage, tier, grade, sales_accepted, last_sequence, model_version, scores, updated_at)
     VALUES ($1, 'clicks', $2, 'mql', 'warm', NULL, false, 1, 1, '{}', $3)`,
    [WS, ADA, new Date(CLICK)],
  );
  await api.dataSource.query(
    `INSERT INTO webhook_subscriptions (id, workspace_id, url, secrets, events, created_at, updated_at)
     VALUES ('sub_privacy', $1, 'https://crm.example.com/hooks', ARRAY['whsec_x'], ARRAY['stage'], $2, $2)`,
    [WS, new Date(CLICK)],
  );
  await api.dataSource.query(
    `INSERT INTO webhook_deliveries (webhook_id, subscription_id, workspace_id, event_id, event_type, payload, status, next_attempt_at, created_at, delivered_at)
     VALUES ('msg_ada', 'sub_privacy', $1, 'lc-ada-1', 'stage.changed', $2, 'delivered', $3, $3, $3)`,
    [WS, JSON.stringify({ type: 'stage.changed', subject: ADA, data: { current: 'mql' } }), new Date(CLICK)],
  );
  // An outcome recorded for her: an audit row naming her (and an event on the archived topic).
  const outcome = await api.http.inject({
    method: 'POST',
    url: `/v1/contacts/${ada}/outcomes`,
    headers: { ...bearer(admin), 'content-type': 'application/json' },
    payload: { type: 'converted', occurredAt: '2026-03-31T10:00:00Z' },
  });
  expect(outcome.statusCode).toBe(202);
  await archive.archive(WS, {
    events: [
      {
        id: 'click-1',
        source: '/v1/events',
        type: 'email.clicked',
        time: '2026-03-31T09:00:00Z',
        subject: ADA,
        data: { url: 'https://example.com/offer' },
      },
      {
        id: 'bob-1',
        source: '/v1/events',
        type: 'email.clicked',
        time: '2026-03-31T09:00:00Z',
        subject: BOB,
        data: {},
      },
    ],
    scoreChanges: [
      {
        id: 'sc-ada-1',
        source: 'leadscore/scorer',
        type: 'score.changed',
        time: '2026-03-31T09:00:00Z',
        subject: ADA,
        data: {
          contact: ADA,
          model: { id: 'clicks', version: 1 },
          sequence: 1,
          cause: { type: 'event', eventId: 'click-1' },
          previous: null,
          current: { fit: 0, engagement: 10, total: 10, tier: 'warm', grade: null },
          contributions: [{ ruleId: 'click', kind: 'engagement', points: 10, eventId: 'click-1' }],
        },
      },
    ],
  });
});

afterAll(async () => {
  await api?.close();
  await archive?.stop();
});

describe('a contact’s data export and erasure', () => {
  it('exports everything held about the contact, field by field (admin only)', async () => {
    expectProblem(await get(`/v1/contacts/${ada}/export`, reader), 403, /admin/);
    const response = await get(`/v1/contacts/${encodeURIComponent('email:Ada@Example.com')}/export`);
    expect(response.statusCode).toBe(200);
    const exported = json(response) as unknown as ContactExport;
    expect(exported.contact).toBe(ADA);
    expect(exported.exportedAt).toBe('2026-04-01T09:00:00.000Z');
    expect(exported.profile).toEqual({
      traits: { company: 'Analytical Engines', title: 'Countess' },
      updatedAt: '2026-03-31T09:00:00.000Z',
    });
    expect(exported.scores?.contact).toBe(ADA);
    expect(exported.scores?.models.map((m) => [m.modelId, m.stored.total])).toEqual([['clicks', 10]]);
    expect(exported.lifecycle).toEqual([
      { model: 'clicks', stage: 'mql', tier: 'warm', grade: null, salesAccepted: false, lastSequence: 1 },
    ]);
    expect(exported.webhookDeliveries).toEqual([
      {
        subscriptionId: 'sub_privacy',
        webhookId: 'msg_ada',
        eventId: 'lc-ada-1',
        eventType: 'stage.changed',
        status: 'delivered',
        createdAt: '2026-03-31T09:00:00.000Z',
        deliveredAt: '2026-03-31T09:00:00.000Z',
        payload: { type: 'stage.changed', subject: ADA, data: { current: 'mql' } },
      },
    ]);
    expect(exported.auditEntries).toEqual([
      expect.objectContaining({ action: 'outcome.recorded', at: '2026-04-01T09:00:00.000Z' }),
    ]);
    expect(exported.archive.contact).toBe(ADA);
    expect(exported.archive.events).toEqual([
      expect.objectContaining({
        id: 'click-1',
        source: '/v1/events',
        type: 'email.clicked',
        time: '2026-03-31T09:00:00.000Z',
        data: { url: 'https://example.com/offer' },
      }),
      // The outcome the api published, archived like every event.
      expect.objectContaining({ type: 'outcome.converted', time: '2026-03-31T10:00:00.000Z' }),
    ]);
    expect(exported.archive.scoreChanges.map((c) => [c.model, c.sequence, c.total])).toEqual([
      ['clicks', 1, 10],
    ]);
    expect(exported.archive.lifecycleChanges).toEqual([]);
  });

  it('erases the contact from every store, audits it without personal data and tells every consumer', async () => {
    // Ada was an anonymous visitor before she identified: that key is hers too, and goes with her.
    await api.dataSource.transaction((sql) =>
      contactAliasRepository.begin(sql, {
        workspaceId: WS,
        alias: ADA_VISITOR,
        survivor: ADA,
        through: {},
        mergeEvent: { source: '/v1/identify', id: 'identify-ada' },
        requestedAt: new Date('2026-03-31T08:00:00Z'),
      }),
    );
    expectProblem(await del(`/v1/contacts/${ada}`, reader), 403, /admin/);
    const response = await del(`/v1/contacts/${ada}`);
    expect(response.statusCode).toBe(200);
    const erased = json(response) as unknown as ContactErased;
    expect(erased).toEqual({
      erasureId: expect.stringMatching(/^erasure-/),
      contact: ADA,
      identities: [ADA_VISITOR],
      erasedAt: '2026-04-01T09:00:00.000Z',
      erased: {
        scores: 1,
        ranks: 1,
        profiles: 1,
        lifecycleStates: 1,
        webhookDeliveries: 1,
        auditTargets: 1,
        aliases: 1,
        accountMemberships: 0,
      },
      archive: 'pending',
    });
    expect(
      await contactAliasRepository.mergedInto(api.dataSource.manager, { workspaceId: WS, contactId: ADA }),
    ).toEqual([]);
    expect(
      (
        await api.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM erased_contacts WHERE workspace_id = $1 AND contact_hash = $2',
          [WS, contactHashOf(WS, ADA_VISITOR)],
        )
      )[0]?.n,
    ).toBe(1);
    expectProblem(await get(`/v1/contacts/${ada}`), 404, /No model has scored the contact/);
    expect((json(await get(`/v1/contacts/${encodeURIComponent(BOB)}`)) as { contact: string }).contact).toBe(
      BOB,
    );
    // The audit row of the erasure names a hash; no row names her any more.
    const audit = json(await get('/v1/audit')) as { entries: { action: string; target: string | null }[] };
    expect(
      audit.entries
        .filter((e) => e.action === 'contact.erased')
        .map((e) => e.target)
        .sort(),
    ).toEqual([`erased:${contactHashOf(WS, ADA)}`, `erased:${contactHashOf(WS, ADA_VISITOR)}`].sort());
    expect(JSON.stringify(audit.entries)).not.toContain('ada@');
    // The analytics service reaches the contact.erased event and empties the archive: then nothing is held.
    await pollUntil(
      async () => (await get(`/v1/contacts/${ada}/export`)).statusCode,
      (status) => status === 404,
      { withinMs: 60_000, everyMs: 200, waitingFor: 'the archive to erase the contact' },
    );
    expectProblem(await get(`/v1/contacts/${ada}/export`), 404, /holds nothing about the contact/);
    const bobExport = json(
      await get(`/v1/contacts/${encodeURIComponent(BOB)}/export`),
    ) as unknown as ContactExport;
    expect(bobExport.archive.events.map((e) => e.id)).toEqual(['bob-1']);
    expect(CONTACT_ERASED).toBe('contact.erased');
  });

  it('takes a repeated erasure as harmless, and answers 400 for what is not a contact key', async () => {
    const again = json(await del(`/v1/contacts/${ada}`)) as unknown as ContactErased;
    expect(again.erased).toEqual({
      scores: 0,
      ranks: 0,
      profiles: 0,
      lifecycleStates: 0,
      webhookDeliveries: 0,
      auditTargets: 0,
      aliases: 0,
      accountMemberships: 0,
    });
    expect(again.identities).toBeUndefined();
    expectProblem(await del('/v1/contacts/not-a-key'), 400, /is not a contact key/);
  });
});
