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
  /** Lines printed under the case's result, e.g. the CPU each process used meanwhile. */
  readonly notes?: readonly string[];
}

export interface BenchmarkCase {
  readonly name: string;
  readonly run: () => Promise<Measurement>;
}

export interface BenchmarkDefinition {
  readonly name: string;
  readonly baseline: BenchmarkCase;
  readonly subject: BenchmarkCase;
  /**
   * Further cases measured in every round between baseline and subject, e.g. a floor that does the
   * least any implementation must do; each prints its rate and its ratios to baseline and subject.
   * The headline ratio stays subject/baseline.
   */
  readonly references?: readonly BenchmarkCase[];
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
  readonly references: readonly CaseResult[];
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

export function formatCaseLine(
  role: 'baseline' | 'subject' | 'reference',
  result: CaseResult,
  units: string,
): string {
  return `${role.padEnd(8)} ${result.name}: ${result.count} ${units} in ${result.seconds.toFixed(3)} s = ${formatRate(result.rate, units)}`;
}

/** The contract with scripts and CI: `ratio <subject>/<baseline>: X.XX`, the last line printed. */
export function formatRatioLine(subject: string, baseline: string, ratio: number): string {
  return `ratio ${subject}/${baseline}: ${ratio.toFixed(2)}`;
}

/** A reference's place between baseline and subject; deliberately not a `ratio` line (that is the headline's). */
export function formatReferenceLine(
  reference: CaseResult,
  baseline: CaseResult,
  subject: CaseResult,
): string {
  const share = (a: CaseResult, b: CaseResult) => `${a.name}/${b.name} ${(a.rate / b.rate).toFixed(2)}`;
  return `context  ${share(reference, baseline)}, ${share(subject, reference)}`;
}

async function measure(benchmarkCase: BenchmarkCase): Promise<CaseResult> {
  const measurement = await benchmarkCase.run();
  return { name: benchmarkCase.name, ...measurement, rate: rateOf(measurement) };
}

const best = (a: CaseResult | undefined, b: CaseResult): CaseResult => (a && a.rate >= b.rate ? a : b);

export async function runBenchmark(definition: BenchmarkDefinition): Promise<BenchmarkResult> {
  const write = definition.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const rounds = definition.rounds ?? 1;
  const referenceCases = definition.references ?? [];
  const printCase = (role: 'baseline' | 'subject' | 'reference', result: CaseResult, prefix: string) => {
    write(`${prefix}${formatCaseLine(role, result, definition.units)}`);
    for (const note of result.notes ?? []) write(`${prefix}         ${note}`);
  };
  write(`benchmark ${definition.name} (${rounds} round${rounds === 1 ? '' : 's'})`);
  let baseline: CaseResult | undefined;
  let subject: CaseResult | undefined;
  const references: (CaseResult | undefined)[] = referenceCases.map(() => undefined);
  for (let round = 1; round <= rounds; round += 1) {
    const prefix = `  round ${round} `;
    const b = await measure(definition.baseline);
    if (rounds > 1) printCase('baseline', b, prefix);
    for (const [i, referenceCase] of referenceCases.entries()) {
      const r = await measure(referenceCase);
      if (rounds > 1) printCase('reference', r, prefix);
      references[i] = best(references[i], r);
    }
    const s = await measure(definition.subject);
    if (rounds > 1) printCase('subject', s, prefix);
    baseline = best(baseline, b);
    subject = best(subject, s);
  }
  if (!baseline || !subject) throw new Error('runBenchmark: rounds must be at least 1');
  const measuredReferences = references.filter((r): r is CaseResult => r !== undefined);
  const ratio = subject.rate / baseline.rate;
  printCase('baseline', baseline, '');
  for (const reference of measuredReferences) printCase('reference', reference, '');
  printCase('subject', subject, '');
  for (const reference of measuredReferences) write(formatReferenceLine(reference, baseline, subject));
  write(formatRatioLine(subject.name, baseline.name, ratio));
  return { name: definition.name, baseline, subject, references: measuredReferences, ratio };
}
