import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { InvitationCreated } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, ensureTopics, silentLogger } from '@leadscore/kafka';
import {
  createArchivedTopics,
  freePort,
  launchChromium,
  makeTempDir,
  removeDir,
  startTestAnalytics,
  startTestScorer,
  testKafkaBrokers,
  uniqueName,
  waitUntilConsumed,
  workspaceRoot,
  type ArchivedTopics,
  type TestAnalytics,
  type TestScorer,
} from '@leadscore/testing';
import {
  accountMemberRepository,
  accountProfileRepository,
  accountScoreRepository,
  scoringModelRepository,
} from '@leadscore/persistence';
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OPERATOR, bearer, createWorkspace, json, startTestApi, type TestApi } from './api-test-app.js';

/**
 * The console in a real browser (Debian's Chromium through playwright-core, installed by setup) against
 * the api serving the built console, a built scorer and a built analytics service on the run's Kafka:
 * sign in, the leaderboard, a contact with its chart, a model edited with an error shown at its line,
 * fixed, diffed, backtested and applied, and the leaderboard changing when the next event is scored
 * under it; an account (stored as the threshold service stores it) on the accounts page and its own page.
 * Screenshots of every page go to .local/artifacts/console/.
 */
jest.setTimeout(600_000);

const ARTIFACTS = join(workspaceRoot(), '.local', 'artifacts', 'console');
const WS = 'console-e2e';
const PASSWORD = 'correct horse battery staple';
const MODEL_V1 = `id: clicks
version: 1
name: Clicks
engagement:
  - { id: click, event: email.clicked, points: 5 }
tiers: { warm: 10, hot: 50 }
`;
/** Line 5 gives points as a word: the editor must show the problem at line 5. */
const MODEL_WITH_ERROR = MODEL_V1.replace('version: 1', 'version: 2').replace('points: 5', 'points: lots');
const MODEL_V2 = MODEL_V1.replace('version: 1', 'version: 2').replace('points: 5', 'points: 25');
/** Clicks per contact before the model change: 4, 3, 2 and 1 (scores 20, 15, 10, 5). */
const CLICKS: Readonly<Record<string, number>> = {
  'email:ada@example.com': 4,
  'email:grace@example.com': 3,
  'email:alan@example.com': 2,
  'email:edsger@example.com': 1,
};

let api: TestApi;
let adminKey: string;
let baseUrl: string;
let topics: ArchivedTopics & { models: string };
let scorer: TestScorer;
let scorerGroup: string;
let analytics: TestAnalytics;
let analyticsDir: string;
let browser: Browser;
let page: Page;
const kafka = createKafkaClient({
  brokers: testKafkaBrokers(),
  clientId: 'console-e2e',
  logger: silentLogger,
});
let sent = 0;

async function sendClicks(contact: string, count: number): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  const now = Date.now();
  await producer.send(
    topics.events,
    Array.from({ length: count }, (_, n) => {
      sent += 1;
      return {
        key: `${WS}:${contact}`,
        value: JSON.stringify({
          specversion: '1.0',
          id: `click-${sent}`,
          source: '/v1/events',
          type: 'email.clicked',
          time: new Date(now - (count - n) * 60_000).toISOString(),
          subject: contact,
          workspace: WS,
          datacontenttype: 'application/json',
          data: { url: 'https://example.com/pricing' },
        }),
      };
    }),
  );
  await producer.disconnect();
}

async function scoredAndArchived(): Promise<void> {
  await waitUntilConsumed(kafka, api.dataSource, scorerGroup, topics.events);
  await analytics.waitUntilArchived();
}

/**
 * A model that scores accounts, and the account example.com of two of the contacts, stored as the
 * threshold service stores them (no threshold service runs here): Software's 10 fit points plus the sum
 * of its members' engagement (20 + 15), a marketing-qualified account.
 */
async function seedAccount(): Promise<void> {
  const now = new Date();
  const sql = api.dataSource.manager;
  await scoringModelRepository.record(sql, {
    workspaceId: WS,
    modelId: 'companies',
    version: 1,
    document: {
      id: 'companies',
      version: 1,
      workspace: WS,
      name: 'Companies',
      fit: [],
      engagement: [{ id: 'click', event: 'email.clicked', points: 5 }],
      accounts: {
        engagement: { rollup: 'sum' },
        fit: [{ id: 'software', field: 'industry', operator: 'equals', value: 'Software', points: 10 }],
        tiers: { warm: 30, hot: 60 },
      },
    },
    appliedAt: now,
  });
  const key = { workspaceId: WS, modelId: 'companies', accountId: 'example.com' };
  await api.dataSource.transaction(async (tx) => {
    await accountProfileRepository.mergeTraits(tx, [
      { workspaceId: WS, accountId: 'example.com', traits: { industry: 'Software' }, updatedAt: now },
    ]);
    await accountMemberRepository.upsertMany(
      tx,
      [
        { ...key, contactId: 'email:ada@example.com', engagementCenti: 2000, sequence: 1 },
        { ...key, contactId: 'email:grace@example.com', engagementCenti: 1500, sequence: 1 },
      ],
      now,
    );
    await accountScoreRepository.lockMany(tx, [key], now);
    await accountScoreRepository.updateMany(
      tx,
      [
        {
          ...key,
          members: 2,
          engagementSumCenti: 3500,
          sequence: 2,
          modelVersion: 1,
          scores: { fit: 10, engagement: 35, total: 45, tier: 'warm', grade: null, members: 2 },
          stage: 'mqa',
          tier: 'warm',
          tierName: null,
        },
      ],
      now,
    );
  });
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
async function accessibilityViolations(): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's content security policy rightly refuses inline scripts.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => {
    const page = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      document: unknown;
    };
    return page.axe.run(page.document, { resultTypes: ['violations'] });
  });
  const { violations } = result as {
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  };
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const archived = await createArchivedTopics('console-e2e');
  topics = { ...archived, models: uniqueName('console-e2e.models') };
  await ensureTopics(kafka, [{ name: topics.models, partitions: 1, config: {} }]);
  const analyticsPort = await freePort();
  const scorerPort = await freePort();
  api = await startTestApi('api_console_e2e', OPERATOR, {
    analyticsUrl: `http://127.0.0.1:${analyticsPort}`,
    eventsTopic: topics.events,
    modelsTopic: topics.models,
    consoleDir: join(workspaceRoot(), 'apps', 'console', 'dist'),
    realClock: true,
    pipelineMetrics: [
      { name: 'scorer', url: `http://127.0.0.1:${scorerPort}/metrics` },
      { name: 'analytics', url: `http://127.0.0.1:${analyticsPort}/metrics` },
    ],
  });
  const port = await freePort();
  await api.app.listen({ host: '127.0.0.1', port });
  baseUrl = `http://127.0.0.1:${port}`;
  adminKey = (await createWorkspace(api, WS)).adminKey.key;

  scorerGroup = uniqueName('console-e2e-scorer');
  [scorer, analytics] = await Promise.all([
    startTestScorer({
      topics,
      databaseUrl: api.databaseUrl,
      consumerGroup: scorerGroup,
      port: scorerPort,
      analyticsUrl: `http://127.0.0.1:${analyticsPort}`,
    }),
    startTestAnalytics({
      topics,
      dataPath: (analyticsDir = makeTempDir('console-e2e')),
      database: 'console_e2e',
      consumerGroup: uniqueName('console-e2e-analytics'),
      port: analyticsPort,
    }),
  ]);
  const applied = await api.http.inject({
    method: 'POST',
    url: '/v1/models',
    headers: { ...bearer(adminKey), 'content-type': 'application/yaml' },
    payload: MODEL_V1,
  });
  expect({ status: applied.statusCode, body: applied.body.slice(0, 300) }).toMatchObject({ status: 201 });
  await scorer.modelsApplied(1);
  for (const [contact, clicks] of Object.entries(CLICKS)) await sendClicks(contact, clicks);
  await scoredAndArchived();

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([scorer?.service.stop(), analytics?.service.stop()]);
  await api?.close();
  if (analyticsDir) removeDir(analyticsDir);
});

describe('the console in Chromium', () => {
  it('serves the console under /console, deep links included, with a content security policy', async () => {
    const deep = await fetch(`${baseUrl}/console/contacts/email%3Aada%40example.com`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    expect(deep.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await deep.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${baseUrl}/console/assets/gone-1234.js`)).status).toBe(404);
    // Nothing of the page comes from another origin (the machines reach package registries only).
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('accepts an invitation in the browser, signs out, and signs in again', async () => {
    const invited = await api.http.inject({
      method: 'POST',
      url: '/v1/users/invitations',
      headers: { ...bearer(adminKey), 'content-type': 'application/json' },
      payload: { email: 'ada@console.example', role: 'admin' },
    });
    const { acceptPath } = json(invited) as unknown as InvitationCreated;
    await page.goto(`${baseUrl}${acceptPath}`);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await screenshot('accept-invitation');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('heading', { name: 'Sign in to leadscore' }).waitFor();
    await page.getByLabel('Workspace').fill(WS);
    await page.getByLabel('Email').fill('ada@console.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /workspace, email or password is wrong/,
    );
    await page.getByLabel('Password').fill(PASSWORD);
    await screenshot('sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'leadscore_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
  });

  it('shows the leaderboard of the model, highest score first', async () => {
    const table = page.getByRole('table', { name: 'Leaderboard of model clicks' });
    await table.getByRole('row').nth(4).waitFor();
    const rows = await table.getByRole('row').allTextContents();
    expect(rows.slice(1).map((row) => /[a-z]+@example\.com/.exec(row)?.[0])).toEqual([
      'ada@example.com',
      'grace@example.com',
      'alan@example.com',
      'edsger@example.com',
    ]);
    expect(rows[1]).toContain('20');
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('leaderboard');
  });

  it('opens a contact: scores, the chart of its history, the timeline with points per event', async () => {
    await page
      .getByRole('link', { name: /ada@example\.com/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Contact email:ada@example.com', level: 1 }).waitFor();
    const chart = page.getByRole('img', {
      name: /Score history of email:ada@example\.com under model clicks/,
    });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/4 changes/);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    const events = page.getByRole('table', { name: 'Events, newest first' });
    await events.getByRole('row').nth(4).waitFor();
    expect(await events.getByRole('row').count()).toBe(5);
    expect(await events.getByRole('row').nth(1).textContent()).toMatch(/email\.clicked/);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('contact');
  });

  it('edits the model: an error shown at its line, fixed, diffed, backtested, applied — and the leaderboard changes', async () => {
    await page.getByRole('link', { name: 'Models' }).click();
    await screenshot('models');
    await page.getByRole('link', { name: 'Edit clicks' }).click();
    const editor = page.getByRole('textbox', { name: 'Model source (YAML)' });
    await editor.waitFor();
    await expect(editor.textContent()).resolves.toContain('points: 5');

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(MODEL_WITH_ERROR);
    const problems = page.getByRole('list', { name: 'Problems' });
    await problems.getByText(/^Line 5:/).waitFor();
    // CodeMirror marks the line itself too.
    await page.locator('.cm-lintRange-error').first().waitFor();
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('model-editor-error');

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(MODEL_V2);
    await page.getByText('No problems: the model is valid.').waitFor();
    await page.getByRole('button', { name: 'Show diff' }).click();
    const diff = page.getByRole('region', { name: 'Changes from version 1 to 2' });
    await diff.waitFor();
    expect(await diff.textContent()).toMatch(/click/);
    await screenshot('model-editor-diff');
    // The backtest replays the four archived contacts under live version 1 and this text (a real
    // analytics service runs here): 25 points a click moves every one of them up a tier.
    await page.getByRole('button', { name: 'Backtest' }).click();
    const backtest = page.getByRole('region', {
      name: 'Backtest of clicks: version 2 against live version 1',
    });
    await backtest.waitFor({ timeout: 60_000 });
    const card = (title: string) =>
      backtest.locator('.card', { has: page.getByText(title, { exact: true }) }).locator('dd');
    await expect(card('Contacts').textContent()).resolves.toBe('4');
    await expect(card('Tier moved').textContent()).resolves.toBe('4');
    await backtest.getByRole('table', { name: 'Live vs candidate' }).waitFor();
    await expect(page.getByRole('button', { name: 'Backtest' }).isEnabled()).resolves.toBe(true);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('model-editor-backtest');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: 'Applied version 2' }).waitFor();
    await scorer.modelsApplied(2);

    // The next click of the lowest contact counts 25 under version 2: 5 + 25 = 30, above everyone.
    await page.getByRole('link', { name: 'Leaderboard' }).click();
    const table = page.getByRole('table', { name: 'Leaderboard of model clicks' });
    await table.getByRole('row').nth(4).waitFor();
    await sendClicks('email:edsger@example.com', 1);
    await scoredAndArchived();
    // The leaderboard refreshes itself (it polls): no reload.
    await table
      .getByRole('row')
      .nth(1)
      .filter({ hasText: 'edsger@example.com' })
      .waitFor({ timeout: 30_000 });
    expect(await table.getByRole('row').nth(1).textContent()).toContain('30');
    await screenshot('leaderboard-after-apply');
  });

  it('lists a model’s accounts, and an account’s page shows its scores and members', async () => {
    await seedAccount();
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await page.getByLabel('Model', { exact: true }).selectOption('companies');
    const table = page.getByRole('table', { name: 'Accounts of model companies' });
    // The table may show the previous model's (empty) answer until the companies' one arrives.
    await table.getByRole('row').filter({ hasText: 'example.com' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    const row = await table.getByRole('row').nth(1).textContent();
    expect(row).toMatch(/^1example\.com45100 %warm—2MQA$/);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('accounts');

    await table.getByRole('link', { name: 'example.com' }).click();
    await page.getByRole('heading', { name: 'Account example.com', level: 1 }).waitFor();
    const scores = page.getByRole('article', { name: 'Model companies' });
    await expect(scores.getByText('Roll-up:').textContent()).resolves.toMatch(/sum/);
    const fit = page.getByRole('table', {
      name: 'Explanation: account fit rules that match under companies',
    });
    expect(await fit.getByRole('row').nth(1).textContent()).toBe('software10');
    const members = page.getByRole('table', {
      name: 'Members of example.com under companies, highest engagement first',
    });
    await members.getByRole('row').nth(2).waitFor();
    expect(
      (await members.getByRole('row').allTextContents())
        .slice(1)
        .map((text) => /^email:\w+@example\.com\d+/.exec(text)?.[0]),
    ).toEqual(['email:ada@example.com20', 'email:grace@example.com15']);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('account-detail');

    // A member links to the contact's page.
    await members.getByRole('link', { name: 'email:grace@example.com' }).click();
    await page.getByRole('heading', { name: 'Contact email:grace@example.com', level: 1 }).waitFor();
  });

  it('shows webhooks, keys, users, pipeline health and the account page, and fits a phone', async () => {
    for (const [link, heading, name] of [
      ['Webhooks', 'Webhooks', 'webhooks'],
      ['Keys', 'API keys', 'keys'],
      ['Users', 'Users', 'users'],
      ['Pipeline health', 'Pipeline health', 'pipeline-health'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
      expect({ page: name, violations: await accessibilityViolations() }).toEqual({
        page: name,
        violations: [],
      });
      await screenshot(name);
    }
    await page.getByText('scorer: up').waitFor({ timeout: 15_000 });
    await page.getByText('analytics: up').waitFor();

    await page.getByRole('link', { name: /^Your account:/ }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('account');

    await page.setViewportSize({ width: 375, height: 812 });
    // Nothing wider than the phone's screen but the tables' own scrolling containers.
    const overflow = () =>
      page.evaluate(() => {
        const phone = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return phone.document.documentElement.scrollWidth - phone.innerWidth;
      });
    await page.getByRole('link', { name: 'Leaderboard' }).click();
    await page.getByRole('table', { name: 'Leaderboard of model clicks' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot('leaderboard-phone');
    await page
      .getByRole('link', { name: /ada@example\.com/ })
      .first()
      .click();
    await page.getByRole('img', { name: /Score history of email:ada@example\.com/ }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot('contact-phone');
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
