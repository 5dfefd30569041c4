import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { freePort, makeTempDir, removeDir, workspaceRoot } from '@leadscore/testing';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// The built CLI against the built api, on real PostgreSQL and Kafka (models are published to
// leads.models.v1 before the api answers), in a workspace of its own.
jest.setTimeout(120_000);

let api: CliTestApi;
let url: string;
let adminKey: string;
let readKey: string;
let dir: string;
let v1: string;
let v2: string;
let broken: string;

/** `leadscore` with the test api's url and the given key (admin by default). */
const withKey = (args: string[], key = adminKey) => leadscore([...args, '--url', url, '--key', key]);

beforeAll(async () => {
  api = await startCliTestApi('cli_models');
  ({ url, adminKey, readKey } = api);

  dir = makeTempDir('cli-models');
  // The README's example model, for the caller's workspace (no workspace line), then version 2 with a
  // click worth 7 instead of 5, and one with a typo the api refuses.
  const example = readFileSync(join(workspaceRoot(), 'examples/models/ontraport.yaml'), 'utf8').replace(
    /^workspace: .*\n/m,
    '',
  );
  v1 = join(dir, 'ontraport.yaml');
  writeFileSync(v1, example);
  v2 = join(dir, 'ontraport-v2.yaml');
  writeFileSync(
    v2,
    example.replace(/^version: 1$/m, 'version: 2').replace(/^ {4}points: 5$/m, '    points: 7'),
  );
  broken = join(dir, 'broken.yaml');
  writeFileSync(broken, example.replace('event: email.clicked', 'event: email.clickd'));
});

afterAll(async () => {
  await api?.stop();
  if (dir) removeDir(dir);
});

describe('leadscore model, against the api', () => {
  it('diffs, applies, refuses a version not above the live one, lists and gets models', async () => {
    const empty = await withKey(['model', 'list']);
    expect(empty).toMatchObject({ status: 0, stdout: expect.stringContaining('no models yet') });

    const firstDiff = await withKey(['model', 'diff', v1, '--json']);
    expect(firstDiff.status).toBe(0);
    expect(JSON.parse(firstDiff.stdout)).toMatchObject({
      modelId: 'ontraport',
      fromVersion: null,
      toVersion: 1,
    });

    const applied = await withKey(['model', 'apply', v1]);
    expect({ status: applied.status, stderr: applied.stderr }).toEqual({ status: 0, stderr: '' });
    expect(applied.stdout).toContain('✓ applied model ontraport version 1 (live)');
    expect(applied.stdout).toContain('+ engagement rule email-click');

    const again = await withKey(['model', 'apply', v1]);
    expect(again.status).toBe(7);
    expect(again.stderr).toMatch(/version/);

    const diff = await withKey(['model', 'diff', v2]);
    expect(diff).toMatchObject({ status: 0, stderr: '' });
    expect(diff.stdout.trimEnd().split('\n')).toEqual([
      'model ontraport: version 1 → 2',
      '~ engagement rule email-click: points 5 → 7',
    ]);
    expect((await withKey(['model', 'apply', v2])).status).toBe(0);

    const list = await withKey(['model', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/ontraport\s*│\s*2\s*│/);
    expect(list.stdout).not.toContain('\u001b['); // piped: plain text
    const listed = JSON.parse((await withKey(['model', 'list', '--json'])).stdout) as {
      models: { id: string; version: number; live: boolean }[];
    };
    expect(listed.models).toEqual([expect.objectContaining({ id: 'ontraport', version: 2, live: true })]);

    // Version 1 exactly as it was sent; the live one by default.
    const first = await withKey(['model', 'get', 'ontraport', '--version', '1']);
    expect(first).toMatchObject({ status: 0, stdout: `${readFileSync(v1, 'utf8')}\n` });
    expect(first.stderr).toContain('# model ontraport version 1, applied');
    const live = JSON.parse((await withKey(['model', 'get', 'ontraport', '--json'])).stdout) as {
      version: { version: number; live: boolean };
    };
    expect(live.version).toMatchObject({ version: 2, live: true });
  });

  it('shows the api’s refusal of an invalid model like model validate does, and exits 3', async () => {
    const refused = await withKey(['model', 'diff', broken]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(
      new RegExp(`^${broken}:\\d+:\\d+: engagement\\[\\d\\]\\.event: .*did you mean "email\\.clicked"`, 'm'),
    );
    const json = await withKey(['model', 'apply', broken, '--json']);
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      error: {
        exitCode: 3,
        problem: { status: 422, issues: [expect.objectContaining({ check: 'schema:enum' })] },
      },
    });
  });

  it('exits with the code of each failure kind, saying how to fix it', async () => {
    const noKey = await leadscore(['model', 'list', '--url', url]);
    expect(noKey).toMatchObject({ status: 4, stderr: expect.stringContaining('leadscore login') });
    expect((await withKey(['model', 'list'], 'sk_nobody_000000000000000000000000000000')).status).toBe(4);
    expect((await withKey(['model', 'apply', v2], readKey)).status).toBe(5);
    expect((await withKey(['model', 'get', 'nothing-here'])).status).toBe(6);
    const down = await leadscore([
      'model',
      'list',
      '--url',
      `http://127.0.0.1:${await freePort()}`,
      '--key',
      adminKey,
    ]);
    expect(down).toMatchObject({ status: 8, stderr: expect.stringContaining('Cannot reach the api') });
  });
});

describe('leadscore login', () => {
  it('checks the key, stores the profile readable by its owner only, and never prints the key', async () => {
    const config = join(dir, 'config', 'leadscore.json');
    const env = { LEADSCORE_CONFIG: config };
    const refused = await leadscore(
      ['login', '--url', url, '--key', 'sk_nobody_000000000000000000000000000000'],
      env,
    );
    expect(refused.status).toBe(4);

    const logged = await leadscore(['login', '--url', url, '--key', readKey, '--profile', 'ci'], env);
    expect(logged.status).toBe(0);
    expect(logged.stdout + logged.stderr).not.toContain(readKey);
    expect(logged.stdout).toContain('profile ci');
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ profiles: { ci: { url, key: readKey } } });

    // The profile is used when neither flags nor the environment name a connection.
    const listed = await leadscore(['model', 'list', '--profile', 'ci', '--json'], env);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveProperty('models');
    const viaEnv = await leadscore(['model', 'list', '--json'], { ...env, LEADSCORE_PROFILE: 'ci' });
    expect(viaEnv.status).toBe(0);
  });
});
