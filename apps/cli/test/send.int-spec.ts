import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Topics } from '@leadscore/contracts';
import { createKafkaClient, silentLogger } from '@leadscore/kafka';
import { readTopic, testKafkaBrokers } from '@leadscore/testing';
import { startCliTestApi, startCliTestIngest, type CliTestApi, type CliTestIngest } from './cli-api.js';
import { BINARY, leadscore } from './cli-process.js';

// `leadscore send` as the built CLI, against the built ingest on the shared test broker.
jest.setTimeout(180_000);

let api: CliTestApi;
let ingest: CliTestIngest;
let folder: string;

beforeAll(async () => {
  api = await startCliTestApi('cli_send');
  ingest = await startCliTestIngest(api);
  folder = await mkdtemp(join(tmpdir(), 'leadscore-send-'));
});

afterAll(async () => {
  await ingest?.stop();
  await api?.stop();
});

const send = (args: string[], key = ingest.eventsKey, stdin = '') =>
  leadscore(['send', ...args, '--ingest-url', ingest.url, '--key', key], {}, stdin);

async function file(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

const pageView = (id: string, contact: string, page = '/pricing') => ({
  id,
  type: 'web.page_viewed',
  subject: `email:${contact}@example.com`,
  data: { url: `https://example.com${page}`, path: page },
});

/** The events of the test's workspace on leads.events.v1 (other suites share the topic), as [subject, id]. */
async function producedEvents(count: number): Promise<[string, string][]> {
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'cli-send-reader',
    logger: silentLogger,
  });
  const records = await readTopic(kafka, Topics.events, {
    accept: (record) => record.key?.toString().startsWith(`${api.workspace}:`) ?? false,
    until: (read) => read.length >= count,
    graceMs: 500,
    waitingFor: `${count} events of workspace ${api.workspace}`,
  });
  return records.map((record) => {
    const event = JSON.parse(record.value?.toString() ?? '{}') as { subject: string; id: string };
    return [event.subject, event.id];
  });
}

describe('leadscore send', () => {
  it('sends an NDJSON file in batches, each contact in file order, and reports each rejection by its line', async () => {
    const lines = [
      JSON.stringify(pageView('ada-1', 'ada')),
      JSON.stringify(pageView('bob-1', 'bob')),
      JSON.stringify(pageView('ada-2', 'ada', '/demo')),
      JSON.stringify({ ...pageView('bad-type', 'bob'), type: 'web.page_visited' }),
      '',
      '{"id": "broken", "type": ',
      JSON.stringify(pageView('bob-2', 'bob', '/demo')),
      JSON.stringify(pageView('ada-3', 'ada', '/signup')),
    ];
    const path = await file('events.ndjson', `${lines.join('\n')}\n`);
    const sent = await send([path, '--batch-size', '2', '--concurrency', '2']);
    expect({ status: sent.status, stderr: sent.stderr }).toEqual({ status: 3, stderr: expect.any(String) });
    expect(sent.stdout).toMatch(
      /^✗ 5 of 7 events accepted, 0 duplicates, 2 rejected in \d+\.\d s \(\d+ events\/s\)\n$/,
    );
    const reported = sent.stderr.trimEnd().split('\n');
    expect(reported).toEqual([
      expect.stringMatching(
        new RegExp(`^${path}:4: bad-type: invalid: type: expected a known event type .*`),
      ),
      expect.stringMatching(
        new RegExp(
          `^${path}:6: \\(no id\\): not_json: one event as JSON per line; this is not JSON \\(.+\\)$`,
        ),
      ),
    ]);
    const produced = await producedEvents(5);
    const ofContact = (contact: string) =>
      produced.filter(([subject]) => subject === `email:${contact}@example.com`).map(([, id]) => id);
    expect(ofContact('ada')).toEqual(['ada-1', 'ada-2', 'ada-3']);
    expect(ofContact('bob')).toEqual(['bob-1', 'bob-2']);
  });

  it('reads a pretty-printed JSON array from stdin and gives each rejection the line its event starts on', async () => {
    const events = [
      pageView('carol-1', 'carol'),
      { ...pageView('carol-2', 'carol'), subject: 'email:not an address' },
      pageView('carol-1', 'carol'),
    ];
    const sent = await send(['--json'], ingest.eventsKey, JSON.stringify(events, null, 2));
    expect(sent.status).toBe(3);
    const report = JSON.parse(sent.stdout) as Record<string, unknown>;
    expect(report).toEqual({
      file: 'stdin',
      events: 3,
      accepted: 1,
      duplicates: 1,
      rejected: 1,
      rejections: [
        {
          line: 11,
          id: 'carol-2',
          reason: 'invalid',
          errors: [{ field: 'subject', expected: expect.any(String) }],
        },
      ],
    });
    expect(sent.stderr).toBe('');
  });

  it('splits a batch over ingest’s body limit and reports an event over its event limit as too large', async () => {
    // 30 events of ~20 KB: 600 KB in one batch, over INGEST_BODY_LIMIT_BYTES (512 KB); ingest answers
    // 413 and the halves go through. One event of ~40 KB is over INGEST_MAX_EVENT_BYTES (32 KB).
    const notes = 'x'.repeat(20_000);
    const noted = (id: string, text: string) => ({
      id,
      type: 'custom.Call Notes',
      subject: `email:${id}@example.com`,
      data: { notes: text },
    });
    const events = Array.from({ length: 30 }, (_, i) => noted(`big-${i}`, notes));
    events.splice(7, 0, noted('huge', notes + notes));
    const path = await file('big.ndjson', events.map((event) => JSON.stringify(event)).join('\n'));
    const sent = await send([path, '--batch-bytes', '5000000', '--concurrency', '1', '--json']);
    expect({ status: sent.status, stdout: sent.stdout }).toMatchObject({ status: 3 });
    const report = JSON.parse(sent.stdout) as {
      accepted: number;
      rejections: { line: number; id: string; reason: string }[];
    };
    expect(report.accepted).toBe(30);
    expect(report.rejections).toEqual([
      { line: 8, id: 'huge', reason: 'too_large', errors: expect.any(Array) },
    ]);
  });

  it('accepts everything with exit 0 and shows a progress bar on a terminal only', async () => {
    const events = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify(pageView(`many-${i}`, `many${i % 40}`)),
    );
    const path = await file('many.ndjson', events.join('\n'));
    const piped = await send([path]);
    expect(piped).toMatchObject({ status: 0, stderr: '' });
    expect(piped.stdout).toMatch(/^✓ 1200 of 1200 events accepted, 0 duplicates, 0 rejected/);
    // `script` gives the command a terminal (util-linux, in every Debian): the bar is drawn on it.
    const command = [
      process.execPath,
      BINARY,
      'send',
      path,
      '--ingest-url',
      ingest.url,
      '--key',
      ingest.eventsKey,
    ]
      .map((part) => `'${part}'`)
      .join(' ');
    const { stdout: onTerminal } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, TERM: 'xterm' },
    });
    expect(onTerminal).toMatch(/sending .*\d+% \| \d+\/1200 events/);
    expect(onTerminal).toContain('1200 of 1200 events accepted');
  });

  it('exits 4 without a key or with an unknown one, 8 when ingest is unreachable, 6 for a missing file, 2 for bad options', async () => {
    const path = await file('one.ndjson', JSON.stringify(pageView('one', 'one')));
    const noKey = await leadscore(['send', path, '--ingest-url', ingest.url]);
    expect(noKey).toMatchObject({ status: 4, stderr: expect.stringContaining('No key') });
    const unknown = await send([path], 'sk_0000000000000000_unknownunknownunknownunknownunknownunk');
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toContain('sending the file again is safe');
    const down = await leadscore([
      'send',
      path,
      '--ingest-url',
      'http://127.0.0.1:9',
      '--key',
      ingest.eventsKey,
      '--retries',
      '0',
    ]);
    expect(down).toMatchObject({
      status: 8,
      stderr: expect.stringContaining('Cannot reach ingest at http://127.0.0.1:9'),
    });
    const notIngest = await leadscore(['send', path, '--ingest-url', api.url, '--key', ingest.eventsKey]);
    expect(notIngest).toMatchObject({ status: 6, stderr: expect.stringContaining('--ingest-url') });
    expect((await send([join(folder, 'missing.ndjson')])).status).toBe(6);
    expect((await send([await file('empty.ndjson', '\n\n')])).status).toBe(3);
    expect((await send([await file('broken.json', '[{"id": 1,]')])).stderr).toMatch(
      /broken\.json:1:\d+: not JSON/,
    );
    const zero = await send([path, '--batch-size', '0']);
    expect(zero).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--batch-size takes a whole number'),
    });
  });
});
