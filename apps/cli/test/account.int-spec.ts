import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AccountDetail,
  AccountLeaderboardPage,
  AccountMembersPage,
  AccountScores,
  ScoringModel,
} from '@leadscore/contracts';
import {
  accountMemberRepository,
  accountProfileRepository,
  accountScoreRepository,
  contactScoreRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreRowOf } from '@leadscore/score-events';
import { applyEvent, emptyState } from '@leadscore/scoring';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `account list|show|members`, run as the built CLI against the built api, over accounts stored as the
// threshold service stores them (account profiles, members and scores, in the api's database) and members
// scored as the scorer stores them.
jest.setTimeout(120_000);

let api: CliTestApi;
let dataSource: DataSource;
const NOW = Date.now();
const DAY = 86_400_000;

const run = (args: string[], key?: string) =>
  leadscore([...args, '--url', api.url, '--key', key ?? api.readKey]);

/** Clicks for contacts; accounts roll up the mean of their two highest members, plus Software's 20 fit. */
function b2bModel(workspace: string): ScoringModel {
  return {
    id: 'b2b',
    version: 1,
    workspace,
    name: 'B2B',
    fit: [],
    engagement: [{ id: 'click', event: 'email.clicked', points: 10, expiresAfterDays: 30 }],
    tiers: { warm: 25, hot: 60 },
    accounts: {
      engagement: { rollup: 'topMean', top: 2 },
      fit: [{ id: 'software', field: 'industry', operator: 'equals', value: 'Software', points: 20 }],
      grades: [
        { grade: 'A', min: 20 },
        { grade: 'C', max: 20 },
      ],
      tiers: { warm: 40, hot: 80 },
      lifecycle: { mqa: { conditions: [{ metric: 'total', enter: 45, exit: 35 }] } },
    },
  };
}

/** Stores what the scorer would after `clicks` clicks of `contact`, a day apart, the last one an hour ago. */
async function score(model: ScoringModel, contact: string, clicks: number): Promise<void> {
  let state = emptyState(model, NOW - clicks * DAY);
  for (let i = clicks; i >= 1; i -= 1)
    state = applyEvent(
      model,
      state,
      { id: `${contact}-${i}`, type: 'email.clicked', data: {} },
      NOW - (i - 1) * DAY - 3_600_000,
    ).state;
  await contactScoreRepository.upsertMany(
    dataSource.manager,
    [scoreRowOf(model.workspace, model, contact, state)],
    'test',
  );
}

/** Stores an account as the threshold service would: its traits, its members' engagement, its scores. */
async function account(
  workspaceId: string,
  accountId: string,
  traits: Record<string, unknown>,
  members: Record<string, number>,
  scores: AccountScores,
  stage: 'lead' | 'mqa',
): Promise<void> {
  const now = new Date(NOW);
  await dataSource.transaction(async (sql) => {
    await accountProfileRepository.mergeTraits(sql, [{ workspaceId, accountId, traits, updatedAt: now }]);
    await accountMemberRepository.upsertMany(
      sql,
      Object.entries(members).map(([contactId, engagement]) => ({
        workspaceId,
        modelId: 'b2b',
        contactId,
        accountId,
        engagementCenti: engagement * 100,
        sequence: 1,
      })),
      now,
    );
    const key = { workspaceId, modelId: 'b2b', accountId };
    await accountScoreRepository.lockMany(sql, [key], now);
    await accountScoreRepository.updateMany(
      sql,
      [
        {
          ...key,
          members: Object.keys(members).length,
          engagementSumCenti: Object.values(members).reduce((sum, e) => sum + e * 100, 0),
          sequence: Object.keys(members).length,
          modelVersion: 1,
          scores,
          stage,
          tier: scores.tier ?? 'cold',
          tierName: null,
        },
      ],
      now,
    );
  });
}

beforeAll(async () => {
  api = await startCliTestApi('cli_accounts');
  dataSource = await openDatabase({ url: api.database.url });
  const model = b2bModel(api.workspace);
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: api.workspace,
    modelId: model.id,
    version: 1,
    document: model,
    appliedAt: new Date(NOW - 10 * DAY),
  });
  await score(model, 'email:ada@acme.com', 4);
  await score(model, 'email:grace@acme.com', 2);
  await score(model, 'email:alan@acme.com', 1);
  await score(model, 'email:bob@globex.com', 1);
  // acme.com: Software (20) + the mean of 40 and 20 (30) = 50, warm, grade A, an MQA.
  await account(
    api.workspace,
    'acme.com',
    { industry: 'Software', name: 'ACME' },
    { 'email:ada@acme.com': 40, 'email:grace@acme.com': 20, 'email:alan@acme.com': 10 },
    { fit: 20, engagement: 30, total: 50, tier: 'warm', grade: 'A', members: 3 },
    'mqa',
  );
  // globex.com: no fit, one member (10), cold, grade C, a lead.
  await account(
    api.workspace,
    'globex.com',
    { industry: 'Retail' },
    { 'email:bob@globex.com': 10 },
    { fit: 0, engagement: 10, total: 10, tier: 'cold', grade: 'C', members: 1 },
    'lead',
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await api?.stop();
});

/** The cells of the table rows of `text` that mention `needle`. */
const cells = (text: string, needle: string) =>
  text
    .split('\n')
    .filter((line) => line.includes(needle) && line.includes('│'))
    .map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('leadscore account list', () => {
  it('lists the model’s accounts highest first, with rank, relative %, tier, grade, members and stage', async () => {
    const listed = await run(['account', 'list', '--model', 'b2b']);
    expect(listed).toMatchObject({ status: 0, stderr: '' });
    expect(listed.stdout.split('\n')[0]).toBe('b2b: 2 accounts, 1–2 shown');
    expect(cells(listed.stdout, 'acme.com')).toEqual([
      ['1', 'acme.com', '50', '100.00 %', 'warm', 'A', '3', 'mqa'],
    ]);
    expect(cells(listed.stdout, 'globex.com')[0]?.slice(0, 3)).toEqual(['2', 'globex.com', '10']);
    expect(cells(listed.stdout, 'globex.com')[0]?.slice(4)).toEqual(['cold', 'C', '1', 'lead']);
    expect(listed.stdout).not.toContain('\u001b[');
  });

  it('pages with --limit and --offset, and filters by stage and tier', async () => {
    const first = await run(['account', 'list', '--model', 'b2b', '--limit', '1']);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('next page: leadscore account list --model b2b --limit 1 --offset 1\n');
    const second = JSON.parse(
      (await run(['account', 'list', '--model', 'b2b', '--limit', '1', '--offset', '1', '--json'])).stdout,
    ) as AccountLeaderboardPage;
    expect(second).toMatchObject({ modelId: 'b2b', total: 2, limit: 1, offset: 1 });
    expect(second.entries.map((e) => [e.account, e.stage, e.modelVersion])).toEqual([
      ['globex.com', 'lead', 1],
    ]);
    const mqa = JSON.parse(
      (await run(['account', 'list', '--model', 'b2b', '--stage', 'mqa', '--json'])).stdout,
    ) as AccountLeaderboardPage;
    expect(mqa.entries.map((e) => e.account)).toEqual(['acme.com']);
    expect(mqa.total).toBe(1);
    const cold = JSON.parse(
      (await run(['account', 'list', '--model', 'b2b', '--tier', 'cold', '--json'])).stdout,
    ) as AccountLeaderboardPage;
    expect(cold.entries.map((e) => e.account)).toEqual(['globex.com']);
  });

  it('exits 6 for an unknown model and 2 for an unknown stage', async () => {
    const unknown = await run(['account', 'list', '--model', 'nothing-here']);
    expect(unknown.status).toBe(6);
    expect(unknown.stderr).not.toBe('');
    expect((await run(['account', 'list', '--model', 'b2b', '--stage', 'customer'])).status).toBe(2);
  });
});

describe('leadscore account show', () => {
  it('shows traits, scores, stage, roll-up and why: the members counted and the fit rules', async () => {
    const shown = await run(['account', 'show', 'acme.com']);
    expect(shown).toMatchObject({ status: 0, stderr: '' });
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe('acme.com');
    expect(lines[1]).toMatch(/^traits: .*industry=Software/);
    expect(lines[1]).toContain('name=ACME');
    expect(shown.stdout).toContain('under b2b v1: total 50 (fit 20, engagement 30)');
    expect(shown.stdout).toContain('stage mqa, tier warm, grade A, relative 100.00 %, 3 members');
    expect(shown.stdout).toContain('engagement: topMean, the mean of the 2 highest of 3 members');
    expect(cells(shown.stdout, '@acme.com')).toEqual([
      ['1', 'email:ada@acme.com', '40', 'yes'],
      ['2', 'email:grace@acme.com', '20', 'yes'],
      ['3', 'email:alan@acme.com', '10', 'no'],
    ]);
    expect(cells(shown.stdout, 'software')).toEqual([['software', '20']]);
    const json = JSON.parse((await run(['account', 'show', 'globex.com', '--json'])).stdout) as AccountDetail;
    expect(json).toMatchObject({ account: 'globex.com', traits: { industry: 'Retail' } });
    expect(json.models.map((m) => [m.model.id, m.stage, m.rollup, m.explanation])).toEqual([
      [
        'b2b',
        'lead',
        { kind: 'topMean', top: 2 },
        { members: [{ contact: 'email:bob@globex.com', engagement: 10 }], fit: [] },
      ],
    ]);
  });

  it('prints the api’s message for an unknown account and exits 6', async () => {
    const unknown = await run(['account', 'show', 'nowhere.example']);
    expect(unknown.status).toBe(6);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/nowhere\.example/);
    const json = JSON.parse((await run(['account', 'show', 'nowhere.example', '--json'])).stdout) as {
      error: { exitCode: number; problem: { status: number } };
    };
    expect(json.error).toMatchObject({ exitCode: 6, problem: { status: 404 } });
  });
});

describe('leadscore account members', () => {
  it('lists a page of members, highest engagement first, with their own scores', async () => {
    const first = await run(['account', 'members', 'acme.com', '--model', 'b2b', '--limit', '2']);
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe('acme.com under b2b: 3 members, 1–2 shown');
    expect(cells(first.stdout, '@acme.com').map((row) => row.slice(0, 3))).toEqual([
      ['1', 'email:ada@acme.com', '40'],
      ['2', 'email:grace@acme.com', '20'],
    ]);
    expect(first.stderr).toBe(
      'next page: leadscore account members acme.com --model b2b --limit 2 --offset 2\n',
    );
    const second = JSON.parse(
      (
        await run([
          'account',
          'members',
          'acme.com',
          '--model',
          'b2b',
          '--limit',
          '2',
          '--offset',
          '2',
          '--json',
        ])
      ).stdout,
    ) as AccountMembersPage;
    expect(second).toMatchObject({ account: 'acme.com', modelId: 'b2b', total: 3, limit: 2, offset: 2 });
    expect(second.members).toEqual([
      { contact: 'email:alan@acme.com', engagement: 10, total: 10, tier: 'cold', grade: null },
    ]);
  });

  it('exits 6 for a model that does not exist, and 2 without --model', async () => {
    expect((await run(['account', 'members', 'acme.com', '--model', 'nothing-here'])).status).toBe(6);
    expect((await run(['account', 'members', 'acme.com'])).status).toBe(2);
  });
});
