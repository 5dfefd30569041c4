import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@leadscore/testing';

/** The built bundle, the file `npm pack` ships and `npm install` links (npm test builds every package first). */
export const BINARY = join(workspaceRoot(), 'apps/cli/dist/leadscore.js');

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `leadscore <args>` as a process with output piped (not a terminal), with none of the caller's
 * LEADSCORE_* settings: only `env` (e.g. LEADSCORE_CONFIG pointing at a test's own file); `stdin` is its input.
 */
export function leadscore(
  args: readonly string[],
  env: Record<string, string> = {},
  stdin = '',
): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('LEADSCORE_') && name !== 'FORCE_COLOR'),
  );
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BINARY, ...args],
      {
        env: { ...inherited, LEADSCORE_CONFIG: '/nonexistent/leadscore.json', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}
