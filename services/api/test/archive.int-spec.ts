import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ContactScoreHistory, ContactTimeline } from '@leadscore/contracts';
import {
  OPERATOR,
  bearer,
  clickModel,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';
import { startTestArchive, type TestArchive } from './test-archive.js';

// The api's archive routes against the built analytics service (its own ClickHouse archive and topics):
// the caller's workspace is the one asked, answers keep the schemas, the archive's absence is a 503.
jest.setTimeout(180_000);

let archive: TestArchive;
let api: TestApi;
let key: string;
let strangerKey: string;
const ADA = 'email:ada@example.com';
const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 8, minute)).toISOString();

beforeAll(async () => {
  archive = await startTestArchive();
  api = await startTestApi('api_archive', OPERATOR, { analyticsUrl: archive.url });
  const workspace = await createWorkspace(api, 'archived');
  key = workspace.adminKey.key;
  strangerKey = (await createWorkspace(api, 'stranger')).adminKey.key;
  const change = (
    sequence: number,
    eventId: string,
    total: number,
    previous: number | null,
    contributions: unknown[],
  ) => ({
    id: `sc-${sequence}`,
    source: 'leadscore/scorer',
    type: 'score.changed',
    time: at(sequence),
    subject: ADA,
    data: {
      contact: ADA,
      model: { id: 'clicks', version: 1 },
      sequence,
      cause: { type: 'event', eventId, eventType: 'email.clicked' },
      previous:
        previous === null ? null : { fit: 0, engagement: previous, total: previous, tier: null, grade: null },
      current: { fit: 0, engagement: total, total, tier: null, grade: null },
      contributions,
    },
  });
  await archive.archive('archived', {
    events: [
      { id: 'e1', source: '/v1/events', type: 'email.clicked', time: at(1), subject: ADA, data: {} },
      { id: 'e2', source: '/v1/events', type: 'email.clicked', time: at(2), subject: ADA, data: {} },
    ],
    scoreChanges: [
      change(1, 'e1', 10, null, [{ ruleId: 'click', kind: 'engagement', points: 10, eventId: 'e1' }]),
      change(2, 'e2', 20, 10, [{ ruleId: 'click', kind: 'engagement', points: 20, eventId: 'e2' }]),
    ],
    deadLetters: [{ value: '{"type":"email.clickd"}', reason: 'invalid: type: expected a known event type' }],
  });
});

afterAll(async () => {
  await api?.close();
  await archive?.stop();
});

const get = (url: string, withKey = key) => api.http.inject({ method: 'GET', url, headers: bearer(withKey) });
const ada = encodeURIComponent(ADA);

describe('the archive through the api', () => {
  it('gives a contact’s score history and timeline, the key normalised as ingest normalises it', async () => {
    const history = await get(`/v1/contacts/${ada}/history`);
    expect(history.statusCode).toBe(200);
    const { changes } = json(history) as unknown as ContactScoreHistory;
    expect(
      changes.map((c) => [c.model, c.sequence, c.cause, c.causeEventId, c.total, c.previousTotal]),
    ).toEqual([
      ['clicks', 1, 'event', 'e1', 10, null],
      ['clicks', 2, 'event', 'e2', 20, 10],
    ]);
    // The key is normalised as ingest normalises it.
    const upper = await get(
      `/v1/contacts/${encodeURIComponent('email:Ada@Example.com')}/history?model=clicks&limit=1`,
    );
    expect((json(upper) as unknown as ContactScoreHistory).changes).toHaveLength(1);
    const timeline = json(await get(`/v1/contacts/${ada}/timeline`)) as unknown as ContactTimeline;
    expect(timeline.events).toEqual([
      {
        id: 'e2',
        type: 'email.clicked',
        time: '2026-04-01T08:02:00.000Z',
        scores: [{ model: 'clicks', points: 10, rules: ['click'] }],
      },
      {
        id: 'e1',
        type: 'email.clicked',
        time: '2026-04-01T08:01:00.000Z',
        scores: [{ model: 'clicks', points: 10, rules: ['click'] }],
      },
    ]);
  });

  it('counts events per day and dead letters of the caller’s workspace only', async () => {
    const period = 'from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z';
    expect(json(await get(`/v1/analytics/events-per-day?${period}`))['days']).toEqual([
      { day: '2026-04-01', type: 'email.clicked', events: 2 },
    ]);
    expect(json(await get(`/v1/analytics/events-per-day?${period}`, strangerKey))['days']).toEqual([]);
    const now = new Date();
    const recent = `from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${new Date(now.getTime() + 3_600_000).toISOString()}`;
    const reasons = json(await get(`/v1/analytics/dead-letters?${recent}`))['reasons'];
    expect(reasons).toEqual([
      expect.objectContaining({
        reason: 'invalid',
        rejectedBy: 'ingest',
        records: 1,
        example: 'invalid: type: expected a known event type',
      }),
    ]);
  });

  it('gives a model’s distribution at a point in time, funnel and top rules; 404 for a model the workspace lacks', async () => {
    const applied = await api.http.inject({
      method: 'POST',
      url: '/v1/models',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: clickModel('archived'),
    });
    expect({ status: applied.statusCode, body: applied.body.slice(0, 300) }).toMatchObject({ status: 201 });
    expect(json(await get('/v1/analytics/models/clicks/distribution?at=2026-04-01T09:00:00Z'))).toEqual({
      modelId: 'clicks',
      at: '2026-04-01T09:00:00.000Z',
      contacts: 1,
      min: 20,
      max: 20,
      mean: 20,
      percentiles: { p1: 20, p5: 20, p10: 20, p25: 20, p50: 20, p75: 20, p90: 20, p95: 20, p99: 20 },
      bucketWidth: 10,
      histogram: [{ from: 20, to: 30, contacts: 1 }],
      tiers: [{ tier: null, contacts: 1 }],
    });
    const week = 'from=2026-03-30T00:00:00Z&to=2026-04-06T00:00:00Z';
    expect(json(await get(`/v1/analytics/models/clicks/funnel?${week}`))['cohorts']).toEqual([
      {
        week: '2026-03-30',
        leads: 1,
        mqls: 0,
        sqls: 0,
        conversion: { leadToMql: 0, mqlToSql: null, leadToSql: 0 },
        timeToMql: null,
      },
    ]);
    // Two clicks: 10 points, then the rule worth 20 (its second award is 10 more).
    expect(json(await get(`/v1/analytics/models/clicks/top-rules?${week}`))['rules']).toEqual([
      { ruleId: 'click', kind: 'engagement', awards: 2, contacts: 1, points: 20 },
    ]);
    expectProblem(
      await get('/v1/analytics/models/clicks/funnel', strangerKey),
      404,
      /No model "clicks" in this workspace/,
    );
    expectProblem(await get('/v1/analytics/models/nope/top-rules'), 404, /No model "nope"/);
    expectProblem(
      await get('/v1/analytics/models/clicks/distribution?bucketWidth=0'),
      400,
      /bucketWidth: expected a whole number from 1 to 1000000/,
    );
  });

  it('answers 404 for a contact the archive does not hold (another workspace’s included), 400 for bad parameters', async () => {
    expectProblem(
      await get(`/v1/contacts/${ada}/history`, strangerKey),
      404,
      /no score change of the contact "email:ada@example.com"/,
    );
    expectProblem(await get(`/v1/contacts/${ada}/timeline`, strangerKey), 404, /no event of the contact/);
    expectProblem(
      await get(`/v1/contacts/${encodeURIComponent('email:bob@example.com')}/history`),
      404,
      /bob@example.com/,
    );
    expectProblem(await get(`/v1/contacts/not-a-key/history`), 400, /is not a contact key/);
    expectProblem(
      await get(`/v1/contacts/${ada}/timeline?limit=0`),
      400,
      /limit: expected a whole number from 1 to 5000/,
    );
    expectProblem(
      await get(`/v1/analytics/events-per-day?from=soon`),
      400,
      /from: expected an RFC 3339 date-time/,
    );
  });

  it('answers 503, saying what does not answer, when the analytics service is down', async () => {
    const alone = await startTestApi('api_archive_down', OPERATOR);
    try {
      const workspace = await createWorkspace(alone, 'lonely');
      const response = await alone.http.inject({
        method: 'GET',
        url: `/v1/contacts/${ada}/history`,
        headers: bearer(workspace.adminKey.key),
      });
      expectProblem(
        response,
        503,
        /The archive does not answer \(the analytics service at http:\/\/127\.0\.0\.1:9/,
      );
    } finally {
      await alone.close();
    }
  });
});
