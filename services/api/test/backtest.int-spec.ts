import { clicksModelSource } from '@leadscore/testing';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseModel, type ModelBacktest, type ScoringModel } from '@leadscore/contracts';
import { backtestModels, type BacktestContact } from '@leadscore/lifecycle';
import {
  OPERATOR,
  bearer,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';
import { startTestArchive, type TestArchive } from './test-archive.js';

// POST /v1/models/backtest against the built analytics service (its own ClickHouse archive and
// topics): the workspace's archived contacts, page by page, replayed under the live model and the
// candidate; the figures are what the pure backtestModels gives for the same events.
jest.setTimeout(180_000);

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 30, 9);
/** The test api's clock. */
const NOW = Date.parse('2026-04-01T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const yaml = clicksModelSource;
const model = (workspace: string, version: number, points: number): ScoringModel =>
  parseModel(yaml(version, points), 'yaml', 'clicks.yaml', { workspace });

type ArchivedEvent = {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
};

/** `clicks` clicks an hour apart from `from`, then an outcome at `outcome.at` (and clicks after it). */
function contactEvents(
  contact: string,
  clicks: number,
  outcome?: { type: 'outcome.won' | 'outcome.lost'; at: number; clicksAfter?: number },
): ArchivedEvent[] {
  const click = (i: number, at: number): ArchivedEvent => ({
    id: `${contact}-click-${i}`,
    source: '/v1/events',
    type: 'email.clicked',
    time: iso(at),
    subject: contact,
    data: {},
  });
  const events = Array.from({ length: clicks }, (_, i) => click(i, T0 + i * HOUR));
  if (outcome) {
    events.push({
      id: `${contact}-${outcome.type}`,
      source: 'leadscore/api',
      type: outcome.type,
      time: iso(outcome.at),
      subject: contact,
      data: { actor: { key_id: 'key_test' } },
    });
    for (let i = 0; i < (outcome.clicksAfter ?? 0); i += 1)
      events.push(click(clicks + i, outcome.at + (i + 1) * HOUR));
  }
  return events;
}

const ANN = 'email:ann@example.com';
const BOB = 'email:bob@example.com';
const CY = 'email:cy@example.com';
const DEE = 'email:dee@example.com';
const EVENTS: Record<string, ArchivedEvent[]> = {
  // ann: 3 clicks, then won — and 5 clicks after the sale, which must not count.
  [ANN]: contactEvents(ANN, 3, { type: 'outcome.won', at: T0 + 3 * HOUR, clicksAfter: 5 }),
  // bob: 1 click, then lost.
  [BOB]: contactEvents(BOB, 1, { type: 'outcome.lost', at: T0 + 2 * HOUR }),
  // cy: 5 clicks, no outcome yet.
  [CY]: contactEvents(CY, 5),
  // dee: 2 clicks, then lost.
  [DEE]: contactEvents(DEE, 2, { type: 'outcome.lost', at: T0 + 3 * HOUR }),
};
const EVE = 'email:eve@example.com';

/** The same events as the pure engine replays them, in contact-key order. */
const replayed = (events: Record<string, ArchivedEvent[]>): BacktestContact[] =>
  Object.keys(events)
    .sort()
    .map((contact) => ({
      contact,
      events: (events[contact] ?? []).map(({ id, source, type, data, time }) => ({
        id,
        source,
        type,
        data,
        time: Date.parse(time),
      })),
    }));

let archive: TestArchive;
let api: TestApi;
let limited: TestApi;
let key: string;
let readKey: string;
let otherKey: string;
let limitedKey: string;

const backtest = (text: string, withKey = key, on: TestApi = api) =>
  on.http.inject({
    method: 'POST',
    url: '/v1/models/backtest',
    headers: { ...bearer(withKey), 'content-type': 'application/yaml' },
    payload: text,
  });

async function apply(on: TestApi, withKey: string, text: string): Promise<void> {
  const applied = await on.http.inject({
    method: 'POST',
    url: '/v1/models',
    headers: { ...bearer(withKey), 'content-type': 'application/yaml' },
    payload: text,
  });
  expect({ status: applied.statusCode, body: applied.body.slice(0, 300) }).toMatchObject({ status: 201 });
}

beforeAll(async () => {
  archive = await startTestArchive();
  api = await startTestApi('api_backtest', OPERATOR, { analyticsUrl: archive.url });
  key = (await createWorkspace(api, 'backtested')).adminKey.key;
  readKey = (await createKey(api, key, { kind: 'secret', scopes: ['read'] })).key;
  otherKey = (await createWorkspace(api, 'other')).adminKey.key;
  await apply(api, key, yaml(1, 5));
  await apply(api, otherKey, yaml(1, 5));
  await archive.archive('backtested', { events: Object.values(EVENTS).flat() });
  // Another workspace's contact, with the same model id: never counted in "backtested".
  await archive.archive('other', {
    events: contactEvents(EVE, 10, { type: 'outcome.won', at: T0 + 10 * HOUR }),
  });
  // The same archive behind an api that replays 2 contacts at most.
  limited = await startTestApi('api_backtest_limited', OPERATOR, {
    analyticsUrl: archive.url,
    backtestMaxContacts: 2,
  });
  limitedKey = (await createWorkspace(limited, 'backtested')).adminKey.key;
  await apply(limited, limitedKey, yaml(1, 5));
});

afterAll(async () => {
  await limited?.close();
  await api?.close();
  await archive?.stop();
});

describe('POST /v1/models/backtest', () => {
  it('replays the workspace’s archived contacts under the live model and the candidate', async () => {
    const response = await backtest(yaml(2, 10), readKey);
    expect({ status: response.statusCode, body: response.body.slice(0, 400) }).toMatchObject({ status: 200 });
    const answer = json(response) as unknown as ModelBacktest;
    const report = backtestModels(
      model('backtested', 1, 5),
      model('backtested', 2, 10),
      replayed(EVENTS),
      NOW,
    );

    expect(answer).toMatchObject({
      modelId: 'clicks',
      period: { from: iso(T0), until: iso(NOW) },
      contacts: 4,
      truncated: false,
      moved: report.moved,
      // ann and dee reach 20 at their second click under the candidate (10 a click), never under the live one.
      newMql: {
        count: 2,
        first: [
          { contact: ANN, at: iso(T0 + HOUR) },
          { contact: DEE, at: iso(T0 + HOUR) },
        ],
      },
      lostMql: { count: 0, first: [] },
    });
    expect(answer.newMql.first).toEqual(report.newMql.map(({ contact, at }) => ({ contact, at: iso(at) })));
    expect(answer.live.model).toEqual({ id: 'clicks', version: 1 });
    expect(answer.candidate.model).toEqual({ id: 'clicks', version: 2 });
    for (const side of ['live', 'candidate'] as const) {
      const expected = report[side];
      expect(answer[side].tiers).toEqual(expected.tiers);
      expect(answer[side].stages).toEqual(expected.stages);
      expect(answer[side].outcomes).toEqual({
        known: expected.outcomes.known,
        converted: expected.outcomes.converted,
        rocAuc: expected.outcomes.rocAuc,
        byTier: expected.outcomes.byTier.map(({ group, ...rest }) => ({ tier: group, ...rest })),
        thresholds: expected.outcomes.thresholds,
        deciles: expected.outcomes.deciles,
      });
    }
    // ann won, bob and dee lost, each judged just before the outcome (ann's clicks after it do not count).
    expect(answer.live.outcomes).toMatchObject({ known: 3, converted: 1 });
    // Live: ann 15, bob 5, dee 10 (a tie-free order, ann highest); the candidate: ann 30, bob 10, dee 20.
    expect(answer.live.outcomes.rocAuc).toBe(1);
    expect(answer.candidate.outcomes.rocAuc).toBe(1);
    // The lines: the tiers' 10 and 30 and the MQL's 20.
    expect(answer.candidate.outcomes.thresholds.map((t) => t.threshold)).toEqual([10, 20, 30]);
    expect(answer.candidate.outcomes.thresholds[1]).toMatchObject({
      threshold: 20,
      predictedPositive: 2,
      truePositive: 1,
      falsePositive: 1,
      falseNegative: 0,
      precision: 0.5,
      recall: 1,
    });
  });

  it('counts only the caller’s workspace’s contacts', async () => {
    const response = await backtest(yaml(2, 10), otherKey);
    expect(response.statusCode).toBe(200);
    const answer = json(response) as unknown as ModelBacktest;
    expect(answer.contacts).toBe(1);
    const report = backtestModels(
      model('other', 1, 5),
      model('other', 2, 10),
      replayed({ [EVE]: contactEvents(EVE, 10, { type: 'outcome.won', at: T0 + 10 * HOUR }) }),
      NOW,
    );
    expect(answer.candidate.tiers).toEqual(report.candidate.tiers);
    expect(answer.live.outcomes).toMatchObject({ known: 1, converted: 1, rocAuc: null });
  });

  it('stops at API_BACKTEST_MAX_CONTACTS, the first contacts in key order, and says so', async () => {
    const response = await backtest(yaml(2, 10), limitedKey, limited);
    expect(response.statusCode).toBe(200);
    const answer = json(response) as unknown as ModelBacktest;
    expect(answer).toMatchObject({ contacts: 2, truncated: true });
    const report = backtestModels(
      model('backtested', 1, 5),
      model('backtested', 2, 10),
      replayed({ [ANN]: EVENTS[ANN] ?? [], [BOB]: EVENTS[BOB] ?? [] }),
      NOW,
    );
    expect(answer.moved).toEqual(report.moved);
    expect(answer.candidate.tiers).toEqual(report.candidate.tiers);
  });

  it('answers 404 for a model without a live version: apply it first', async () => {
    expectProblem(await backtest(yaml(1, 10, 'never-applied')), 404, /apply the model first/);
  });

  it('answers 422 with every issue for an invalid candidate', async () => {
    const body = expectProblem(
      await backtest(yaml(2, 10).replace('event: email.clicked', 'event: email.clickd')),
      422,
      /problem/,
    );
    expect(body['issues']).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: expect.any(Number) })]),
    );
  });

  it('answers 503 when the archive does not answer', async () => {
    const down = await startTestApi('api_backtest_down', OPERATOR);
    try {
      const downKey = (await createWorkspace(down, 'backtested')).adminKey.key;
      await apply(down, downKey, yaml(1, 5));
      expectProblem(await backtest(yaml(2, 10), downKey, down), 503, /archive does not answer/);
    } finally {
      await down.close();
    }
  });
});
