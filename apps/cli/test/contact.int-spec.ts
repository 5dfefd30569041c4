import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ContactExport, ContactScores, LeaderboardPage, ScoringModel } from '@leadscore/contracts';
import {
  contactAliasRepository,
  contactScoreRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreRowOf } from '@leadscore/score-events';
import { applyEvent, emptyState } from '@leadscore/scoring';
import {
  createArchivedTopics,
  makeTempDir,
  removeDir,
  startTestAnalytics,
  uniqueDatabaseName,
  uniqueName,
  type TestAnalytics,
} from '@leadscore/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `contact show|explain|export|erase` and `leaderboard`, run as the built CLI against the built api, over contacts
// stored as the scorer stores them (score rows and ranks, in the api's database).
jest.setTimeout(120_000);

let api: CliTestApi;
let dataSource: DataSource;
const NOW = Date.now();
const DAY = 86_400_000;

const run = (args: string[], key?: string) =>
  leadscore([...args, '--url', api.url, '--key', key ?? api.readKey]);

function clickModel(workspace: string): ScoringModel {
  return {
    id: 'clicks',
    version: 1,
    workspace,
    name: 'Clicks',
    fit: [],
    engagement: [{ id: 'click', event: 'email.clicked', points: 10, expiresAfterDays: 30 }],
    tiers: { warm: 5, hot: 25 },
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

let analytics: TestAnalytics;
let analyticsDir: string;
let exportDir: string;

beforeAll(async () => {
  // The archive the api's export reads (empty here: these contacts are stored as the scorer stores them).
  analyticsDir = makeTempDir('cli-contacts-archive');
  exportDir = makeTempDir('cli-contacts-export');
  analytics = await startTestAnalytics({
    topics: await createArchivedTopics('cli-contacts'),
    dataPath: analyticsDir,
    database: uniqueDatabaseName('cli_contacts'),
    consumerGroup: uniqueName('cli-contacts'),
  });
  api = await startCliTestApi('cli_contacts', { ANALYTICS_URL: analytics.url });
  dataSource = await openDatabase({ url: api.database.url });
  const model = clickModel(api.workspace);
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: api.workspace,
    modelId: model.id,
    version: 1,
    document: model,
    appliedAt: new Date(NOW - 10 * DAY),
  });
  await score(model, 'email:ada@example.com', 3);
  await score(model, 'user:42', 1);
  await score(model, 'phone:+14155550100', 2);
});

afterAll(async () => {
  await dataSource?.destroy();
  await api?.stop();
  await analytics?.service.stop();
  if (analyticsDir) removeDir(analyticsDir);
  if (exportDir) removeDir(exportDir);
});

describe('leadscore contact', () => {
  it('shows a contact found by email, phone or key, with the relative score', async () => {
    const shown = await run(['contact', 'show', 'Ada@Example.com']);
    expect(shown).toMatchObject({ status: 0, stderr: '' });
    expect(shown.stdout).toContain('email:ada@example.com');
    // 30 points, the top of three (30, 20, 10): 100 %.
    expect(shown.stdout).toMatch(/clicks v1\s*│\s*30\s*│.*│\s*hot\s*│.*100\.00 %/);
    expect(shown.stdout).not.toContain('\u001b[');
    const json = JSON.parse(
      (await run(['contact', 'show', '+1 (415) 555-0100', '--json'])).stdout,
    ) as ContactScores;
    expect(json.contact).toBe('phone:+14155550100');
    expect(json.models[0]?.relative?.percent).toBe(50);
    expect((await run(['contact', 'show', 'user:42'])).status).toBe(0);
  });

  it('shows a contact by any of its keys, saying which were merged into it', async () => {
    await dataSource.transaction((sql) =>
      contactAliasRepository.begin(sql, {
        workspaceId: api.workspace,
        alias: 'anon:visitor-42',
        survivor: 'user:42',
        through: {},
        mergeEvent: { source: '/v1/identify', id: 'identify-42' },
        requestedAt: new Date(NOW),
      }),
    );
    const shown = await run(['contact', 'show', 'anon:visitor-42']);
    expect(shown).toMatchObject({ status: 0, stderr: '' });
    expect(shown.stdout.split('\n').slice(0, 3)).toEqual([
      'user:42',
      'anon:visitor-42 was merged into user:42',
      'also known as anon:visitor-42',
    ]);
  });

  it('explains the score: every rule, and what runs out when', async () => {
    const explained = await run(['contact', 'explain', 'email:ada@example.com']);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('email:ada@example.com under clicks v1: 30 now');
    expect(explained.stdout).toMatch(/click\s*│\s*engagement\s*│\s*30\s*│\s*email:ada@example\.com-1/);
    expect(explained.stdout.match(/^running: click \(10 points, event .*\) expires at /gm)).toHaveLength(3);
  });

  it('exits 2 for what is not a contact and 6 for a contact no model scored', async () => {
    const wrong = await run(['contact', 'show', 'Ada Lovelace']);
    expect(wrong).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a contact') });
    const unknown = await run(['contact', 'show', 'nobody@example.com']);
    expect(unknown).toMatchObject({ status: 6, stderr: expect.stringContaining('No model has scored') });
  });
});

describe('leadscore leaderboard', () => {
  it('lists one page, highest first, and says how to get the next one', async () => {
    const first = await run(['leaderboard', 'clicks', '--limit', '2']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('clicks: 3 contacts, top 30, median 20');
    const rows = first.stdout
      .split('\n')
      .filter((line) => line.includes('example.com') || line.includes('+1415'));
    expect(rows.map((line) => line.split('│')[1]?.trim())).toEqual([
      'email:ada@example.com',
      'phone:+14155550100',
    ]);
    const next = /--cursor (\S+)/.exec(first.stderr)?.[1];
    expect(next).toBeDefined();
    const second = JSON.parse(
      (await run(['leaderboard', 'clicks', '--limit', '2', '--cursor', next ?? '', '--json'])).stdout,
    ) as LeaderboardPage;
    expect(second.entries.map((e) => [e.contact, e.relativePercent])).toEqual([['user:42', 25]]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters, and passes the api’s refusals on with their exit codes', async () => {
    const hot = JSON.parse(
      (await run(['leaderboard', 'clicks', '--tier', 'hot', '--json'])).stdout,
    ) as LeaderboardPage;
    expect(hot.entries.map((e) => e.contact)).toEqual(['email:ada@example.com']);
    const bad = await run(['leaderboard', 'clicks', '--stage', 'customer']);
    expect(bad).toMatchObject({ status: 3, stderr: expect.stringContaining('?stage must be') });
    expect((await run(['leaderboard', 'nothing-here'])).status).toBe(6);
  });
});

describe('leadscore contact export and erase (admin key)', () => {
  it('exports everything held about a contact, to standard output or a file', async () => {
    const printed = await run(['contact', 'export', 'user:42'], api.adminKey);
    expect(printed.status).toBe(0);
    const exported = JSON.parse(printed.stdout) as ContactExport;
    expect(exported.contact).toBe('user:42');
    expect(exported.scores?.models.map((m) => [m.modelId, m.stored.total])).toEqual([['clicks', 10]]);
    expect(exported.archive).toEqual({
      contact: 'user:42',
      events: [],
      scoreChanges: [],
      lifecycleChanges: [],
    });
    const file = join(exportDir, 'user-42.json');
    const written = await run(['contact', 'export', 'user:42', '-o', file], api.adminKey);
    expect(written).toMatchObject({ status: 0, stdout: '' });
    expect(written.stderr).toContain(`written to ${file}`);
    expect((JSON.parse(readFileSync(file, 'utf8')) as ContactExport).contact).toBe('user:42');
    // A read key may not: exports are admin's (exit 5, the api's words).
    expect((await run(['contact', 'export', 'user:42'])).status).toBe(5);
  });

  it('erases only with --yes, then the contact is gone', async () => {
    const unconfirmed = await run(['contact', 'erase', 'Ada@Example.com'], api.adminKey);
    expect(unconfirmed).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Add --yes to erase it'),
    });
    expect((await run(['contact', 'show', 'ada@example.com'])).status).toBe(0);
    const erased = await run(['contact', 'erase', 'ada@example.com', '--yes'], api.adminKey);
    expect(erased.status).toBe(0);
    expect(erased.stdout).toMatch(
      /✓ email:ada@example\.com erased \(erasure-.*\): 1 scores, 1 leaderboard entries/,
    );
    expect((await run(['contact', 'show', 'ada@example.com'])).status).toBe(6);
    const again = JSON.parse(
      (await run(['contact', 'erase', 'email:ada@example.com', '--yes', '--json'], api.adminKey)).stdout,
    ) as { erased: { scores: number } };
    expect(again.erased.scores).toBe(0);
    expect((await run(['contact', 'erase', 'user:42', '--yes'])).status).toBe(5);
  });
});
