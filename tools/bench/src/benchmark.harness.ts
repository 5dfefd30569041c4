/**
 * The harness every benchmark uses: one baseline (the plain library doing the same work) and one
 * subject (our code), measured in the same run on the same machine, so the printed ratio means
 * something even on a noisy 2-core CI box. The ratio is always the last line of output, for scripts.
 */

export interface Measurement {
  /** Units of work done (messages, rows, requests). */
  readonly count: number;
  /** Wall-clock seconds the work took. */
  readonly seconds: number;
}

export interface BenchmarkCase {
  readonly name: string;
  readonly run: () => Promise<Measurement>;
}

export interface BenchmarkDefinition {
  readonly name: string;
  readonly baseline: BenchmarkCase;
  readonly subject: BenchmarkCase;
  /** What `count` counts, e.g. `msg`: rates print as `msg/s`. */
  readonly units: string;
  /** Runs of each case, alternating baseline and subject; the best rate of each is kept (default 1). */
  readonly rounds?: number;
  /** Where lines go (default stdout). */
  readonly write?: (line: string) => void;
}

export interface CaseResult extends Measurement {
  readonly name: string;
  readonly rate: number;
}

export interface BenchmarkResult {
  readonly name: string;
  readonly baseline: CaseResult;
  readonly subject: CaseResult;
  /** subject rate / baseline rate: above 1 means our code is faster. */
  readonly ratio: number;
}

export function rateOf({ count, seconds }: Measurement): number {
  if (!(seconds > 0)) throw new Error(`a measurement needs a positive duration, got ${seconds} s`);
  return count / seconds;
}

/** `123,456 msg/s` — whole units with thousands separators, fixed locale so logs compare. */
export function formatRate(rate: number, units: string): string {
  return `${Math.round(rate).toLocaleString('en-US')} ${units}/s`;
}

export function formatCaseLine(role: 'baseline' | 'subject', result: CaseResult, units: string): string {
  return `${role.padEnd(8)} ${result.name}: ${result.count} ${units} in ${result.seconds.toFixed(3)} s = ${formatRate(result.rate, units)}`;
}

/** The contract with scripts and CI: `ratio <subject>/<baseline>: X.XX`, the last line printed. */
export function formatRatioLine(subject: string, baseline: string, ratio: number): string {
  return `ratio ${subject}/${baseline}: ${ratio.toFixed(2)}`;
}

async function measure(benchmarkCase: BenchmarkCase): Promise<CaseResult> {
  const measurement = await benchmarkCase.run();
  return { name: benchmarkCase.name, ...measurement, rate: rateOf(measurement) };
}

const best = (a: CaseResult | undefined, b: CaseResult): CaseResult => (a && a.rate >= b.rate ? a : b);

export async function runBenchmark(definition: BenchmarkDefinition): Promise<BenchmarkResult> {
  const write = definition.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const rounds = definition.rounds ?? 1;
  write(`benchmark ${definition.name} (${rounds} round${rounds === 1 ? '' : 's'})`);
  let baseline: CaseResult | undefined;
  let subject: CaseResult | undefined;
  for (let round = 1; round <= rounds; round += 1) {
    const b = await measure(definition.baseline);
    if (rounds > 1) write(`  round ${round} ${formatCaseLine('baseline', b, definition.units)}`);
    const s = await measure(definition.subject);
    if (rounds > 1) write(`  round ${round} ${formatCaseLine('subject', s, definition.units)}`);
    baseline = best(baseline, b);
    subject = best(subject, s);
  }
  if (!baseline || !subject) throw new Error('runBenchmark: rounds must be at least 1');
  const ratio = subject.rate / baseline.rate;
  write(formatCaseLine('baseline', baseline, definition.units));
  write(formatCaseLine('subject', subject, definition.units));
  write(formatRatioLine(subject.name, baseline.name, ratio));
  return { name: definition.name, baseline, subject, ratio };
}
