import { describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@leadscore/testing';

// What `npm pack` makes of apps/cli, installed where there is no workspace: the bundle must carry
// every dependency (the @leadscore libraries are private and never published).
jest.setTimeout(120_000);

const run = promisify(execFile);

interface Packed {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

describe('the packed @leadscore/cli', () => {
  it('installs into an empty folder, with nothing else, and leadscore runs there', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'leadscore-pack-'));
    try {
      const packed = await run('npm', ['pack', '--json', '--pack-destination', folder], {
        cwd: join(workspaceRoot(), 'apps/cli'),
      });
      const [tarball] = JSON.parse(packed.stdout) as Packed[];
      expect(tarball?.files.map((file) => file.path).sort()).toEqual([
        'README.md',
        'dist/leadscore.js',
        'package.json',
      ]);
      const empty = join(folder, 'empty');
      await mkdir(empty);
      await run('npm', ['install', '--no-audit', '--no-fund', join(folder, tarball?.filename ?? '')], {
        cwd: empty,
      });
      const installed = JSON.parse(
        await readFile(join(empty, 'node_modules/@leadscore/cli/package.json'), 'utf8'),
      ) as { version: string; dependencies?: Record<string, string> };
      expect(installed.dependencies ?? {}).toEqual({});

      const leadscore = join(empty, 'node_modules/.bin/leadscore');
      const version = await run(leadscore, ['--version'], { cwd: empty });
      expect(version.stdout).toBe(`${installed.version}\n`);
      const model = join(empty, 'ontraport.yaml');
      await copyFile(join(workspaceRoot(), 'examples/models/ontraport.yaml'), model);
      const valid = await run(leadscore, ['model', 'validate', model], { cwd: empty });
      expect(valid.stdout).toBe(`✓ ${model}: model ontraport version 1 is valid\n`);
      const help = await run(leadscore, ['--help'], { cwd: empty });
      for (const command of [
        'model',
        'contact',
        'leaderboard',
        'send',
        'key',
        'webhook',
        'workspace',
        'login',
      ])
        expect(help.stdout).toContain(`leadscore ${command}`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
