import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { killOnExit } from './process-guard.js';
import { workspaceRoot } from './workspace-paths.js';

export interface BuiltService {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr, for failure messages. */
  readonly output: string[];
  /** Resolves with its exit code (null when a signal ended it) once it exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a built service (`services/<name>/dist/main.js`) as its own process with `env` over this
 * process's environment (jest's NODE_OPTIONS left out). The process is killed if the test process exits.
 */
export function startBuiltService(name: string, env: Record<string, string>): BuiltService {
  const main = join(workspaceRoot(), 'services', name, 'dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the service first (npm run build)`);
  const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const release = killOnExit(child, 'SIGKILL');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output,
    exited,
    stop: async (graceMs = 5_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      release();
    },
  };
}
