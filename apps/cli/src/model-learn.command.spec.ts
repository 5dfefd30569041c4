import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parseModel } from '@leadscore/contracts';
import { seededRandom } from '@leadscore/learning';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
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
