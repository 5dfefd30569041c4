import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Rescore } from '@leadscore/contracts';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { CommandError } from './api-client.js';
import { runCli } from './cli.js';
import { ExitCode } from './exit-codes.js';
import {
  POLL_RETRIES,
  barProgress,
  exitStatusOfRescore,
  lineProgress,
  pollIntervalOf,
  progressText,
  rescoreLines,
  waitForRescore,
} from './rescore.commands.js';

class Captured extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const API_URL = 'http://api.test';
const ID = '6f1c8a52-3b7e-4c1d-9a0b-2f4e6d8c0a11';

function rescore(
  status: Rescore['status'],
  contacts: number,
  total: number | null,
  overrides: Partial<Rescore> = {},
): Rescore {
  return {
    id: ID,
    workspace: 'acme',
    model: { id: 'clicks', version: 3 },
    dryRun: false,
    reason: 'requested',
    status,
    transitionsPerSecond: 50,
    progress: {
      contacts,
      total,
      ratio: status === 'done' ? 1 : total ? contacts / total : 0,
      cursor: contacts > 0 ? `email:c${contacts}@example.com` : null,
    },
    counts: {
      replayedEvents: 12_345,
      changedContacts: 40,
      unchangedContacts: 1_200,
      skippedContacts: 2,
      scoreChanges: 40,
      tierTransitions: 7,
      stageTransitions: 3,
      webhooks: 5,
    },
    history: { from: '2026-01-01T00:00:00.000Z', until: '2026-04-01T09:00:00.000Z' },
    error: null,
    createdAt: '2026-04-01T09:00:00.000Z',
    startedAt: total === null ? null : '2026-04-01T09:00:01.000Z',
    updatedAt: '2026-04-01T09:00:02.000Z',
    finishedAt: status === 'queued' || status === 'running' ? null : '2026-04-01T09:05:00.000Z',
    ...overrides,
  };
}

const noSleep = () => Promise.resolve();
const plain = (line: string) => stripVTControlCharacters(line);

describe('rendering a rescore', () => {
  it('says how far it got: of the total once known, the count before', () => {
    expect(progressText(rescore('queued', 0, null))).toBe('0 contacts');
    expect(progressText(rescore('running', 1_234, 5_000))).toBe('1,234 of 5,000 contacts (24.7 %)');
    expect(progressText(rescore('done', 1_242, 1_242))).toBe('1,242 of 1,242 contacts (100.0 %)');
  });

  it('reports status, contacts, changes, score changes, transitions, webhooks and the history period', () => {
    expect(rescoreLines(rescore('done', 1_242, 1_242)).map(plain)).toEqual([
      `rescore ${ID}: model clicks version 3`,
      'status: done',
      'contacts: 1,242 of 1,242 contacts (100.0 %); 12,345 events replayed',
      'changed contacts: 40 changed, 1,200 unchanged, 2 skipped (erased or merged)',
      'score changes: 40 published (cause rescore)',
      'transitions: 7 tier, 3 stage (at most 50/s)',
      'webhooks: 5 deliveries',
      'history: 2026-01-01T00:00:00.000Z → 2026-04-01T09:00:00.000Z',
      'created 2026-04-01T09:00:00.000Z, started 2026-04-01T09:00:01.000Z, finished 2026-04-01T09:05:00.000Z',
    ]);
  });

  it('says what a dry run would do, and what to do after a failure, a cancel or a newer version', () => {
    const dry = rescoreLines(rescore('done', 10, 10, { dryRun: true }));
    expect(dry[0]).toContain('(dry run: nothing switched)');
    expect(dry).toContain('score changes: 40 would be published');
    expect(dry).toContain('webhooks: 5 would be sent');
    const failed = rescoreLines(rescore('failed', 5, 10, { error: 'the archive did not answer' }));
    expect(failed.map(plain)).toEqual(
      expect.arrayContaining([
        'status: failed',
        'error: the archive did not answer',
        `leadscore rescore resume ${ID} retries it after its last switched contact`,
      ]),
    );
    expect(rescoreLines(rescore('cancelled', 5, 10))).toContain(
      `what it switched stays; leadscore rescore resume ${ID} continues it`,
    );
    expect(rescoreLines(rescore('superseded', 5, 10)).at(-1)).toMatch(/leadscore model rescore clicks/);
  });

  it('exits 0 when done, 7 when cancelled or superseded, 8 when failed', () => {
    expect(exitStatusOfRescore('done')).toBe(ExitCode.ok);
    expect(exitStatusOfRescore('cancelled')).toBe(ExitCode.conflict);
    expect(exitStatusOfRescore('superseded')).toBe(ExitCode.conflict);
    expect(exitStatusOfRescore('failed')).toBe(ExitCode.unavailable);
  });
});

describe('following a rescore', () => {
  it('writes one line per change of status or progress when stderr is not a terminal', () => {
    const lines: string[] = [];
    const progress = lineProgress((line) => lines.push(line));
    for (const r of [
      rescore('queued', 0, null),
      rescore('queued', 0, null),
      rescore('running', 0, 100),
      rescore('running', 50, 100),
      rescore('running', 50, 100),
      rescore('done', 100, 100),
    ])
      progress.update(r);
    expect(lines).toEqual([
      `rescore ${ID}: queued, 0 contacts, 40 changed`,
      `rescore ${ID}: running, 0 of 100 contacts (0.0 %), 40 changed`,
      `rescore ${ID}: running, 50 of 100 contacts (50.0 %), 40 changed`,
      `rescore ${ID}: done, 100 of 100 contacts (100.0 %), 40 changed`,
    ]);
  });

  it('draws a bar of contacts done of the total, the ratio and changed contacts on a terminal', () => {
    const stream = new Captured();
    stream.isTTY = true;
    const progress = barProgress(stream);
    progress.update(rescore('running', 25, 100));
    progress.update(rescore('running', 50, 100));
    // The bar redraws on its own timer; stop draws the last reading, then clears the line.
    progress.stop();
    expect(stream.text).toContain('25/100 contacts | 40 changed');
    expect(stream.text).toContain('rescore running');
    expect(stream.text).toContain('50% | 50/100 contacts | 40 changed');
  });

  it('polls until the rescore ends, showing each reading', async () => {
    const readings = [rescore('running', 10, 100), rescore('running', 60, 100), rescore('done', 100, 100)];
    const read = jest.fn(() => Promise.resolve(readings.shift() as Rescore));
    const sleeps: number[] = [];
    const shown: Rescore['status'][] = [];
    const ended = await waitForRescore(read, rescore('queued', 0, null), {
      intervalMs: 250,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      progress: { update: (r) => shown.push(r.status), stop: () => shown.push('done') },
    });
    expect(ended.status).toBe('done');
    expect(read).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([250, 250, 250]);
    expect(shown).toEqual(['queued', 'running', 'running', 'done', 'done']);
  });

  it('rides out a few failed reads, then gives up saying the rescore goes on', async () => {
    const down = new CommandError(ExitCode.unavailable, 'Cannot reach the api');
    const flaky = [down, down, rescore('done', 1, 1)];
    const read = () => {
      const next = flaky.shift();
      return next instanceof CommandError ? Promise.reject(next) : Promise.resolve(next as Rescore);
    };
    const progress = lineProgress(() => undefined);
    expect(
      (await waitForRescore(read, rescore('queued', 0, null), { intervalMs: 1, sleep: noSleep, progress }))
        .status,
    ).toBe('done');

    const never = () => Promise.reject(down);
    const error = await waitForRescore(never, rescore('running', 1, 2), {
      intervalMs: 1,
      sleep: noSleep,
      progress,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).status).toBe(ExitCode.unavailable);
    expect((error as CommandError).message).toContain(
      `Stopped waiting after ${POLL_RETRIES + 1} failed reads; the rescore ${ID} goes on`,
    );
  });

  it('does not retry a refusal (e.g. 404)', async () => {
    const gone = new CommandError(ExitCode.notFound, 'No rescore');
    const read = jest.fn(() => Promise.reject(gone));
    await expect(
      waitForRescore(read, rescore('queued', 0, null), {
        intervalMs: 1,
        sleep: noSleep,
        progress: lineProgress(() => undefined),
      }),
    ).rejects.toBe(gone);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('takes its poll interval from LEADSCORE_POLL_INTERVAL_MS, refusing nonsense', () => {
    expect(pollIntervalOf({})).toBe(1_000);
    expect(pollIntervalOf({ LEADSCORE_POLL_INTERVAL_MS: '50' })).toBe(50);
    expect(() => pollIntervalOf({ LEADSCORE_POLL_INTERVAL_MS: 'soon' })).toThrow(
      /LEADSCORE_POLL_INTERVAL_MS must be a whole number/,
    );
  });
});

describe('leadscore model rescore', () => {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    process.env['LEADSCORE_CONFIG'] = '/nonexistent/leadscore.json';
    process.env['LEADSCORE_POLL_INTERVAL_MS'] = '10';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = saved;
  });

  async function cli(args: string[]) {
    const stdout = new Captured();
    const stderr = new Captured();
    const status = await runCli([...args, '--url', API_URL, '--key', 'sk_test'], { stdout, stderr });
    return { status, stdout: stdout.text, stderr: stderr.text };
  }

  it('sends --dry-run and --rate, follows the rescore with lines on a pipe, and exits 7 when it is cancelled', async () => {
    const answers = [
      rescore('queued', 0, null, { dryRun: true, transitionsPerSecond: 5 }),
      rescore('running', 3, 10),
      rescore('cancelled', 3, 10),
    ];
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() =>
        Promise.resolve(
          new Response(JSON.stringify(answers.shift()), { status: answers.length === 2 ? 202 : 200 }),
        ),
      );
    const run = await cli(['model', 'rescore', 'clicks', '--dry-run', '--rate', '5']);
    expect(run.status).toBe(ExitCode.conflict);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${API_URL}/v1/models/clicks/rescores`);
    expect(init).toMatchObject({ method: 'POST', body: '{"dryRun":true,"transitionsPerSecond":5}' });
    expect(fetch.mock.calls.slice(1).map(([u]) => u)).toEqual([
      `${API_URL}/v1/rescores/${ID}`,
      `${API_URL}/v1/rescores/${ID}`,
    ]);
    expect(run.stderr).toContain(`rescore ${ID}: running, 3 of 10 contacts (30.0 %), 40 changed`);
    expect(run.stderr).toContain(`rescore ${ID}: cancelled, 3 of 10 contacts (30.0 %), 40 changed`);
    expect(run.stdout).toContain('status: cancelled');
  });

  it('refuses a --rate out of range before any request (exit 2)', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch');
    const run = await cli(['model', 'rescore', 'clicks', '--rate', '0']);
    expect(run.status).toBe(ExitCode.usage);
    expect(run.stderr).toContain('--rate takes a number of transitions per second above 0 and at most 10000');
    expect(fetch).not.toHaveBeenCalled();
  });
});
