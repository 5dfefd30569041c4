// HTTP load for the benchmarks that drive a server process (ingest, reads): start a child process on a
// free port, load it with autocannon, stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort, waitForPort, workspaceRoot } from '@leadscore/testing';
import type { Measurement } from './benchmark.harness.js';
import { formatCpuReport, startCpuMeter } from './process-cpu.js';

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats?: Readonly<Record<string, { count: number }>>;
}
export interface AutocannonOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly connections: number;
  readonly duration: number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

// autocannon is CommonJS without type declarations: load it through require, typed by the interface above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
}

/** Starts `node <args>` with PORT set to a free port, from the workspace root; resolves once it listens. */
export async function startServer(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: workspaceRoot(),
  });
  await waitForPort(port);
  return { port, child };
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The processes whose CPU a measurement reports, by name (pid). */
export type CpuWatch = Readonly<Record<string, number>>;

/** Loads a server with autocannon; fails on any non-2xx answer, error or timeout. */
export async function load(
  options: AutocannonOptions,
  unitsPerRequest: number,
  cpu: CpuWatch = {},
): Promise<Measurement> {
  const meter = startCpuMeter(cpu);
  const result = await autocannon(options);
  const report = meter.stop();
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${options.url}: ${failed} of ${result.requests.total} requests failed (${JSON.stringify(result.statusCodeStats ?? {})})`,
    );
  const count = result.requests.total * unitsPerRequest;
  const units = unitsPerRequest === 1 ? 'req' : 'event';
  return { count, seconds: result.duration, notes: [formatCpuReport(report, count, units)] };
}
