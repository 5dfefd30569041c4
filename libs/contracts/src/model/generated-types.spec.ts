import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const generated = join(root, 'libs/contracts/src/generated');

function codegen(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'tools/codegen/generate-types.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

describe('generated contracts', () => {
  it('are up to date with schemas/ (run `npm run codegen` when this fails)', () => {
    const result = codegen('--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported as stale, by file name, when they differ from their schema', () => {
    const copy = mkdtempSync(join(tmpdir(), 'codegen-check-'));
    try {
      cpSync(generated, copy, { recursive: true });
      writeFileSync(join(copy, 'model.ts'), '/* generated — do not edit. */\nexport type Hand = "edited";\n');
      writeFileSync(join(copy, 'gone.ts'), '/* generated — do not edit. */\n');
      const result = codegen('--check', '--out', copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/stale .*model\.ts/);
      expect(result.stderr).toMatch(/orphaned .*gone\.ts/);
      expect(result.stderr).not.toMatch(/model\.schema\.ts/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('emit types and the schema module for every schema, with the do-not-edit header', () => {
    const copy = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    try {
      const result = codegen('--out', copy);
      expect(result.status).toBe(0);
      const files = readdirSync(copy);
      expect(files).toEqual(expect.arrayContaining(['model.ts', 'model.schema.ts']));
      expect(files.sort()).toEqual(
        readdirSync(generated)
          .filter((f) => f.endsWith('.ts'))
          .sort(),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
