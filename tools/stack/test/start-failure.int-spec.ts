// `npm start` on its failure paths: whatever it started must be stopped again. The launcher is the
// built tools/stack/dist/start.js that `npm start` runs (`npm test` builds it in its setup step).
import { describe, expect, it } from '@jest/globals';
import { SERVICE_NAMES } from '@leadscore/config';
import {
  freePort,
  makeTempDir,
  processesLeftMentioning,
  processesMentioning,
  removeDir,
  workspaceRoot,
} from '@leadscore/testing';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const launcher = join(workspaceRoot(), 'tools/stack/dist/start.js');

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/** Runs `npm start`'s launcher on free ports with its data in `dataDir`; `onOutput` may signal it. */
async function runStart(dataDir: string, onOutput?: (text: string, pid: number) => void): Promise<Run> {
  if (!existsSync(launcher)) throw new Error(`${launcher} is missing: run \`npm run setup\` (it builds it)`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEADSCORE_DATA_DIR: dataDir,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    POSTGRES_PORT: String(await freePort()),
  };
  for (const name of SERVICE_NAMES) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
  const child = spawn(process.execPath, [launcher], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    onOutput?.(output, child.pid ?? -1);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

describe('npm start on its failure paths', () => {
  it('stops Kafka again when PostgreSQL cannot start, says why and exits non-zero', async () => {
    const dataDir = makeTempDir('stack-fails');
    // A file where PostgreSQL's directory belongs: its start fails while Kafka's succeeds.
    writeFileSync(join(dataDir, 'postgres'), 'not a directory');
    try {
      const run = await runStart(dataDir);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/start failed: could not start PostgreSQL: /);
      expect(run.output).not.toMatch(/could not start Kafka/);
      expect(await processesLeftMentioning(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
    } finally {
      removeDir(dataDir);
    }
  });

  it('stops what is starting when `npm stop` (SIGTERM) arrives during the start', async () => {
    const dataDir = makeTempDir('stack-stopped');
    let signalled = false;
    let brokerSeenRunning = false;
    try {
      const run = await runStart(dataDir, (output, pid) => {
        if (!signalled && output.includes('starting Kafka and PostgreSQL')) {
          signalled = true;
          // Signal once the broker's JVM runs: it is still starting then (ready takes seconds more).
          const broker = join(dataDir, 'kafka', 'server.properties');
          const poll = setInterval(() => {
            if (processesMentioning(broker).length === 0) return;
            clearInterval(poll);
            brokerSeenRunning = true;
            process.kill(pid, 'SIGTERM');
          }, 50);
        }
      });
      expect(brokerSeenRunning).toBe(true);
      expect(run.code).toBe(0);
      expect(run.output).not.toMatch(/leadscore local stack is up/);
      expect(await processesLeftMentioning(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
    } finally {
      removeDir(dataDir);
    }
  });
});
