import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { rescoreListSchema, rescoreSchema, type Rescore } from '@leadscore/contracts';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { clicksModelSource, makeTempDir, pollUntil, removeDir } from '@leadscore/testing';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// The built CLI against the built api on real PostgreSQL. No scorer runs: while the CLI waits, the
// test moves the rescore's row itself, as the scorer's worker would.
jest.setTimeout(120_000);

let api: CliTestApi;
let dataSource: DataSource;
let dir: string;

const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
addFormats.default(ajv);
ajv.addSchema(rescoreSchema);
const validRescore = ajv.compile(rescoreSchema);
const validList = ajv.compile(rescoreListSchema);

/** The JSON on stdout, checked against rescore.schema.json. */
function rescoreOf(stdout: string): Rescore {
  const value: unknown = JSON.parse(stdout);
  expect({ valid: validRescore(value), errors: validRescore.errors ?? null }).toEqual({
    valid: true,
    errors: null,
  });
  return value as Rescore;
}

/** `leadscore` with the test api's url and key (admin by default), polling every 50 ms. */
const withKey = (args: string[], key = api.adminKey) =>
  leadscore([...args, '--url', api.url, '--key', key], { LEADSCORE_POLL_INTERVAL_MS: '50' });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The model's queued rescore, once the CLI started it. */
async function queuedRescore(modelId: string): Promise<string> {
  const { value: rows } = await pollUntil(
    () =>
      dataSource.query<{ id: string }[]>(
        `SELECT id::text AS id FROM rescores WHERE workspace_id = $1 AND model_id = $2 AND status = 'queued'`,
        [api.workspace, modelId],
      ),
    (found) => found.length === 1,
    { withinMs: 30_000, everyMs: 50, waitingFor: `a queued rescore of ${modelId}` },
  );
  return String(rows[0]?.id);
}

/** Moves the row as the scorer's worker does: running with progress, then its end. */
async function move(id: string, set: string, values: unknown[] = []): Promise<void> {
  await dataSource.query(`UPDATE rescores SET ${set}, updated_at = now() WHERE id = $1`, [id, ...values]);
}

beforeAll(async () => {
  api = await startCliTestApi('cli_rescore');
  dataSource = await openDatabase({ url: api.database.url });
  dir = makeTempDir('cli-rescore');
  const model = join(dir, 'clicks.yaml');
  writeFileSync(model, clicksModelSource(1, 10));
  const applied = await withKey(['model', 'apply', model]);
  expect({ status: applied.status, stderr: applied.stderr }).toEqual({ status: 0, stderr: '' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await api?.stop();
  if (dir) removeDir(dir);
});

describe('leadscore model rescore', () => {
  it('waits for the rescore, with a line per change on a pipe and a summary at its end (exit 0)', async () => {
    const waiting = withKey(['model', 'rescore', 'clicks']);
    const id = await queuedRescore('clicks');
    await move(
      id,
      `status = 'running', started_at = now(), contacts_total = 4, contacts_done = 2,
      changed_contacts = 1, history_from = '2026-01-01T00:00:00Z'`,
    );
    await pause(500);
    await move(
      id,
      `status = 'done', finished_at = now(), contacts_done = 4, changed_contacts = 2, unchanged_contacts = 2,
       score_changes = 2, tier_transitions = 1, stage_transitions = 1, webhooks = 3, replayed_events = 17,
       history_until = '2026-04-01T09:00:00Z'`,
    );
    const run = await waiting;
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    expect(run.stderr).toContain(`rescore ${id} of model clicks version 1 queued; waiting for it`);
    expect(run.stderr).toContain(`rescore ${id}: running, 2 of 4 contacts (50.0 %), 1 changed`);
    expect(run.stderr).toContain(`rescore ${id}: done, 4 of 4 contacts (100.0 %), 2 changed`);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `rescore ${id}: model clicks version 1`,
      'status: done',
      'contacts: 4 of 4 contacts (100.0 %); 17 events replayed',
      'changed contacts: 2 changed, 2 unchanged, 0 skipped (erased or merged)',
      'score changes: 2 published (cause rescore)',
      'transitions: 1 tier, 1 stage (at most 50/s)',
      'webhooks: 3 deliveries',
      'history: 2026-01-01T00:00:00.000Z → 2026-04-01T09:00:00.000Z',
      expect.stringMatching(/^created .*, started .*, finished /),
    ]);
  });

  it('prints the final rescore as JSON and exits 8 when it failed; resume queues it again', async () => {
    const waiting = withKey(['model', 'rescore', 'clicks', '--dry-run', '--rate', '2.5', '--json']);
    const id = await queuedRescore('clicks');
    await move(id, `status = 'failed', error = 'the archive did not answer', finished_at = now()`);
    const run = await waiting;
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 8, stderr: '' });
    expect(rescoreOf(run.stdout)).toMatchObject({
      id,
      status: 'failed',
      dryRun: true,
      transitionsPerSecond: 2.5,
      error: 'the archive did not answer',
    });

    const resumed = await withKey(['rescore', 'resume', id]);
    expect({ status: resumed.status, stderr: resumed.stderr }).toEqual({ status: 0, stderr: '' });
    expect(resumed.stdout).toContain(
      `✓ rescore ${id} of model clicks queued again; it goes on from the first contact`,
    );

    const again = await withKey(['rescore', 'resume', id]);
    expect(again.status).toBe(7);
    expect(again.stderr).toContain(`The rescore ${id} is queued; only a cancelled or failed rescore resumes`);
  });

  it('refuses a second rescore while one is queued (exit 7 naming it), cancels it, and exits 7 when the wait ends cancelled', async () => {
    const [active] = await dataSource.query<{ id: string }[]>(
      `SELECT id::text AS id FROM rescores WHERE model_id = 'clicks' AND status = 'queued'`,
    );
    const id = String(active?.id);
    const second = await withKey(['model', 'rescore', 'clicks', '--no-wait']);
    expect(second.status).toBe(7);
    expect(second.stderr).toContain(`POST /v1/rescores/${id}/cancel`);

    const cancelled = await withKey(['rescore', 'cancel', id]);
    expect({ status: cancelled.status, stderr: cancelled.stderr }).toEqual({ status: 0, stderr: '' });
    expect(cancelled.stdout).toContain(`✓ cancelled rescore ${id} of model clicks after 0 contacts`);
    expect(cancelled.stdout).toContain(`leadscore rescore resume ${id} continues it`);

    const twice = await withKey(['rescore', 'cancel', id, '--json']);
    expect(twice.status).toBe(7);
    expect(JSON.parse(twice.stdout)).toMatchObject({
      error: { exitCode: 7, message: expect.stringContaining(`${id} is cancelled already`) },
    });

    // A wait that ends cancelled: someone cancels it from elsewhere.
    const waiting = withKey(['model', 'rescore', 'clicks']);
    const next = await queuedRescore('clicks');
    expect((await withKey(['rescore', 'cancel', next])).status).toBe(0);
    const run = await waiting;
    expect(run.status).toBe(7);
    expect(run.stdout).toContain('status: cancelled');
    expect(run.stdout).toContain(`leadscore rescore resume ${next} continues it`);
  });

  it('--no-wait prints the queued rescore and exits 0, as text or JSON', async () => {
    const text = await withKey(['model', 'rescore', 'clicks', '--no-wait', '--dry-run', '--rate', '5']);
    expect({ status: text.status, stderr: text.stderr }).toEqual({ status: 0, stderr: '' });
    const id = await queuedRescore('clicks');
    expect(text.stdout).toContain(
      `✓ rescore ${id} of model clicks version 1 queued (dry run), at most 5 transitions/s`,
    );
    expect((await withKey(['rescore', 'cancel', id])).status).toBe(0);

    const json = await withKey(['model', 'rescore', 'clicks', '--no-wait', '--json']);
    expect(json.status).toBe(0);
    expect(rescoreOf(json.stdout)).toMatchObject({
      model: { id: 'clicks', version: 1 },
      status: 'queued',
      dryRun: false,
      transitionsPerSecond: 50,
    });
  });

  it('exits 6 for a model without a live version, 5 for a read-only key', async () => {
    const missing = await withKey(['model', 'rescore', 'nothing', '--no-wait']);
    expect(missing.status).toBe(6);
    expect(missing.stderr).toContain('"nothing" has no live version');
    const forbidden = await withKey(['model', 'rescore', 'clicks', '--no-wait'], api.readKey);
    expect(forbidden.status).toBe(5);
  });
});

describe('leadscore rescore list and show', () => {
  it('lists the model’s rescores newest first, as a table and as JSON', async () => {
    const ids = (
      await dataSource.query<{ id: string }[]>(
        `SELECT id::text AS id FROM rescores WHERE model_id = 'clicks' ORDER BY created_at DESC, id`,
      )
    ).map((row) => row.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const table = await withKey(['rescore', 'list', 'clicks'], api.readKey);
    expect({ status: table.status, stderr: table.stderr }).toEqual({ status: 0, stderr: '' });
    expect(table.stdout).toMatch(/rescore .*version.*status.*dry run.*contacts.*changed.*created/);
    for (const id of ids) expect(table.stdout).toContain(id);
    expect(table.stdout).toMatch(new RegExp(`${ids[ids.length - 1]}.*done`));

    const json = await withKey(['rescore', 'list', 'clicks', '--json'], api.readKey);
    const list: unknown = JSON.parse(json.stdout);
    expect(validList(list)).toBe(true);
    expect((list as { rescores: Rescore[] }).rescores.map((r) => r.id)).toEqual(ids);
  });

  it('shows one rescore, as text and as JSON; 6 for an unknown one', async () => {
    const [first] = await dataSource.query<{ id: string }[]>(
      `SELECT id::text AS id FROM rescores WHERE model_id = 'clicks' AND status = 'done'`,
    );
    const id = String(first?.id);
    const text = await withKey(['rescore', 'show', id], api.readKey);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('status: done');
    expect(text.stdout).toContain('changed contacts: 2 changed');
    expect(rescoreOf((await withKey(['rescore', 'show', id, '--json'], api.readKey)).stdout)).toMatchObject({
      id,
      status: 'done',
      progress: { contacts: 4, total: 4, ratio: 1 },
    });
    const unknown = await withKey(['rescore', 'show', 'not-a-rescore'], api.readKey);
    expect(unknown.status).toBe(6);
    expect(unknown.stderr).toContain('No rescore "not-a-rescore"');
  });
});
