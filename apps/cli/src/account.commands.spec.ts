import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AccountDetail, AccountLeaderboardPage, AccountMembersPage } from '@leadscore/contracts';
import { Writable } from 'node:stream';
import { countedMember, rollupText, tierText } from './account.commands.js';
import { runCli } from './cli.js';

class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const API_URL = 'http://api.test';

const leaderboardPage: AccountLeaderboardPage = {
  modelId: 'b2b',
  entries: [
    {
      account: 'acme.com',
      scores: {
        fit: 30,
        engagement: 45.5,
        total: 75.5,
        tier: 'hot',
        tierName: 'enterprise',
        grade: 'A',
        members: 12,
      },
      relativePercent: 87.5,
      stage: 'mqa',
      modelVersion: 3,
    },
    {
      account: 'globex',
      scores: { fit: 0, engagement: 20, total: 20, tier: null, grade: null, members: 1 },
      relativePercent: 50,
      stage: 'lead',
      modelVersion: 3,
    },
  ],
  total: 7,
  limit: 2,
  offset: 2,
};

const detail: AccountDetail = {
  account: 'acme.com',
  traits: { name: 'ACME Inc.', employees: 250, industry: 'Software' },
  models: [
    {
      model: { id: 'b2b', version: 3 },
      scores: {
        fit: 30,
        engagement: 45.5,
        total: 75.5,
        tier: 'hot',
        tierName: 'enterprise',
        grade: 'A',
        members: 12,
      },
      relativePercent: 87.5,
      stage: 'mqa',
      sequence: 9,
      rollup: { kind: 'topMean', top: 2 },
      explanation: {
        members: [
          { contact: 'email:ada@acme.com', engagement: 60 },
          { contact: 'email:grace@acme.com', engagement: 31 },
          { contact: 'email:alan@acme.com', engagement: 4 },
        ],
        fit: [
          { rule: 'software', points: 20 },
          { rule: 'mid-size', points: 10 },
        ],
      },
    },
  ],
};

const membersPage: AccountMembersPage = {
  account: 'acme.com',
  modelId: 'b2b',
  members: [
    { contact: 'email:ada@acme.com', engagement: 60, total: 70, tier: 'hot', grade: 'B' },
    { contact: 'email:gone@acme.com', engagement: 2, total: null, tier: null, grade: null },
  ],
  total: 2,
  limit: 50,
  offset: 0,
};

/** fetch answering `body` with `status`, recording the URLs and headers asked for. */
function answer(status: number, body: unknown) {
  return jest.spyOn(globalThis, 'fetch').mockImplementation(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
      }),
    ),
  );
}

async function cli(args: string[]) {
  const stdout = new Captured();
  const stderr = new Captured();
  const status = await runCli([...args, '--url', API_URL, '--key', 'sk_test'], { stdout, stderr });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

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

const requested = (fetch: ReturnType<typeof answer>) =>
  fetch.mock.calls.map(([input]) =>
    (typeof input === 'string' ? input : input instanceof Request ? input.url : input.href).slice(
      API_URL.length,
    ),
  );

let config: string | undefined;
beforeEach(() => {
  config = process.env['LEADSCORE_CONFIG'];
  process.env['LEADSCORE_CONFIG'] = '/nonexistent/leadscore.json';
});
afterEach(() => {
  jest.restoreAllMocks();
  if (config === undefined) delete process.env['LEADSCORE_CONFIG'];
  else process.env['LEADSCORE_CONFIG'] = config;
});

describe('leadscore account list', () => {
  it('asks for the filtered page and prints rank, account, total, relative %, tier, grade, members, stage', async () => {
    const fetch = answer(200, leaderboardPage);
    const run = await cli([
      'account',
      'list',
      '--model',
      'b2b',
      '--stage',
      'mqa',
      '--limit',
      '2',
      '--offset',
      '2',
    ]);
    expect(run.status).toBe(0);
    expect(requested(fetch)).toEqual(['/v1/models/b2b/accounts?limit=2&offset=2&stage=mqa']);
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ authorization: 'Bearer sk_test' });
    expect(run.stdout.split('\n')[0]).toBe('b2b: 7 accounts (stage mqa), 3–4 shown');
    expect(cells(run.stdout, 'rank')).toEqual([
      ['rank', 'account', 'total', 'relative', 'tier', 'grade', 'members', 'stage'],
    ]);
    expect(cells(run.stdout, 'acme.com')).toEqual([
      ['3', 'acme.com', '75.5', '87.50 %', 'enterprise (hot)', 'A', '12', 'mqa'],
    ]);
    expect(cells(run.stdout, 'globex')).toEqual([['4', 'globex', '20', '50.00 %', '–', '–', '1', 'lead']]);
    // Piped: no colour codes, and the next page's command on stderr.
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe(
      'next page: leadscore account list --model b2b --stage mqa --limit 2 --offset 4\n',
    );
  });

  it('passes a tier, prints the page as it came with --json, and no next page after the last one', async () => {
    const last = { ...leaderboardPage, total: 4 };
    const fetch = answer(200, last);
    const run = await cli(['account', 'list', '--model', 'b2b', '--tier', 'enterprise', '--json']);
    expect(requested(fetch)).toEqual(['/v1/models/b2b/accounts?tier=enterprise']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(last);
    const human = await cli(['account', 'list', '--model', 'b2b']);
    expect(human.stderr).toBe('');
  });

  it('says so when a page is empty', async () => {
    answer(200, { modelId: 'b2b', entries: [], total: 0, limit: 50, offset: 0 });
    const run = await cli(['account', 'list', '--model', 'b2b']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe('b2b: 0 accounts, 0–0 shown\nno accounts on this page\n');
  });

  it('refuses a missing model, an unknown stage and bad paging with exit 2, before asking the api', async () => {
    const fetch = answer(200, leaderboardPage);
    for (const args of [
      ['account', 'list'],
      ['account', 'list', '--model', 'b2b', '--stage', 'sql'],
      ['account', 'list', '--model', 'b2b', '--limit', '0'],
      ['account', 'list', '--model', 'b2b', '--offset', '-1'],
      ['account', 'list', '--model', 'b2b', '--limit', 'many'],
      ['account', 'members', 'acme.com'],
      ['account'],
    ]) {
      const run = await cli(args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toContain('Run with --help');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes the api’s refusals on with their exit codes: 404 → 6, 400 → 3, 403 → 5', async () => {
    answer(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No model nothing-here.' });
    expect(await cli(['account', 'list', '--model', 'nothing-here'])).toEqual({
      status: 6,
      stdout: '',
      stderr: 'No model nothing-here.\n',
    });
    jest.restoreAllMocks();
    answer(400, {
      title: 'Bad Request',
      status: 400,
      detail: '?tier must be cold, warm, hot or a named tier',
    });
    expect((await cli(['account', 'list', '--model', 'b2b', '--tier', 'lukewarm'])).status).toBe(3);
    jest.restoreAllMocks();
    answer(403, { title: 'Forbidden', status: 403, detail: 'This key lacks the read scope.' });
    expect((await cli(['account', 'list', '--model', 'b2b'])).status).toBe(5);
  });
});

describe('leadscore account show', () => {
  it('prints the traits and, per model, scores, stage, roll-up, members (counted or not) and fit rules', async () => {
    const fetch = answer(200, detail);
    const run = await cli(['account', 'show', 'acme.com']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(requested(fetch)).toEqual(['/v1/accounts/acme.com']);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'acme.com',
      'traits: name=ACME Inc., employees=250, industry=Software',
      '',
      'under b2b v3: total 75.5 (fit 30, engagement 45.5)',
      'stage mqa, tier enterprise (hot), grade A, relative 87.50 %, 12 members',
      'engagement: topMean, the mean of the 2 highest of 12 members (the first 2 below)',
    ]);
    expect(cells(run.stdout, '@acme.com')).toEqual([
      ['1', 'email:ada@acme.com', '60', 'yes'],
      ['2', 'email:grace@acme.com', '31', 'yes'],
      ['3', 'email:alan@acme.com', '4', 'no'],
    ]);
    expect(cells(run.stdout, 'points')).toEqual([['account fit rule', 'points']]);
    expect(cells(run.stdout, 'software')).toEqual([['software', '20']]);
    expect(cells(run.stdout, 'mid-size')).toEqual([['mid-size', '10']]);
  });

  it('says when there are no traits, no members, no fit rules, or no model scores the account', async () => {
    answer(200, {
      account: 'initech',
      traits: {},
      models: [
        {
          ...detail.models[0],
          rollup: { kind: 'sum' },
          scores: { ...detail.models[0]!.scores, members: 0 },
          explanation: { members: [], fit: [] },
        },
      ],
    });
    const run = await cli(['account', 'show', 'initech']);
    expect(run.stdout).toContain('traits: none');
    expect(run.stdout).toContain("engagement: sum of every member's, 0 members");
    expect(run.stdout).toContain('no member has engagement');
    expect(run.stdout).toContain('no account fit rule matches');
    jest.restoreAllMocks();
    answer(200, { account: 'initech', traits: {}, models: [] });
    expect((await cli(['account', 'show', 'initech'])).stdout).toContain('No model scores this account yet.');
  });

  it('encodes the account as one path segment', async () => {
    const fetch = answer(200, { account: 'ACME Inc/EU', traits: {}, models: [] });
    await cli(['account', 'show', 'ACME Inc/EU']);
    expect(requested(fetch)).toEqual(['/v1/accounts/ACME%20Inc%2FEU']);
  });

  it('prints the api’s message for an unknown account and exits 6; with --json the problem too', async () => {
    const problem = { title: 'Not Found', status: 404, detail: 'No account nowhere.example is scored.' };
    answer(404, problem);
    expect(await cli(['account', 'show', 'nowhere.example'])).toEqual({
      status: 6,
      stdout: '',
      stderr: 'No account nowhere.example is scored.\n',
    });
    const json = await cli(['account', 'show', 'nowhere.example', '--json']);
    expect(json.status).toBe(6);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { exitCode: 6, message: 'No account nowhere.example is scored.', problem },
    });
  });

  it('prints the detail as it came with --json', async () => {
    answer(200, detail);
    const run = await cli(['account', 'show', 'acme.com', '--json']);
    expect(JSON.parse(run.stdout)).toEqual(detail);
  });
});

describe('leadscore account members', () => {
  it('asks for the page and prints rank, contact, engagement, total, tier, grade (– where erased)', async () => {
    const fetch = answer(200, membersPage);
    const run = await cli(['account', 'members', 'acme.com', '--model', 'b2b']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(requested(fetch)).toEqual(['/v1/models/b2b/accounts/acme.com/members']);
    expect(run.stdout.split('\n')[0]).toBe('acme.com under b2b: 2 members, 1–2 shown');
    expect(cells(run.stdout, 'email:')).toEqual([
      ['1', 'email:ada@acme.com', '60', '70', 'hot', 'B'],
      ['2', 'email:gone@acme.com', '2', '–', '–', '–'],
    ]);
  });

  it('pages with --limit and --offset, and prints the next page’s command', async () => {
    const fetch = answer(200, {
      ...membersPage,
      members: membersPage.members.slice(0, 1),
      total: 5,
      limit: 1,
      offset: 3,
    });
    const run = await cli([
      'account',
      'members',
      'ACME Inc',
      '--model',
      'b2b',
      '--limit',
      '1',
      '--offset',
      '3',
    ]);
    expect(requested(fetch)).toEqual(['/v1/models/b2b/accounts/ACME%20Inc/members?limit=1&offset=3']);
    expect(cells(run.stdout, 'email:')).toEqual([['4', 'email:ada@acme.com', '60', '70', 'hot', 'B']]);
    expect(run.stderr).toBe(
      "next page: leadscore account members 'ACME Inc' --model b2b --limit 1 --offset 4\n",
    );
    jest.restoreAllMocks();
    answer(200, membersPage);
    expect(
      JSON.parse((await cli(['account', 'members', 'acme.com', '--model', 'b2b', '--json'])).stdout),
    ).toEqual(membersPage);
  });

  it('exits 6 with the api’s message for an account the model does not score', async () => {
    answer(404, { title: 'Not Found', status: 404, detail: 'No account initech under model b2b.' });
    expect(await cli(['account', 'members', 'initech', '--model', 'b2b'])).toEqual({
      status: 6,
      stdout: '',
      stderr: 'No account initech under model b2b.\n',
    });
  });
});

describe('roll-up words', () => {
  const explained = (kind: 'sum' | 'max' | 'topMean', members: number, listed: number, top?: number) => ({
    rollup: top === undefined ? { kind } : { kind, top },
    scores: { ...detail.models[0]!.scores, members },
    explanation: {
      members: Array.from({ length: listed }, (_, i) => ({ contact: `user:${i}`, engagement: 10 - i })),
      fit: [],
    },
  });

  it('says how members roll up and which of those listed count', () => {
    expect(rollupText(explained('sum', 14, 10))).toBe(
      "engagement: sum of every member's, 14 members (the 10 highest below)",
    );
    expect(rollupText(explained('sum', 3, 3))).toBe("engagement: sum of every member's, 3 members");
    expect(rollupText(explained('max', 1, 1))).toBe("engagement: max, the highest member's of 1 member");
    expect(rollupText(explained('topMean', 2, 2, 5))).toBe(
      'engagement: topMean, the mean of the 5 highest of 2 members (the first 2 below)',
    );
    expect([0, 1, 2].map((i) => countedMember({ kind: 'max' }, i))).toEqual([true, false, false]);
    expect([0, 1, 2].map((i) => countedMember({ kind: 'topMean', top: 2 }, i))).toEqual([true, true, false]);
    expect([0, 9].map((i) => countedMember({ kind: 'sum' }, i))).toEqual([true, true]);
  });

  it('names a named tier with the tier it counts as', () => {
    expect(tierText({ tier: 'hot', tierName: 'enterprise' })).toBe('enterprise (hot)');
    expect(tierText({ tier: 'warm' })).toBe('warm');
    expect(tierText({ tier: null })).toBe('–');
  });
});
