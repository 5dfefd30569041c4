import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTempDir, removeDir, workspaceRoot } from '@leadscore/testing';
import { leadscore as run } from './cli-process.js';

const EXAMPLE = join(workspaceRoot(), 'examples/models/ontraport.yaml');
const leadscore = (...args: string[]) => run(args);

let dir: string;
let bad: string;
let anonymous: string;

beforeAll(() => {
  dir = makeTempDir('cli');
  bad = join(dir, 'bad.yaml');
  // Two problems the scorer would refuse: a typo of an event type and a word for a number.
  writeFileSync(
    bad,
    'id: bad\nversion: 1\nname: Bad\nfit: []\nengagement:\n  - id: click\n    event: email.clickd\n    points: ten\n',
  );
  anonymous = join(dir, 'anonymous.yaml');
  writeFileSync(anonymous, readFileSync(EXAMPLE, 'utf8').replace(/^workspace: .*\n/m, ''));
});

afterAll(() => {
  removeDir(dir);
});

describe('leadscore model validate (offline: no server, no key)', () => {
  it('accepts a valid model with exit 0, in words and as JSON', async () => {
    const human = await leadscore('model', 'validate', EXAMPLE);
    expect(human).toEqual({
      status: 0,
      stdout: `✓ ${EXAMPLE}: model ontraport version 1 is valid\n`,
      stderr: '',
    });
    const json = await leadscore('model', 'validate', EXAMPLE, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      valid: true,
      file: EXAMPLE,
      model: { id: 'ontraport', version: 1 },
    });
  });

  it('lists every problem as file:line:column with the scorer’s messages, and exits 3', async () => {
    const human = await leadscore('model', 'validate', bad);
    expect(human.status).toBe(3);
    expect(human.stdout).toBe('');
    const lines = human.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${bad}:7:12: engagement\\[0\\]\\.event: .*did you mean "email\\.clicked"\\?$`),
      ),
      `${bad}:8:13: engagement[0].points: expected a number, {from: text} or {withinDays: a number, ranges: a list}, got "ten"`,
      `✗ ${bad}: 2 problems`,
    ]);
    // Piped output is plain: no colour codes.
    expect(human.stderr).not.toContain('\u001b[');
    const json = await leadscore('model', 'validate', bad, '--json');
    expect(json.status).toBe(3);
    const body = JSON.parse(json.stdout) as {
      valid: boolean;
      issues: { path: string; line: number; check: string }[];
    };
    expect(body.valid).toBe(false);
    expect(body.issues.map((i) => [i.path, i.line, i.check])).toEqual([
      ['engagement[0].event', 7, 'schema:enum'],
      ['engagement[0].points', 8, 'schema:anyOf'],
    ]);
  });

  it('takes a model without a workspace, and checks the one named against --workspace', async () => {
    expect((await leadscore('model', 'validate', anonymous)).status).toBe(0);
    expect((await leadscore('model', 'validate', EXAMPLE, '--workspace', 'acme')).status).toBe(0);
    const other = await leadscore('model', 'validate', EXAMPLE, '--workspace', 'globex');
    expect(other.status).toBe(3);
    expect(other.stderr).toContain('set workspace to "globex" or leave it out');
  });

  it('exits 6 for a file that does not exist and 2 for what is not a model file', async () => {
    const missing = await leadscore('model', 'validate', join(dir, 'nope.yaml'));
    expect(missing).toMatchObject({ status: 6, stderr: `${join(dir, 'nope.yaml')}: no such file\n` });
    expect((await leadscore('model', 'validate', join(dir, 'model.txt'))).status).toBe(2);
  });
});

describe('leadscore usage', () => {
  it('exits 2 with a hint for no command, an unknown command or a missing argument', async () => {
    for (const args of [[], ['model', 'valdate', 'x.yaml'], ['model', 'validate'], ['frobnicate']]) {
      const run = await leadscore(...args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toContain('Run with --help');
    }
  });

  it('answers --help on every command with an example, and --version', async () => {
    const help = await leadscore('model', 'validate', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('leadscore model validate models/ontraport.yaml');
    const top = await leadscore('--help');
    expect(top.stdout).toContain('leadscore model');
    const version = await leadscore('--version');
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints a shell completion script', async () => {
    const completion = await leadscore('completion');
    expect(completion.status).toBe(0);
    expect(completion.stdout).toContain('leadscore');
    expect(completion.stdout).toMatch(/complete|compdef/);
  });
});
