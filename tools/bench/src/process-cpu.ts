import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time of processes and of the whole machine, read from Linux /proc, so a benchmark can say who
 * used the cores while it measured (is the machine saturated, and by whom?). Times are seconds of CPU
 * (user + system, all threads of a process).
 */

/** Clock ticks per second of /proc times (`getconf CLK_TCK`, 100 on practically every Linux). */
const TICKS_PER_SECOND = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(result.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** utime + stime in ticks from one /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function ticksOfProcStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3 of the full line, utime 14 and stime 15 (proc(5)).
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`not a /proc stat line: ${stat}`);
  return utime + stime;
}

/** Busy and total ticks of all cores from the `cpu` line of /proc/stat (idle and iowait count as not busy). */
export function machineTicksOfProcStat(stat: string): { busy: number; total: number } {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

function processSeconds(pid: number): number {
  try {
    return ticksOfProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN; // exited, or not Linux
  }
}

function machineSeconds(): { busy: number; total: number } {
  try {
    const { busy, total } = machineTicksOfProcStat(readFileSync('/proc/stat', 'utf8'));
    return { busy: busy / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

export interface CpuShare {
  readonly name: string;
  /** CPU seconds used during the interval. */
  readonly seconds: number;
}

export interface CpuReport {
  readonly wallSeconds: number;
  readonly processes: readonly CpuShare[];
  /** CPU seconds all cores spent busy, every process of the machine included. */
  readonly machineBusySeconds: number;
  readonly cores: number;
}

/** Starts measuring the named processes; `stop()` returns what each used since. */
export function startCpuMeter(processes: Readonly<Record<string, number>>): { stop(): CpuReport } {
  const names = Object.keys(processes);
  const before = names.map((name) => processSeconds(processes[name] ?? -1));
  const machineBefore = machineSeconds();
  const started = performance.now();
  return {
    stop() {
      const wallSeconds = (performance.now() - started) / 1000;
      const machineAfter = machineSeconds();
      return {
        wallSeconds,
        processes: names.map((name, i) => ({
          name,
          seconds: processSeconds(processes[name] ?? -1) - (before[i] ?? Number.NaN),
        })),
        machineBusySeconds: machineAfter.busy - machineBefore.busy,
        cores: cpus().length,
      };
    },
  };
}

/**
 * `cpu  ingest 97% 71µs/req · kafka 38% 28µs/req · … · other 3% · machine 196% of 200%`: each process's
 * share of one core over the interval and its CPU per unit of work; `other` is whatever else ran on the
 * machine (busy time not used by the listed processes).
 */
export function formatCpuReport(report: CpuReport, units: number, unitName: string): string {
  const percent = (seconds: number) => `${Math.round((seconds / report.wallSeconds) * 100)}%`;
  const perUnit = (seconds: number) => `${((seconds / units) * 1e6).toFixed(1)}µs/${unitName}`;
  const listed = report.processes.reduce((sum, p) => sum + (Number.isFinite(p.seconds) ? p.seconds : 0), 0);
  const parts = report.processes.map((p) => `${p.name} ${percent(p.seconds)} ${perUnit(p.seconds)}`);
  parts.push(`other ${percent(Math.max(0, report.machineBusySeconds - listed))}`);
  parts.push(`machine ${percent(report.machineBusySeconds)} of ${report.cores * 100}%`);
  return `cpu  ${parts.join(' · ')}`;
}

/** The peak resident set size (`VmHWM`, in kB) of a /proc/<pid>/status text, in bytes. */
export function peakResidentBytesOfStatus(status: string): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error('no VmHWM line in /proc/<pid>/status');
  return Number(match[1]) * 1024;
}

/** A live process's peak resident set size so far, in bytes (NaN once it exited, or off Linux). */
export function peakResidentBytes(pid: number): number {
  try {
    return peakResidentBytesOfStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}
