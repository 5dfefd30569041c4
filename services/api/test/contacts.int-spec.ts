import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ContactScores, ScoringModel } from '@leadscore/contracts';
import { contactAliasRepository } from '@leadscore/persistence';
import {
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

let api: TestApi;
let reader: string;
const DAY = 86_400_000;
// The app's clock (api-test-app.ts): 2026-04-01T09:00:00Z.
const NOW = Date.parse('2026-04-01T09:00:00Z');

beforeAll(async () => {
  api = await startTestApi('api_contacts');
  const admin = (await createWorkspace(api, 'acme')).adminKey.key;
  reader = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
  // Two clicks, 9 and 5 days before the read: the first expires (7 days) between the last write and now.
  await seedContactScore(api, clickModel('acme'), 'email:ada@example.com', [NOW - 9 * DAY, NOW - 5 * DAY]);
  // Two more contacts under the model, one click each, so Ada's relative score has a median to stand against.
  await seedContactScore(api, clickModel('acme'), 'user:42', [NOW - 5 * DAY]);
  await seedContactScore(api, clickModel('acme'), 'phone:+14155550100', [NOW - 3 * DAY]);
});

afterAll(async () => {
  await api?.close();
});

const read = (key: string, contact: string) =>
  api.http.inject({
    method: 'GET',
    url: `/v1/contacts/${encodeURIComponent(contact)}`,
    headers: bearer(key),
  });

describe('GET /v1/contacts/{contact}', () => {
  it('answers the score as of now beside the stored one, with every rule and what came due since', async () => {
    const response = await read(reader, 'email:Ada@Example.com');
    expect(response.statusCode).toBe(200);
    const body = json(response) as unknown as ContactScores;
    expect(body.contact).toBe('email:ada@example.com');
    expect(body.models).toHaveLength(1);
    const [clicks] = body.models;
    // Stored at the second click: the first (4 days old: 10 · 2^−0.4 = 7.58) plus the new 10.
    expect(clicks).toMatchObject({
      modelId: 'clicks',
      modelVersion: 1,
      liveVersion: 1,
      stage: null,
      stored: { total: 17.58, tier: 'warm', at: new Date(NOW - 5 * DAY).toISOString() },
    });
    // Now: the first click expired two days ago; the second decayed five days: 10 · 2^−0.5 = 7.07.
    expect(clicks?.now).toMatchObject({
      engagement: 7.07,
      total: 7.07,
      tier: 'warm',
      at: new Date(NOW).toISOString(),
    });
    expect(clicks?.contributions).toEqual([
      { ruleId: 'click', kind: 'engagement', points: 7.07, eventId: 'click-1' },
    ]);
    expect(clicks?.sinceLastWrite).toEqual([
      expect.objectContaining({
        ruleId: 'click',
        outcome: 'expired',
        at: new Date(NOW - 2 * DAY).toISOString(),
      }),
    ]);
    // Stored totals 17.58 (Ada, the top), 10 and 10 (the median): Ada is 100 %.
    expect(clicks?.relative).toEqual({
      percent: 100,
      basis: 'stored',
      statsAsOf: new Date(NOW).toISOString(),
    });
    expect(clicks?.runningAwards).toEqual([
      { ruleId: 'click', eventId: 'click-1', points: 7.07, expiresAt: new Date(NOW + 2 * DAY).toISOString() },
    ]);
  });

  it('says where frequency rules’ counts stand, and the named tier with the v1 tier it counts as', async () => {
    const admin = (await createWorkspace(api, 'counting')).adminKey.key;
    const model: ScoringModel = {
      id: 'bursts',
      version: 1,
      workspace: 'counting',
      name: 'Click bursts',
      engagement: [
        {
          id: 'click-burst',
          event: 'email.clicked',
          decay: 'none',
          points: {
            withinDays: 7,
            ranges: [
              { min: 1, max: 2, points: 5 },
              { min: 3, points: 15 },
            ],
          },
        },
      ],
      tiers: [
        { id: 'quiet', countsAs: 'cold' },
        { id: 'bursting', countsAs: 'hot', enter: 15, exit: 10 },
      ],
    };
    // Clicks 6, 5 and 4 days before the read: three within 7 days (15 points, "bursting").
    await seedContactScore(api, model, 'user:burst', [NOW - 6 * DAY, NOW - 5 * DAY, NOW - 4 * DAY]);
    const response = await read(admin, 'user:burst');
    expect(response.statusCode).toBe(200);
    const [bursts] = (json(response) as unknown as ContactScores).models;
    expect(bursts?.now).toMatchObject({ total: 15, tier: 'hot', tierName: 'bursting' });
    expect(bursts?.frequencyCounts).toEqual([
      {
        ruleId: 'click-burst',
        count: 3,
        orMore: true,
        withinDays: 7,
        range: { min: 3, max: null, points: 15 },
        oldestLeavesAt: new Date(NOW + DAY).toISOString(),
      },
    ]);
  });

  it('answers 404 for a contact no model scored, and for another workspace’s contact', async () => {
    expectProblem(
      await read(reader, 'email:nobody@example.com'),
      404,
      /No model has scored the contact "email:nobody@example.com"/,
    );
    const stranger = (await createWorkspace(api, 'globex')).adminKey.key;
    expectProblem(await read(stranger, 'email:ada@example.com'), 404, /No model has scored/);
  });

  it('finds a contact by any of its identities: a merged-away key answers with its survivor, which lists it', async () => {
    await api.dataSource.transaction((sql) =>
      contactAliasRepository.begin(sql, {
        workspaceId: 'acme',
        alias: 'anon:visitor-7',
        survivor: 'email:ada@example.com',
        through: {},
        mergeEvent: { source: '/v1/identify', id: 'identify-7' },
        requestedAt: new Date(NOW),
      }),
    );
    const merged = json(await read(reader, 'anon:visitor-7')) as unknown as ContactScores;
    expect([merged.contact, merged.mergedFrom, merged.identities]).toEqual([
      'email:ada@example.com',
      'anon:visitor-7',
      ['anon:visitor-7'],
    ]);
    const survivor = json(await read(reader, 'email:ada@example.com')) as unknown as ContactScores;
    expect([survivor.contact, survivor.mergedFrom, survivor.identities]).toEqual([
      'email:ada@example.com',
      undefined,
      ['anon:visitor-7'],
    ]);
    expect(survivor.models).toEqual(merged.models);
    const stranger = (await createWorkspace(api, 'initech')).adminKey.key;
    expectProblem(
      await read(stranger, 'anon:visitor-7'),
      404,
      /No model has scored the contact "anon:visitor-7"/,
    );
  });

  it('refuses what is not a contact key, saying what one looks like', async () => {
    expectProblem(await read(reader, 'ada'), 400, /is not a contact key: expected/);
  });
});

describe('GET /v1/contacts?email=|phone=|userId=', () => {
  const lookUp = (query: string) =>
    api.http.inject({ method: 'GET', url: `/v1/contacts?${query}`, headers: bearer(reader) });

  it('finds the contact the identifier names, normalised as ingest normalises it', async () => {
    for (const [query, contact] of [
      ['email=%20Ada%40EXAMPLE.com', 'email:ada@example.com'],
      ['userId=42', 'user:42'],
      ['phone=%2B1%20(415)%20555-0100', 'phone:+14155550100'],
    ] as const) {
      const response = await lookUp(query);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 200 });
      const body = json(response) as unknown as ContactScores;
      expect(body.contact).toBe(contact);
      // The one-click contacts tie on the median: 50 %.
      if (contact !== 'email:ada@example.com') expect(body.models[0]?.relative?.percent).toBe(50);
    }
  });

  it('asks for exactly one identifier, and says which one is wrong', async () => {
    expectProblem(await lookUp(''), 400, /Give exactly one of \?email=, \?phone= or \?userId=/);
    expectProblem(await lookUp('email=ada@example.com&userId=42'), 400, /exactly one/);
    const wrong = expectProblem(
      await lookUp('email=not-an-email'),
      400,
      /made from \?email is not a contact key/,
    );
    expect(wrong['errors']).toEqual([expect.objectContaining({ field: '?email' })]);
    expectProblem(await lookUp('email=nobody@example.com'), 404, /No model has scored/);
  });
});
