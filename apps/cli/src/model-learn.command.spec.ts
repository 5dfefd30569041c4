import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { parseModel, type ModelLearnReport } from '@leadscore/contracts';
import {
  learnFromLeads,
  modelFromLearning,
  parseLeadCsv,
  proposeMapping,
  seededRandom,
} from '@leadscore/learning';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from './cli.js';

class Captured extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Past leads with known effects (Referral best), a visits count, and a column sales fills in afterwards. */
function exportCsv(leads: number): string {
  const random = seededRandom(11);
  const effect: Record<string, number> = { Referral: 2, Webinar: 1, Ad: 0 };
  const lines = ['Prospect ID,Lead Source,TotalVisits,Tags,Converted'];
  for (let i = 0; i < leads; i += 1) {
    const source = (['Referral', 'Webinar', 'Ad', 'Select'] as const)[Math.floor(random() * 4)]!;
    const visits = Math.floor(random() * 8);
    const converted = random() < 1 / (1 + Math.exp(-(-2.5 + (effect[source] ?? 0) + 0.3 * visits)));
    lines.push(
      `P-${i},${source},${visits},${converted ? 'Closed by sales' : 'Will revert'},${converted ? 1 : 0}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('leadscore model learn', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'learn-'));
    writeFileSync(join(dir, 'leads.csv'), exportCsv(1500));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    const stdout = new Captured();
    const stderr = new Captured();
    const status = await runCli(args, { stdout, stderr });
    return { status, out: stdout.text, err: stderr.text };
  };

  it('proposes a mapping beside the file, learns with it, and never overwrites it', async () => {
    const first = await cli('model', 'learn', join(dir, 'leads.csv'));
    expect(first.status).toBe(0);
    expect(first.err).toContain(`proposed mapping written to ${join(dir, 'leads.mapping.yaml')}`);
    expect(readFileSync(join(dir, 'leads.mapping.yaml'), 'utf8')).toContain(
      'column: TotalVisits\n    kind: count\n    event: null',
    );
    expect(first.out).toMatch(/^1500 leads: \d+ converted/);
    expect(first.out).toMatch(/left out: Tags — Tags alone separates converted leads with ROC AUC/);
    expect(first.out).toMatch(/Held out \(450 leads\): ROC AUC 0\.\d+/);
    const again = await cli('model', 'learn', join(dir, 'leads.csv'));
    expect(again.status).toBe(7);
    expect(again.err).toContain('exists already: pass it with --mapping');
  });

  it('learns with the reviewed mapping and writes a model that parses, scoring the mapped event', async () => {
    await cli('model', 'learn', join(dir, 'leads.csv'));
    const mappingFile = join(dir, 'leads.mapping.yaml');
    writeFileSync(
      mappingFile,
      readFileSync(mappingFile, 'utf8').replace('event: null', 'event: web.page_viewed'),
    );
    const model = join(dir, 'learned.yaml');
    const result = await cli(
      'model',
      'learn',
      join(dir, 'leads.csv'),
      '--mapping',
      mappingFile,
      '--out',
      model,
    );
    expect(result.status).toBe(0);
    expect(result.out).toContain(`model written to ${model}`);
    const parsed = parseModel(readFileSync(model, 'utf8'), 'yaml', model, { workspace: 'acme' });
    expect(parsed.engagement?.map((rule) => rule.event)).toEqual(['web.page_viewed']);
    expect(parsed.fit?.[0]).toMatchObject({ field: 'leadSource', value: 'Referral' });
  });

  it('prints one JSON document with --json', async () => {
    const result = await cli('model', 'learn', join(dir, 'leads.csv'), '--json');
    const document = JSON.parse(result.out) as {
      report: { leads: number };
      model: string;
      mappingFile: string;
    };
    expect(document.report.leads).toBe(1500);
    expect(document.model).toMatch(/^# Learned from 1500 past leads/);
    expect(existsSync(document.mappingFile)).toBe(true);
  });

  it('names the line of a broken file (exit 3) and a missing one (exit 6)', async () => {
    writeFileSync(join(dir, 'broken.csv'), 'Lead Source,Converted\nWeb,1\nAd\n');
    const broken = await cli('model', 'learn', join(dir, 'broken.csv'));
    expect([broken.status, broken.err.trim()]).toEqual([
      3,
      'CSV line 3: 1 cells, but the header has 2 columns (a missing or extra comma, or an unquoted comma inside a cell)',
    ]);
    const missing = await cli('model', 'learn', join(dir, 'nothing.csv'));
    expect([missing.status, missing.err.trim()]).toEqual([6, `${join(dir, 'nothing.csv')}: no such file`]);
  });
});

describe('leadscore model learn, progress on a terminal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'learn-bar-'));
    writeFileSync(join(dir, 'leads.csv'), exportCsv(3000));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the reading and learning bar on a terminal’s stderr, and none when piped', async () => {
    const terminal = new Captured();
    terminal.isTTY = true;
    const stdout = new Captured();
    const status = await runCli(['model', 'learn', join(dir, 'leads.csv')], { stdout, stderr: terminal });
    expect(status).toBe(0);
    expect(terminal.text).toMatch(/learn reading .* \d+% \| [\d.]+ MB of [\d.]+ MB/);
    expect(terminal.text).toContain('learn learning');
    expect(terminal.text).toContain('3000 leads of fit and held-out evaluation');
    rmSync(join(dir, 'leads.mapping.yaml'));
    const piped = new Captured();
    expect(await runCli(['model', 'learn', join(dir, 'leads.csv')], { stdout, stderr: piped })).toBe(0);
    expect(piped.text).not.toContain('learn reading');
  });
});

describe('leadscore model learn --from-contacts', () => {
  const API_URL = 'http://api.test';
  let dir: string;
  let config: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'learn-remote-'));
    writeFileSync(join(dir, 'leads.csv'), exportCsv(600));
    config = process.env['LEADSCORE_CONFIG'];
    process.env['LEADSCORE_CONFIG'] = '/nonexistent/leadscore.json';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
    if (config === undefined) delete process.env['LEADSCORE_CONFIG'];
    else process.env['LEADSCORE_CONFIG'] = config;
  });

  const cli = async (...args: string[]) => {
    const stdout = new Captured();
    const stderr = new Captured();
    const status = await runCli([...args, '--url', API_URL, '--key', 'sk_test'], { stdout, stderr });
    return { status, out: stdout.text, err: stderr.text };
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

  /** The api's answer for the export's leads, as JSON travels (the same figures the local pass prints). */
  function learned(): { body: ModelLearnReport; mappingFile: string } {
    const table = parseLeadCsv(exportCsv(600));
    const mapping = proposeMapping(table);
    const report = learnFromLeads(table, mapping);
    const mappingFile = join(dir, 'leads.mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const body = JSON.parse(
      JSON.stringify({
        source: 'contacts',
        status: 'learned',
        detail: 'Learned from 600 contacts with an outcome.',
        mapping,
        contacts: { archived: 650, labelled: 600, unlabelled: 50, truncated: false, archivedFrom: null },
        report,
        model: modelFromLearning(report, { id: 'learned', name: 'Learned from recorded outcomes' }),
      }),
    ) as ModelLearnReport;
    return { body, mappingFile };
  }

  it('posts the mapping to the api and prints the report as the local path prints it, with the contacts left out', async () => {
    const { body, mappingFile } = learned();
    const fetch = answer(200, body);
    const out = join(dir, 'learned.yaml');
    const remote = await cli(
      'model',
      'learn',
      '--from-contacts',
      '--mapping',
      mappingFile,
      '--out',
      out,
      '--seed',
      '7',
    );
    expect(remote.status).toBe(0);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${API_URL}/v1/models/learn`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({
      source: 'contacts',
      mapping: body.mapping,
      options: { seed: 7 },
      model: { id: 'learned', name: 'Learned from recorded outcomes' },
    });
    const lines = remote.out.split('\n');
    expect(lines[0]).toBe('650 archived contacts read: 600 with an outcome, 50 left out (no outcome yet)');
    expect(readFileSync(out, 'utf8')).toBe(body.model);
    // The same printer: the local pass over the same leads prints the same lines after the first.
    jest.restoreAllMocks();
    const local = await runLocal(join(dir, 'leads.csv'), mappingFile, join(dir, 'local.yaml'));
    expect(lines.slice(1).join('\n').replace(out, 'FILE')).toBe(
      local.replace(join(dir, 'local.yaml'), 'FILE'),
    );
  });

  async function runLocal(csv: string, mapping: string, out: string): Promise<string> {
    const stdout = new Captured();
    const status = await runCli(['model', 'learn', csv, '--mapping', mapping, '--out', out], {
      stdout,
      stderr: new Captured(),
    });
    expect(status).toBe(0);
    return stdout.text;
  }

  it('prints the api’s answer as it is with --json', async () => {
    const { body, mappingFile } = learned();
    answer(200, body);
    const run = await cli('model', 'learn', '--from-contacts', '--mapping', mappingFile, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.out)).toEqual(body);
  });

  it('exits 3 with the api’s words when it cannot learn (422)', async () => {
    const { mappingFile } = learned();
    answer(422, {
      type: 'https://docs.leadscore.dev/problems/invalid-leads',
      title: 'Past leads that cannot be learned from',
      status: 422,
      detail: 'No archived contact of this workspace has an outcome yet (3 read, all left out as unlabelled)',
    });
    const run = await cli('model', 'learn', '--from-contacts', '--mapping', mappingFile);
    expect([run.status, run.err.trim()]).toEqual([
      3,
      'No archived contact of this workspace has an outcome yet (3 read, all left out as unlabelled)',
    ]);
  });

  it('needs a mapping and no CSV (exit 2), and a mapping that exists (6) and reads (3), before any request', async () => {
    const fetch = answer(500, {});
    expect((await cli('model', 'learn', '--from-contacts')).status).toBe(2);
    expect(
      (await cli('model', 'learn', join(dir, 'leads.csv'), '--from-contacts', '--mapping', 'm.yaml')).status,
    ).toBe(2);
    expect((await cli('model', 'learn')).status).toBe(2);
    expect((await cli('model', 'learn', '--from-contacts', '--mapping', join(dir, 'none.yaml'))).status).toBe(
      6,
    );
    writeFileSync(join(dir, 'bad.yaml'), 'outcome: 3\n');
    const bad = await cli('model', 'learn', '--from-contacts', '--mapping', join(dir, 'bad.yaml'));
    expect(bad.status).toBe(3);
    expect(bad.err).toContain('bad.yaml:');
    expect(fetch).not.toHaveBeenCalled();
  });
});
