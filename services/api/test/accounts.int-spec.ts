import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  parseModel,
  type AccountDetail,
  type AccountLeaderboardPage,
  type AccountMembersPage,
  type AccountScores,
} from '@leadscore/contracts';
import {
  accountMemberRepository,
  accountProfileRepository,
  accountScoreRepository,
  scoringModelRepository,
} from '@leadscore/persistence';
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
let acme: string;
let reader: string;
let writer: string;
let globex: string;
let globexAdmin: string;
const AT = new Date('2026-03-31T12:00:00Z');

/**
 * An account model: members' engagement rolled up by `rollup`; account fit from industry and size
 * (`software` worth `softwarePoints`); tiers warm 40 / hot 80 (or `tiers` as given); MQA from 100.
 */
function accountModel(
  workspace: string,
  id: string,
  version: number,
  rollup: string,
  options: { softwarePoints?: number; tiers?: string; fit?: string } = {},
) {
  return parseModel(
    `id: ${id}
version: ${version}
workspace: ${workspace}
name: Accounts
engagement:
  - { id: click, event: email.clicked, points: 5 }
tiers: { warm: 20, hot: 50 }
accounts:
  engagement: ${rollup}
  fit:
${
  options.fit ??
  `    - { id: software, field: industry, operator: equals, value: Software, points: ${options.softwarePoints ?? 20} }
    - { id: big, field: employees, operator: range, min: 200, points: 15 }
    - { id: public-sector, field: industry, operator: equals, value: Government, points: -30 }`
}
  grades:
    - { grade: A, min: 30 }
    - { grade: C, max: 30 }
  tiers: ${options.tiers ?? '{ warm: 40, hot: 80 }'}
  lifecycle:
    mqa:
      conditions:
        - { metric: total, enter: 100, exit: 80 }
`,
    'yaml',
    `${id}.yaml`,
  );
}

async function recordModel(document: { workspace: string; id: string; version: number }): Promise<void> {
  await scoringModelRepository.record(api.dataSource.manager, {
    workspaceId: document.workspace,
    modelId: document.id,
    version: document.version,
    document,
    appliedAt: AT,
  });
}

interface SeededAccount {
  readonly scores: AccountScores;
  readonly stage?: 'lead' | 'mqa';
  readonly sequence?: number;
  readonly modelVersion?: number;
}

/** An account's row as the roll-up leaves it after its published changes. */
async function seedAccount(
  workspaceId: string,
  modelId: string,
  accountId: string,
  account: SeededAccount,
): Promise<void> {
  const key = { workspaceId, modelId, accountId };
  const rows = await accountScoreRepository.lockMany(api.dataSource.manager, [key], AT);
  const row = [...rows.values()][0];
  if (!row) throw new Error('no account row');
  await accountScoreRepository.updateMany(
    api.dataSource.manager,
    [
      {
        ...row,
        members: account.scores.members,
        engagementSumCenti: Math.round(account.scores.engagement * 100),
        sequence: account.sequence ?? 1,
        modelVersion: account.modelVersion ?? 2,
        scores: account.scores,
        stage: account.stage ?? 'lead',
        tier: account.scores.tier ?? 'cold',
        tierName: account.scores.tierName ?? null,
      },
    ],
    AT,
  );
}

const scores = (
  fit: number,
  engagement: number,
  tier: AccountScores['tier'],
  members: number,
  extra: Partial<AccountScores> = {},
): AccountScores => ({
  fit,
  engagement,
  total: Math.round((fit + engagement) * 100) / 100,
  tier,
  grade: fit >= 30 ? 'A' : 'C',
  members,
  ...extra,
});

/** Members' roll-up records: contact → engagement in points. */
async function seedMembers(
  workspaceId: string,
  modelId: string,
  accountId: string | null,
  members: Record<string, number>,
): Promise<void> {
  await accountMemberRepository.upsertMany(
    api.dataSource.manager,
    Object.entries(members).map(([contactId, engagement], index) => ({
      workspaceId,
      modelId,
      contactId,
      accountId,
      engagementCenti: Math.round(engagement * 100),
      sequence: index + 1,
    })),
    AT,
  );
}

/** A contact's published scores in contact_scores (the state's `reported` snapshot and its columns). */
async function seedContactScores(
  workspaceId: string,
  modelId: string,
  contactId: string,
  reported: { fit: number; engagement: number; total: number; tier: string | null; grade: string | null },
): Promise<void> {
  await api.dataSource.query(
    `INSERT INTO contact_scores (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement,
       total, tier, grade, state, updated_at)
     VALUES ($1, $2, $3, 1, 3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      workspaceId,
      modelId,
      contactId,
      reported.fit,
      reported.engagement,
      reported.total,
      reported.tier,
      reported.grade,
      JSON.stringify({ sequence: 3, asOf: AT.getTime(), reported }),
      AT,
    ],
  );
}

/** acme.com's twelve members under `accounts`, engagement in points (two tied at 8). */
const ACME_MEMBERS: Record<string, number> = {
  'email:ada@acme.com': 30,
  'email:bob@acme.com': 20.5,
  'email:cy@acme.com': 12.25,
  'email:dee@acme.com': 8,
  'email:al@acme.com': 8,
  'email:eve@acme.com': 6,
  'email:fay@acme.com': 4,
  'email:gus@acme.com': 3,
  'email:hal@acme.com': 2,
  'email:ivy@acme.com': 1,
  'email:jo@acme.com': 0.25,
  'email:kim@acme.com': 0,
};
const ACME_ORDER = [
  'email:ada@acme.com',
  'email:bob@acme.com',
  'email:cy@acme.com',
  'email:al@acme.com',
  'email:dee@acme.com',
  'email:eve@acme.com',
  'email:fay@acme.com',
  'email:gus@acme.com',
  'email:hal@acme.com',
  'email:ivy@acme.com',
  'email:jo@acme.com',
  'email:kim@acme.com',
];

beforeAll(async () => {
  api = await startTestApi('api_accounts');
  const created = await createWorkspace(api, 'acme');
  acme = created.workspace.id;
  reader = (await createKey(api, created.adminKey.key, { kind: 'secret', scopes: ['read'] })).key;
  writer = (await createKey(api, created.adminKey.key, { kind: 'secret', scopes: ['events:write'] })).key;
  const other = await createWorkspace(api, 'globex');
  globex = other.workspace.id;
  globexAdmin = other.adminKey.key;

  // `accounts`: version 1 summed members (acme.com was last changed under it), version 2 takes the max.
  await recordModel(accountModel(acme, 'accounts', 1, '{ rollup: sum }'));
  await recordModel(accountModel(acme, 'accounts', 2, '{ rollup: max }', { softwarePoints: 25 }));
  // `ranked`: top-3 mean, named tiers, an EU fit rule.
  await recordModel(
    accountModel(acme, 'ranked', 1, '{ rollup: topMean, top: 3 }', {
      fit: '    - { id: eu, field: region, operator: equals, value: EU, points: 10 }',
      tiers:
        '[{ id: watch, countsAs: cold }, { id: target, countsAs: warm, enter: 50, exit: 40 }, { id: qualified, countsAs: hot, enter: 100, exit: 90 }]',
    }),
  );
  // A model without accounts.
  await recordModel({ ...clickModel(acme), workspace: acme });

  // Totals 130, 95, 60, 60, 20: top 130, lower median 60, lowest 20.
  await seedAccount(acme, 'accounts', 'acme.com', {
    scores: scores(35, 95, 'hot', 12),
    stage: 'mqa',
    sequence: 7,
    modelVersion: 1,
  });
  await seedAccount(acme, 'accounts', 'wayne.com', { scores: scores(15, 80, 'hot', 1) });
  await seedAccount(acme, 'accounts', 'umbrella.io', { scores: scores(20, 40, 'warm', 1) });
  await seedAccount(acme, 'accounts', 'initech.com', { scores: scores(0, 60, 'warm', 2), stage: 'mqa' });
  await seedAccount(acme, 'accounts', 'hooli', { scores: scores(0, 20, 'cold', 1) });
  // A row the roll-up created but never published scores for: not an account of the model yet.
  await accountScoreRepository.lockMany(
    api.dataSource.manager,
    [{ workspaceId: acme, modelId: 'accounts', accountId: 'pending.com' }],
    AT,
  );
  await seedAccount(acme, 'ranked', 'acme.com', {
    scores: scores(10, 45, 'warm', 3, { tierName: 'target', grade: 'C' }),
    sequence: 4,
    modelVersion: 1,
  });
  await seedAccount(acme, 'ranked', 'initech.com', {
    scores: scores(0, 20, 'cold', 1, { tierName: 'watch', grade: 'C' }),
    modelVersion: 1,
  });

  await seedMembers(acme, 'accounts', 'acme.com', ACME_MEMBERS);
  await seedMembers(acme, 'accounts', 'initech.com', { 'email:pat@initech.com': 40, 'user:77': 20 });
  // A contact that left acme.com (merged away): remembered without an account.
  await seedMembers(acme, 'accounts', null, { 'email:gone@acme.com': 50 });
  await seedMembers(acme, 'ranked', 'acme.com', {
    'email:ada@acme.com': 60,
    'email:bob@acme.com': 45,
    'email:cy@acme.com': 30,
  });
  await accountProfileRepository.mergeTraits(api.dataSource.manager, [
    {
      workspaceId: acme,
      accountId: 'acme.com',
      traits: { industry: 'Software', employees: 320, region: 'EU', name: 'Acme' },
      updatedAt: AT,
    },
  ]);
  for (const [index, contact] of ACME_ORDER.entries()) {
    // Kim's score is gone (erased): no row.
    if (contact === 'email:kim@acme.com') continue;
    const engagement = ACME_MEMBERS[contact] ?? 0;
    await seedContactScores(acme, 'accounts', contact, {
      fit: index,
      engagement,
      total: index + engagement,
      tier: index + engagement >= 20 ? 'warm' : 'cold',
      grade: index < 3 ? 'A' : null,
    });
  }

  // Globex has an account of the same id, and one of its own, under a model of the same id.
  await recordModel(accountModel(globex, 'accounts', 1, '{ rollup: sum }'));
  await seedAccount(globex, 'accounts', 'acme.com', {
    scores: scores(0, 5, 'cold', 1),
    modelVersion: 1,
  });
  await seedAccount(globex, 'accounts', 'globex.com', {
    scores: scores(20, 200, 'hot', 1),
    modelVersion: 1,
  });
  await seedMembers(globex, 'accounts', 'acme.com', { 'email:spy@acme.com': 5 });
});

afterAll(async () => {
  await api?.close();
});

const get = (url: string, key = reader) => api.http.inject({ method: 'GET', url, headers: bearer(key) });

async function ok<T>(url: string, key = reader): Promise<T> {
  const response = await get(url, key);
  expect({ url, status: response.statusCode, body: response.body.slice(0, 400) }).toMatchObject({
    status: 200,
  });
  return json(response) as unknown as T;
}

const accountsOf = (page: AccountLeaderboardPage) =>
  page.entries.map((entry) => [entry.account, entry.scores.total, entry.relativePercent]);

describe('GET /v1/models/{id}/accounts', () => {
  it('lists the scored accounts highest total first (ties by account id), with their relative score', async () => {
    const page = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts');
    expect(page).toMatchObject({ modelId: 'accounts', total: 5, limit: 50, offset: 0 });
    expect(accountsOf(page)).toEqual([
      ['acme.com', 130, 100],
      ['wayne.com', 95, 75],
      ['initech.com', 60, 50],
      ['umbrella.io', 60, 50],
      ['hooli', 20, 16.67],
    ]);
    expect(page.entries[0]).toEqual({
      account: 'acme.com',
      scores: { fit: 35, engagement: 95, total: 130, tier: 'hot', grade: 'A', members: 12 },
      relativePercent: 100,
      stage: 'mqa',
      modelVersion: 1,
    });
    expect(page.entries[1]).toMatchObject({ stage: 'lead', modelVersion: 2 });
  });

  it('pages by limit and offset, counting every matching account', async () => {
    const first = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?limit=2');
    const second = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?limit=2&offset=2');
    const last = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?limit=2&offset=4');
    const past = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?limit=2&offset=10');
    expect([first, second, last, past].map((page) => page.entries.map((entry) => entry.account))).toEqual([
      ['acme.com', 'wayne.com'],
      ['initech.com', 'umbrella.io'],
      ['hooli'],
      [],
    ]);
    expect([first, second, last, past].map(({ total, limit, offset }) => [total, limit, offset])).toEqual([
      [5, 2, 0],
      [5, 2, 2],
      [5, 2, 4],
      [5, 2, 10],
    ]);
    const max = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?limit=200');
    expect(max.entries).toHaveLength(5);
  });

  it('filters by stage and tier (named tiers too); relative scores stay among all the model’s accounts', async () => {
    const mqa = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?stage=mqa');
    expect(accountsOf(mqa)).toEqual([
      ['acme.com', 130, 100],
      ['initech.com', 60, 50],
    ]);
    expect(mqa.total).toBe(2);
    const lead = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?stage=lead');
    expect(lead.entries.map((entry) => entry.account)).toEqual(['wayne.com', 'umbrella.io', 'hooli']);
    const hot = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?tier=hot');
    expect(accountsOf(hot)).toEqual([
      ['acme.com', 130, 100],
      ['wayne.com', 95, 75],
    ]);
    const hotLeads = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts?tier=hot&stage=lead');
    expect(hotLeads.entries.map((entry) => entry.account)).toEqual(['wayne.com']);
    expect(hotLeads.total).toBe(1);
    // Named tiers: by their id, or by the cold/warm/hot they count as.
    const target = await ok<AccountLeaderboardPage>('/v1/models/ranked/accounts?tier=target');
    expect(target.entries).toEqual([
      {
        account: 'acme.com',
        scores: {
          fit: 10,
          engagement: 45,
          total: 55,
          tier: 'warm',
          tierName: 'target',
          grade: 'C',
          members: 3,
        },
        relativePercent: 100,
        stage: 'lead',
        modelVersion: 1,
      },
    ]);
    const warm = await ok<AccountLeaderboardPage>('/v1/models/ranked/accounts?tier=warm');
    expect(warm.entries.map((entry) => entry.account)).toEqual(['acme.com']);
    const none = await ok<AccountLeaderboardPage>('/v1/models/ranked/accounts?tier=qualified');
    expect(none).toMatchObject({ entries: [], total: 0 });
  });

  it('answers an empty page for a model without accounts', async () => {
    const page = await ok<AccountLeaderboardPage>('/v1/models/clicks/accounts');
    expect(page).toEqual({ modelId: 'clicks', entries: [], total: 0, limit: 50, offset: 0 });
  });

  it('is 404 for a model the workspace does not have, like the contact leaderboard', async () => {
    expectProblem(await get('/v1/models/nope/accounts'), 404, /No model "nope" in this workspace/);
    // Globex has no `ranked` model: acme's is not found from there.
    expectProblem(await get('/v1/models/ranked/accounts', globexAdmin), 404, /No model "ranked"/);
  });

  it('answers 400 naming the parameter for bad limit, offset, stage and tier', async () => {
    const cases: [string, string, RegExp][] = [
      ['limit=0', '?limit', /\?limit must be a whole number from 1 to 200 \(default 50\)/],
      ['limit=201', '?limit', /from 1 to 200/],
      ['limit=ten', '?limit', /whole number/],
      ['offset=-1', '?offset', /\?offset must be a whole number from 0 to 1000000 \(default 0\)/],
      ['offset=1.5', '?offset', /whole number/],
      ['stage=sql', '?stage', /\?stage must be lead or mqa/],
      ['stage=lead&stage=mqa', '?stage', /lead or mqa/],
      [
        'tier=HOT',
        '?tier',
        /\?tier must be cold, warm, hot or the id of one of the model’s named account tiers/,
      ],
      ['tier=', '?tier', /named account tiers/],
    ];
    for (const [query, field, detail] of cases) {
      const body = expectProblem(await get(`/v1/models/accounts/accounts?${query}`), 400, detail);
      expect({ query, errors: body['errors'] }).toEqual({
        query,
        errors: [{ field, expected: expect.any(String) }],
      });
    }
  });

  it('needs read or admin', async () => {
    expectProblem(await get('/v1/models/accounts/accounts', writer), 403, /read|admin/);
  });

  it('shows only the caller’s workspace', async () => {
    const theirs = await ok<AccountLeaderboardPage>('/v1/models/accounts/accounts', globexAdmin);
    expect(accountsOf(theirs)).toEqual([
      ['globex.com', 220, 100],
      ['acme.com', 5, 50],
    ]);
  });
});

describe('GET /v1/accounts/{account}', () => {
  it('answers the traits and, under every model that scores the account, scores, stage, roll-up and why', async () => {
    const detail = await ok<AccountDetail>('/v1/accounts/acme.com');
    expect(detail.account).toBe('acme.com');
    expect(detail.traits).toEqual({ industry: 'Software', employees: 320, region: 'EU', name: 'Acme' });
    expect(detail.models.map((model) => model.model)).toEqual([
      { id: 'accounts', version: 1 },
      { id: 'ranked', version: 1 },
    ]);
    const [accounts, ranked] = detail.models;
    // Version 1 (the one that computed the scores) sums members and gives software 20, not version 2's max and 25.
    expect(accounts).toMatchObject({
      scores: { fit: 35, engagement: 95, total: 130, tier: 'hot', grade: 'A', members: 12 },
      relativePercent: 100,
      stage: 'mqa',
      sequence: 7,
      rollup: { kind: 'sum' },
    });
    expect(accounts?.explanation.fit).toEqual([
      { rule: 'software', points: 20 },
      { rule: 'big', points: 15 },
    ]);
    // The 10 highest members, highest first, ties by contact key, engagement back from hundredths.
    expect(accounts?.explanation.members).toEqual(
      ACME_ORDER.slice(0, 10).map((contact) => ({ contact, engagement: ACME_MEMBERS[contact] })),
    );
    expect(ranked).toEqual({
      model: { id: 'ranked', version: 1 },
      scores: {
        fit: 10,
        engagement: 45,
        total: 55,
        tier: 'warm',
        tierName: 'target',
        grade: 'C',
        members: 3,
      },
      // Totals 55 and 20: acme.com is the top.
      relativePercent: 100,
      stage: 'lead',
      sequence: 4,
      rollup: { kind: 'topMean', top: 3 },
      explanation: {
        members: [
          { contact: 'email:ada@acme.com', engagement: 60 },
          { contact: 'email:bob@acme.com', engagement: 45 },
          { contact: 'email:cy@acme.com', engagement: 30 },
        ],
        fit: [{ rule: 'eu', points: 10 }],
      },
    });
  });

  it('answers empty traits for an account without a profile, and its relative score per model', async () => {
    const detail = await ok<AccountDetail>('/v1/accounts/initech.com');
    expect(detail.traits).toEqual({});
    expect(
      detail.models.map((model) => [
        model.model.id,
        model.relativePercent,
        model.rollup,
        model.explanation.members.length,
      ]),
    ).toEqual([
      ['accounts', 50, { kind: 'max' }, 2],
      // Totals 55 and 20 under `ranked`, the median being 20: 50 %.
      ['ranked', 50, { kind: 'topMean', top: 3 }, 0],
    ]);
    expect(detail.models[0]?.explanation).toEqual({
      members: [
        { contact: 'email:pat@initech.com', engagement: 40 },
        { contact: 'user:77', engagement: 20 },
      ],
      fit: [],
    });
  });

  it('reads an account id percent-encoded in the path', async () => {
    await seedAccount(acme, 'accounts', 'Acme Corp/EU', { scores: scores(0, 1, 'cold', 0) });
    const detail = await ok<AccountDetail>(`/v1/accounts/${encodeURIComponent('Acme Corp/EU')}`);
    expect(detail).toMatchObject({
      account: 'Acme Corp/EU',
      traits: {},
      models: [{ model: { id: 'accounts' } }],
    });
    await api.dataSource.query(`DELETE FROM account_scores WHERE account_id = 'Acme Corp/EU'`);
  });

  it('is 404 saying what an account is when no model scores it', async () => {
    for (const account of ['nobody.example', 'pending.com', 'email:ada@acme.com']) {
      expectProblem(
        await get(`/v1/accounts/${encodeURIComponent(account)}`),
        404,
        /No model scores an account ".*" in this workspace \(yet\)\. An account is a company: a contact joins one by its `company\.id` trait .*, else by its email’s domain unless that is a free-mail one/,
      );
    }
  });

  it('shows only the caller’s workspace', async () => {
    const theirs = await ok<AccountDetail>('/v1/accounts/acme.com', globexAdmin);
    expect(theirs).toEqual({
      account: 'acme.com',
      traits: {},
      models: [
        expect.objectContaining({
          model: { id: 'accounts', version: 1 },
          scores: { fit: 0, engagement: 5, total: 5, tier: 'cold', grade: 'C', members: 1 },
          explanation: { members: [{ contact: 'email:spy@acme.com', engagement: 5 }], fit: [] },
        }),
      ],
    });
    expectProblem(await get('/v1/accounts/wayne.com', globexAdmin), 404, /No model scores an account/);
    expectProblem(await get('/v1/accounts/globex.com'), 404, /No model scores an account/);
  });
});

describe('GET /v1/models/{id}/accounts/{account}/members', () => {
  it('lists the members highest engagement first, each with its last published scores', async () => {
    const page = await ok<AccountMembersPage>('/v1/models/accounts/accounts/acme.com/members');
    expect(page).toMatchObject({ account: 'acme.com', modelId: 'accounts', total: 12, limit: 50, offset: 0 });
    expect(page.members.map((member) => member.contact)).toEqual(ACME_ORDER);
    expect(page.members.slice(0, 3)).toEqual([
      { contact: 'email:ada@acme.com', engagement: 30, total: 30, tier: 'warm', grade: 'A' },
      { contact: 'email:bob@acme.com', engagement: 20.5, total: 21.5, tier: 'warm', grade: 'A' },
      { contact: 'email:cy@acme.com', engagement: 12.25, total: 14.25, tier: 'cold', grade: 'A' },
    ]);
    // Kim's score is gone: no published figures.
    expect(page.members[11]).toEqual({
      contact: 'email:kim@acme.com',
      engagement: 0,
      total: null,
      tier: null,
      grade: null,
    });
  });

  it('pages by limit and offset', async () => {
    const pages = await Promise.all(
      [0, 5, 10, 15].map((offset) =>
        ok<AccountMembersPage>(`/v1/models/accounts/accounts/acme.com/members?limit=5&offset=${offset}`),
      ),
    );
    expect(pages.map((page) => page.members.map((member) => member.contact))).toEqual([
      ACME_ORDER.slice(0, 5),
      ACME_ORDER.slice(5, 10),
      ACME_ORDER.slice(10),
      [],
    ]);
    expect(pages.map(({ total, limit, offset }) => [total, limit, offset])).toEqual([
      [12, 5, 0],
      [12, 5, 5],
      [12, 5, 10],
      [12, 5, 15],
    ]);
  });

  it('is 404 for an unknown model, a model without accounts, or an account the model does not score', async () => {
    expectProblem(await get('/v1/models/nope/accounts/acme.com/members'), 404, /No model "nope"/);
    expectProblem(
      await get('/v1/models/clicks/accounts/acme.com/members'),
      404,
      /The model "clicks" scores no account "acme.com" in this workspace \(yet\); GET \/v1\/models\/clicks\/accounts lists/,
    );
    expectProblem(
      await get('/v1/models/ranked/accounts/wayne.com/members'),
      404,
      /scores no account "wayne\.com"/,
    );
    expectProblem(await get('/v1/models/accounts/accounts/pending.com/members'), 404, /scores no account/);
  });

  it('answers 400 naming the parameter for a bad limit or offset', async () => {
    for (const [query, field] of [
      ['limit=0', '?limit'],
      ['limit=500', '?limit'],
      ['offset=x', '?offset'],
      ['offset=1000001', '?offset'],
    ] as const) {
      const body = expectProblem(
        await get(`/v1/models/accounts/accounts/acme.com/members?${query}`),
        400,
        /must be a whole number/,
      );
      expect(body['errors']).toEqual([{ field, expected: expect.any(String) }]);
    }
  });

  it('shows only the caller’s workspace', async () => {
    const theirs = await ok<AccountMembersPage>('/v1/models/accounts/accounts/acme.com/members', globexAdmin);
    expect(theirs).toEqual({
      account: 'acme.com',
      modelId: 'accounts',
      members: [{ contact: 'email:spy@acme.com', engagement: 5, total: null, tier: null, grade: null }],
      total: 1,
      limit: 50,
      offset: 0,
    });
    expectProblem(
      await get('/v1/models/accounts/accounts/wayne.com/members', globexAdmin),
      404,
      /scores no account/,
    );
    expectProblem(await get('/v1/models/accounts/accounts/globex.com/members'), 404, /scores no account/);
  });
});
