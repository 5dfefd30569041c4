import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LeaderboardPage, ScoreDistribution } from '@leadscore/contracts';
import { contactRankRepository, scoringModelRepository, type ContactRankRow } from '@leadscore/persistence';
import {
  bearer,
  clickModel,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;
let cachedApi: TestApi;
let workspace: string;
let reader: string;
let stranger: string;
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Records a model version (as the scorer does) so the model exists for the routes. */
async function recordModel(target: TestApi, workspaceId: string, modelId: string): Promise<void> {
  await scoringModelRepository.record(target.dataSource.manager, {
    workspaceId,
    modelId,
    version: 1,
    document: { ...clickModel(workspaceId), id: modelId },
    appliedAt: new Date(T0),
  });
}

let writes = 0;
/** Ranks as the scorer records them (contact_ranks and the histogram, in one statement). */
async function rank(
  target: TestApi,
  workspaceId: string,
  modelId: string,
  totals: Record<string, number>,
  extra: Partial<Pick<ContactRankRow, 'asOf'>> & {
    tier?: 'hot' | 'warm' | 'cold' | null;
    grade?: string;
  } = {},
): Promise<void> {
  writes += 1;
  await contactRankRepository.write(
    target.dataSource.manager,
    Object.entries(totals).map(([contactId, total]) => ({
      workspaceId,
      modelId,
      contactId,
      rank: { total, tier: extra.tier === undefined ? 'cold' : extra.tier, grade: extra.grade ?? null },
      modelVersion: 1,
      asOf: extra.asOf ?? new Date(T0 + writes * 1_000),
      attentionAt: null,
    })),
    `scorer:${writes % 3}`,
  );
}

const get = (key: string, url: string, target: TestApi = api) =>
  target.http.inject({ method: 'GET', url, headers: bearer(key) });

async function leaderboard(url: string, key = reader): Promise<LeaderboardPage> {
  const response = await get(key, url);
  expect({ url, status: response.statusCode, body: response.body.slice(0, 400) }).toMatchObject({
    status: 200,
  });
  return json(response) as unknown as LeaderboardPage;
}

/** Every page of a leaderboard, following nextCursor. */
async function walkAll(url: string): Promise<LeaderboardPage['entries']> {
  const entries: LeaderboardPage['entries'] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page = await leaderboard(cursor ? `${url}${separator}cursor=${cursor}` : url);
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

beforeAll(async () => {
  [api, cachedApi] = await Promise.all([
    startTestApi('api_scores'),
    startTestApi('api_scores_cached', undefined, { scoreStatsMaxAgeMs: 5_000 }),
  ]);
  const acme = await createWorkspace(api, 'acme');
  workspace = acme.workspace.id;
  reader = (await createKey(api, acme.adminKey.key, { kind: 'secret', scopes: ['read'] })).key;
  stranger = (await createWorkspace(api, 'globex')).adminKey.key;
});

afterAll(async () => {
  await Promise.all([api?.close(), cachedApi?.close()]);
});

/**
 * ONTRAPORT's relative score on worked examples (the api README's table): stored, unrounded totals
 * in ascending order, and the percentage of each.
 */
const WORKED_EXAMPLES: { name: string; totals: number[]; percents: number[]; median: number }[] = [
  { name: 'spread', totals: [0, 10, 20, 30, 100], percents: [0, 25, 50, 56.25, 100], median: 20 },
  {
    name: 'even count: the lower median',
    totals: [5, 10, 15, 40],
    percents: [25, 50, 58.33, 100],
    median: 10,
  },
  { name: 'ties on the median', totals: [10, 10, 10, 50], percents: [50, 50, 50, 100], median: 10 },
  { name: 'one contact', totals: [42], percents: [100], median: 42 },
  { name: 'all equal', totals: [7, 7, 7], percents: [100, 100, 100], median: 7 },
  {
    name: 'negatives under a positive median',
    totals: [-20, -5, 12, 30, 60],
    percents: [0, 0, 50, 68.75, 100],
    median: 12,
  },
  {
    name: 'a median at or below zero',
    totals: [-40, -30, -10, 0, 20],
    percents: [0, 16.67, 50, 66.67, 100],
    median: -10,
  },
  {
    name: 'unrounded totals (rounded, the first would be 49.99)',
    totals: [33.334, 33.336, 66.666],
    percents: [49.997, 50, 100].map((p) => Math.round(p * 100) / 100),
    median: 33.336,
  },
];

describe('GET /v1/models/{id}/leaderboard: relative scores', () => {
  it.each(WORKED_EXAMPLES.map((example, i) => ({ ...example, i })))(
    'worked example: $name',
    async ({ totals, percents, median, i }) => {
      const modelId = `example-${i}`;
      await recordModel(api, workspace, modelId);
      await rank(
        api,
        workspace,
        modelId,
        Object.fromEntries(totals.map((total, n) => [`user:${String(n).padStart(2, '0')}`, total])),
      );
      const page = await leaderboard(`/v1/models/${modelId}/leaderboard`);
      // Shown rounded to hundredths (the percentages come from the unrounded figures).
      const shown = (total: number | undefined) => Math.round((total ?? 0) * 100) / 100;
      expect(page.stats).toMatchObject({
        count: totals.length,
        median: shown(median),
        min: shown(totals[0]),
        top: { total: shown(totals.at(-1)) },
      });
      // Highest first; ties by contact key, descending.
      const expected = totals
        .map((total, n) => ({ contact: `user:${String(n).padStart(2, '0')}`, total, percent: percents[n] }))
        .sort((a, b) => b.total - a.total || (a.contact < b.contact ? 1 : -1));
      expect(page.entries.map((e) => [e.contact, e.relativePercent])).toEqual(
        expected.map((e) => [e.contact, e.percent]),
      );
      expect(page.entries.map((e) => e.total)).toEqual(expected.map((e) => Math.round(e.total * 100) / 100));
    },
  );

  it('answers an empty page and empty stats for a model nobody was scored under', async () => {
    await recordModel(api, workspace, 'unscored');
    const page = await leaderboard('/v1/models/unscored/leaderboard');
    expect(page).toMatchObject({
      entries: [],
      nextCursor: null,
      partial: false,
      stats: { count: 0, top: null, median: null, min: null },
    });
  });
});

describe('GET /v1/models/{id}/leaderboard: paging', () => {
  const MODEL = 'paging';
  const initial: Record<string, number> = {};
  for (let n = 0; n < 300; n += 1) initial[`user:p${String(n).padStart(3, '0')}`] = (n * 37) % 101;

  beforeAll(async () => {
    await recordModel(api, workspace, MODEL);
    await rank(api, workspace, MODEL, initial);
  });

  it('stays stable while scores change between pages: unchanged contacts appear once, in order', async () => {
    const seen: LeaderboardPage['entries'] = [];
    const moved = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await leaderboard(
        `/v1/models/${MODEL}/leaderboard?limit=25${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.entries);
      cursor = page.nextCursor;
      pages += 1;
      // Between pages, some contacts rise to the top and some fall to the bottom, as scoring would move them.
      const changes: Record<string, number> = {};
      for (let k = 0; k < 5; k += 1) {
        const contact = `user:p${String((pages * 41 + k * 13) % 300).padStart(3, '0')}`;
        changes[contact] = k % 2 === 0 ? 500 + pages : -50 - pages;
        moved.add(contact);
      }
      await rank(api, workspace, MODEL, changes);
    } while (cursor);
    expect(pages).toBeGreaterThan(10);
    // Positions strictly decrease along the walk: no page overlaps another.
    const positions = seen.map((e) => e.total);
    for (let i = 1; i < positions.length; i += 1)
      expect(positions[i]).toBeLessThanOrEqual(positions[i - 1] ?? Infinity);
    const contacts = seen.map((e) => e.contact);
    const unchanged = Object.entries(initial)
      .filter(([contact]) => !moved.has(contact))
      .sort(([a, x], [b, y]) => y - x || (a < b ? 1 : -1))
      .map(([contact]) => contact);
    expect(unchanged.length).toBeGreaterThan(100);
    expect(contacts.filter((c) => !moved.has(c))).toEqual(unchanged);
  });

  it('keeps the walk start time in the cursor', async () => {
    const first = await leaderboard(`/v1/models/${MODEL}/leaderboard?limit=10`);
    api.advance(60);
    const second = await leaderboard(
      `/v1/models/${MODEL}/leaderboard?limit=10&cursor=${first.nextCursor ?? ''}`,
    );
    expect(second.walkStartedAt).toBe(first.walkStartedAt);
  });
});

describe('GET /v1/models/{id}/leaderboard: filters', () => {
  const MODEL = 'filters';

  beforeAll(async () => {
    await recordModel(api, workspace, MODEL);
    await rank(
      api,
      workspace,
      MODEL,
      { 'user:h1': 80, 'user:h2': 70 },
      { tier: 'hot', grade: 'A', asOf: new Date(T0) },
    );
    await rank(
      api,
      workspace,
      MODEL,
      { 'user:w1': 30, 'user:w2': 20 },
      { tier: 'warm', grade: 'B', asOf: new Date(T0 + 86_400_000) },
    );
    await rank(
      api,
      workspace,
      MODEL,
      { 'user:c1': 5 },
      { tier: 'cold', grade: 'A', asOf: new Date(T0 + 2 * 86_400_000) },
    );
    await api.dataSource.query(
      `INSERT INTO lifecycle_states (workspace_id, model_id, contact_id, stage, tier, grade, last_sequence, model_version, scores, updated_at)
       VALUES ($1, $2, 'user:h1', 'sql', 'hot', 'A', 1, 1, '{}', now()), ($1, $2, 'user:w2', 'mql', 'warm', 'B', 1, 1, '{}', now())`,
      [workspace, MODEL],
    );
  });

  const contactsOf = async (query: string) =>
    (await walkAll(`/v1/models/${MODEL}/leaderboard?limit=1&${query}`)).map((e) => e.contact);

  it('keep the tiers, grades, stages and update times asked for', async () => {
    expect(await contactsOf('tier=hot,cold')).toEqual(['user:h1', 'user:h2', 'user:c1']);
    expect(await contactsOf('grade=A')).toEqual(['user:h1', 'user:h2', 'user:c1']);
    expect(await contactsOf('stage=mql,sql')).toEqual(['user:h1', 'user:w2']);
    expect(await contactsOf('stage=lead')).toEqual(['user:h2', 'user:w1', 'user:c1']);
    expect(await contactsOf(`updatedSince=${new Date(T0 + 86_400_000).toISOString()}`)).toEqual([
      'user:w1',
      'user:w2',
      'user:c1',
    ]);
    expect(await contactsOf('tier=warm&stage=mql')).toEqual(['user:w2']);
    const page = await leaderboard(`/v1/models/${MODEL}/leaderboard?stage=sql`);
    expect(page.entries).toEqual([
      expect.objectContaining({
        contact: 'user:h1',
        stage: 'sql',
        tier: 'hot',
        grade: 'A',
        total: 80,
        relativePercent: 100,
      }),
    ]);
  });

  it('refuse a cursor made for other filters, and bad parameters, saying how to fix them', async () => {
    const page = await leaderboard(`/v1/models/${MODEL}/leaderboard?limit=1&tier=hot`);
    const reused = await get(
      reader,
      `/v1/models/${MODEL}/leaderboard?limit=1&tier=warm&cursor=${page.nextCursor ?? ''}`,
    );
    expectProblem(reused, 400, /made for other filters: pass the nextCursor of the previous page unchanged/);
    for (const query of [
      'limit=0',
      'limit=201',
      'tier=lukewarm',
      'stage=customer',
      'updatedSince=yesterday',
      'cursor=bm90IGEgY3Vyc29y',
      'grade=',
    ]) {
      const response = await get(reader, `/v1/models/${MODEL}/leaderboard?${query}`);
      const parameter = query.split('=')[0] ?? '';
      expect([query, json(response)]).toEqual([
        query,
        expect.objectContaining({ status: 400, detail: expect.stringContaining(`?${parameter}`) }),
      ]);
      expectProblem(response, 400, /must|cursor/);
    }
  });

  it('answers 404 for another workspace’s model and for an unknown one', async () => {
    expectProblem(await get(stranger, `/v1/models/${MODEL}/leaderboard`), 404, /No model "filters"/);
    expectProblem(await get(reader, '/v1/models/nothing-here/leaderboard'), 404, /No model "nothing-here"/);
    expectProblem(await get(stranger, `/v1/models/${MODEL}/distribution`), 404, /No model "filters"/);
  });
});

describe('GET /v1/models/{id}/distribution', () => {
  it('gives nearest-rank percentiles, the median, extremes and a histogram of any bucket width', async () => {
    await recordModel(api, workspace, 'hundred');
    // 1, 2, …, 100, plus 0.5 (a total inside a bucket with another).
    const totals: Record<string, number> = { 'user:half': 0.5 };
    for (let n = 1; n <= 100; n += 1) totals[`user:d${n}`] = n;
    await rank(api, workspace, 'hundred', totals);
    const response = await get(reader, '/v1/models/hundred/distribution?bucketWidth=25');
    expect(response.statusCode).toBe(200);
    const body = json(response) as unknown as ScoreDistribution;
    // 101 totals ascending: 0.5, 1, 2, …, 100; nearest rank q: the ⌈q·101⌉-th lowest.
    expect(body).toMatchObject({
      modelId: 'hundred',
      stats: { count: 101, median: 50, min: 0.5, top: { contact: 'user:d100', total: 100 } },
      max: 100,
      percentiles: { p1: 1, p5: 5, p10: 10, p25: 25, p50: 50, p75: 75, p90: 90, p95: 95, p99: 99 },
      bucketWidth: 25,
      histogram: [
        { from: 0, to: 25, contacts: 25 },
        { from: 25, to: 50, contacts: 25 },
        { from: 50, to: 75, contacts: 25 },
        { from: 75, to: 100, contacts: 25 },
        { from: 100, to: 125, contacts: 1 },
      ],
    });
    const bad = await get(reader, '/v1/models/hundred/distribution?bucketWidth=0');
    expectProblem(bad, 400, /\?bucketWidth must be a whole number from 1/);
  });

  it('reuses its figures for API_SCORE_STATS_MAX_AGE_MS and says when they were computed', async () => {
    const owner = await createWorkspace(cachedApi, 'cached');
    const key = owner.adminKey.key;
    await recordModel(cachedApi, owner.workspace.id, 'cached');
    await rank(cachedApi, owner.workspace.id, 'cached', { 'user:a': 10 });
    const first = json(
      await get(key, '/v1/models/cached/distribution', cachedApi),
    ) as unknown as ScoreDistribution;
    await rank(cachedApi, owner.workspace.id, 'cached', { 'user:b': 20 });
    cachedApi.advance(4);
    const cached = json(
      await get(key, '/v1/models/cached/distribution', cachedApi),
    ) as unknown as ScoreDistribution;
    expect(cached.stats).toEqual(first.stats);
    cachedApi.advance(2);
    const fresh = json(
      await get(key, '/v1/models/cached/distribution', cachedApi),
    ) as unknown as ScoreDistribution;
    expect(fresh.stats.count).toBe(2);
    expect(Date.parse(fresh.stats.asOf) - Date.parse(first.stats.asOf)).toBe(6_000);
  });
});
