import { describe, expect, it } from '@jest/globals';
import {
  formatCpuReport,
  machineTicksOfProcStat,
  peakResidentBytes,
  peakResidentBytesOfStatus,
  startCpuMeter,
  ticksOfProcStat,
} from './process-cpu.js';

describe('process CPU from /proc', () => {
  it('reads utime + stime of a stat line whose command holds spaces and parentheses', () => {
    const line =
      '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 11 0 100 1000000 5000 18446744073709551615';
    expect(ticksOfProcStat(line)).toBe(1290);
  });

  it('reads the peak resident set size of a status text, and of this process', () => {
    expect(
      peakResidentBytesOfStatus('Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n'),
    ).toBe(123456 * 1024);
    expect(() => peakResidentBytesOfStatus('Name:\tnode\n')).toThrow('no VmHWM line');
    expect(peakResidentBytes(process.pid)).toBeGreaterThanOrEqual(process.memoryUsage().rss);
  });

  it('counts idle and iowait as not busy on the machine line', () => {
    const stat = 'cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n';
    expect(machineTicksOfProcStat(stat)).toEqual({ busy: 160, total: 1000 });
  });

  it('formats each process as a share of one core and per unit of work, plus the rest of the machine', () => {
    const line = formatCpuReport(
      {
        wallSeconds: 10,
        processes: [
          { name: 'server', seconds: 9.5 },
          { name: 'kafka', seconds: 4 },
        ],
        machineBusySeconds: 19.6,
        cores: 2,
      },
      100_000,
      'req',
    );
    expect(line).toBe('cpu  server 95% 95.0µs/req · kafka 40% 40.0µs/req · other 61% · machine 196% of 200%');
  });

  it('measures this process', () => {
    const meter = startCpuMeter({ self: process.pid });
    const report = meter.stop();
    expect(report.processes[0]?.seconds).toBeGreaterThanOrEqual(0);
    expect(report.machineBusySeconds).toBeGreaterThanOrEqual(0);
    expect(report.cores).toBeGreaterThan(0);
  });
});
