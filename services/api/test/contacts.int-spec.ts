import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ContactScores } from '@leadscore/contracts';
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
    expect(clicks?.runningAwards).toEqual([
      { ruleId: 'click', eventId: 'click-1', points: 7.07, expiresAt: new Date(NOW + 2 * DAY).toISOString() },
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

  it('refuses what is not a contact key, saying what one looks like', async () => {
    expectProblem(await read(reader, 'ada'), 400, /is not a contact key: expected/);
  });
});
