import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ModelBacktest } from '@leadscore/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from './cli.js';

class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const API_URL = 'http://api.test';

const side = (version: number, hot: number): ModelBacktest['live'] => ({
  model: { id: 'clicks', version },
  tiers: { warm: 4 - hot, hot },
  stages: { lead: 4 - hot, recycled: 0, mql: hot, sql: 0 },
  outcomes: {
    known: 3,
    converted: 1,
    rocAuc: version === 1 ? 0.75 : 1,
    byTier: [{ tier: 'hot', contacts: 1, converted: 1, rate: 1 }],
    thresholds: [
      {
        threshold: 20,
        predictedPositive: 2,
        truePositive: 1,
        falsePositive: 1,
        falseNegative: 0,
        precision: 0.5,
        recall: 1,
        f1: 2 / 3,
      },
      ...(version === 2
        ? [
            {
              threshold: 40,
              predictedPositive: 0,
              truePositive: 0,
              falsePositive: 0,
              falseNegative: 1,
              precision: null,
              recall: 0,
              f1: null,
            },
          ]
        : []),
    ],
    deciles: [
      { decile: 1, contacts: 1, converted: 1, rate: 1, lift: 3 },
      { decile: 2, contacts: 1, converted: 0, rate: 0, lift: 0 },
      { decile: 3, contacts: 1, converted: 0, rate: 0, lift: 0 },
      { decile: 4, contacts: 0, converted: 0, rate: null, lift: null },
    ],
  },
});

const backtest: ModelBacktest = {
  modelId: 'clicks',
  period: { from: '2026-03-30T09:00:00.000Z', until: '2026-04-01T09:00:00.000Z' },
  contacts: 4,
  truncated: false,
  moved: { tier: 3, grade: 0, stage: 2 },
  newMql: {
    count: 7,
    first: Array.from({ length: 7 }, (_, i) => ({
      contact: `email:n${i}@example.com`,
      at: `2026-03-30T1${i}:00:00.000Z`,
    })),
  },
  lostMql: { count: 1, first: ['email:gone@example.com'] },
  live: side(1, 1),
  candidate: side(2, 2),
};

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

/** The cells of the table rows of `text` whose first cell is `label`. */
const row = (text: string, label: string) =>
  text
    .split('\n')
    .filter((line) => line.includes('│'))
    .map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find((cells) => cells[0] === label);

let dir: string;
let file: string;
let config: string | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-backtest-'));
  file = join(dir, 'clicks-v2.yaml');
  writeFileSync(file, 'id: clicks\nversion: 2\nname: Clicks\nengagement: []\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  config = process.env['LEADSCORE_CONFIG'];
  process.env['LEADSCORE_CONFIG'] = '/nonexistent/leadscore.json';
});
afterEach(() => {
  jest.restoreAllMocks();
  if (config === undefined) delete process.env['LEADSCORE_CONFIG'];
  else process.env['LEADSCORE_CONFIG'] = config;
});

describe('leadscore model backtest', () => {
  it('posts the file as it is and prints period, contacts, what moved, new and lost MQLs and both models', async () => {
    const fetch = answer(200, backtest);
    const run = await cli(['model', 'backtest', file]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${API_URL}/v1/models/backtest`);
    expect(init).toMatchObject({
      method: 'POST',
      body: 'id: clicks\nversion: 2\nname: Clicks\nengagement: []\n',
      headers: { authorization: 'Bearer sk_test', 'content-type': 'application/yaml' },
    });
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'model clicks: version 2 (candidate) against version 1 (live)',
      'period: 2026-03-30T09:00:00.000Z → 2026-04-01T09:00:00.000Z',
      'contacts: 4',
      'moved: tier 3, grade 0, stage 2',
      'new MQLs: 7',
      '  + email:n0@example.com at 2026-03-30T10:00:00.000Z',
      '  + email:n1@example.com at 2026-03-30T11:00:00.000Z',
      '  + email:n2@example.com at 2026-03-30T12:00:00.000Z',
      '  + email:n3@example.com at 2026-03-30T13:00:00.000Z',
      '  + email:n4@example.com at 2026-03-30T14:00:00.000Z',
      '  … and 2 more (--json lists the earliest 100)',
      'lost MQLs: 1',
    ]);
    expect(lines[12]).toBe('  - email:gone@example.com');
    expect(row(run.stdout, '')).toEqual(['', 'live v1', 'candidate v2']);
    expect(row(run.stdout, 'tier warm')).toEqual(['tier warm', '3', '2']);
    expect(row(run.stdout, 'tier hot')).toEqual(['tier hot', '1', '2']);
    expect(row(run.stdout, 'stage mql')).toEqual(['stage mql', '1', '2']);
    expect(row(run.stdout, 'known outcomes (converted)')).toEqual([
      'known outcomes (converted)',
      '3 (1)',
      '3 (1)',
    ]);
    expect(row(run.stdout, 'ROC AUC')).toEqual(['ROC AUC', '0.750', '1.000']);
    expect(row(run.stdout, 'at ≥ 20: precision / recall / F1')).toEqual([
      'at ≥ 20: precision / recall / F1',
      '0.50 / 1.00 / 0.67',
      '0.50 / 1.00 / 0.67',
    ]);
    // A line only the candidate draws: a dash for the live model.
    expect(row(run.stdout, 'at ≥ 40: precision / recall / F1')).toEqual([
      'at ≥ 40: precision / recall / F1',
      '–',
      '– / 0.00 / –',
    ]);
    expect(row(run.stdout, 'lift, decile 1 (top 10 % by score)')).toEqual([
      'lift, decile 1 (top 10 % by score)',
      '3.00 (1/1)',
      '3.00 (1/1)',
    ]);
    expect(row(run.stdout, 'lift, decile 4 (top 40 % by score)')).toBeUndefined();
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('says when the figures are truncated, and prints the answer as it came with --json', async () => {
    answer(200, { ...backtest, truncated: true });
    expect((await cli(['model', 'backtest', file])).stdout).toContain(
      'contacts: 4 (truncated: the first ones by key, API_BACKTEST_MAX_CONTACTS)',
    );
    jest.restoreAllMocks();
    answer(200, backtest);
    const run = await cli(['model', 'backtest', file, '--json']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(backtest);
  });

  it('exits as model diff does: 3 with every issue of an invalid model, 6 without a live version, 8 when the archive is down', async () => {
    answer(422, {
      title: 'Invalid scoring model',
      status: 422,
      detail: 'The model has 1 problem.',
      issues: [{ path: 'engagement', message: 'must not be empty', line: 4, column: 1 }],
    });
    const invalid = await cli(['model', 'backtest', file]);
    expect(invalid.status).toBe(3);
    expect(invalid.stderr).toContain('The model has 1 problem.');
    expect(invalid.stderr).toContain(':4:');
    jest.restoreAllMocks();
    answer(404, { title: 'Not found', status: 404, detail: 'apply the model first' });
    expect(await cli(['model', 'backtest', file])).toEqual({
      status: 6,
      stdout: '',
      stderr: 'apply the model first\n',
    });
    jest.restoreAllMocks();
    answer(503, { title: 'Service unavailable', status: 503, detail: 'The archive does not answer.' });
    expect((await cli(['model', 'backtest', file])).status).toBe(8);
    jest.restoreAllMocks();
    const fetch = answer(200, backtest);
    expect((await cli(['model', 'backtest'])).status).toBe(2);
    expect((await cli(['model', 'backtest', join(dir, 'missing.yaml')])).status).toBe(6);
    expect(fetch).not.toHaveBeenCalled();
  });
});
