import { rocAuc, ScoringInputError } from '@leadscore/scoring';

/**
 * A seeded source of uniform numbers in [0, 1) (mulberry32: 32 bits of state, fast, good enough to
 * shuffle and to draw synthetic data; not for anything secret). The same seed gives the same sequence.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new ScoringInputError(`seed must be a whole number, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Row indexes of a held-out split, each list ascending. */
export interface Split {
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/**
 * Splits rows 0 … n−1 into train and test: a Fisher–Yates shuffle driven by `seededRandom(seed)`, the
 * first round(n × testShare) positions held out (at least one row on each side). Not stratified: with few
 * conversions, check that the test side has some (`evaluateProbabilities` reports a null AUC otherwise).
 */
export function seededSplit(n: number, testShare: number, seed: number): Split {
  if (!(Number.isInteger(n) && n >= 2))
    throw new ScoringInputError(`a split needs at least 2 rows, got ${n}`);
  if (!(testShare > 0 && testShare < 1)) {
    throw new ScoringInputError(`testShare must be between 0 and 1 (exclusive), got ${testShare}`);
  }
  const random = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const testCount = Math.min(n - 1, Math.max(1, Math.round(n * testShare)));
  const ascending = (a: number, b: number): number => a - b;
  return { test: order.slice(0, testCount).sort(ascending), train: order.slice(testCount).sort(ascending) };
}

/** One uniform bin of predicted probability: [lower, upper], lower excluded except in the first bin. */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean predicted probability in the bin; null when it is empty. */
  readonly meanPredicted: number | null;
  /** Share of the bin's leads that converted; null when it is empty. */
  readonly observedRate: number | null;
}

export interface ProbabilityEvaluation {
  readonly count: number;
  readonly positives: number;
  /** Null when the leads are all of one kind. */
  readonly rocAuc: number | null;
  /** Share called right when a probability of at least 0.5 predicts a conversion. */
  readonly accuracy: number;
  /** Mean squared difference between probability and outcome (0 perfect, 0.25 a constant 0.5). */
  readonly brierScore: number;
  /** Mean negative log-likelihood, probabilities clipped to [ε, 1 − ε] (ε = 2⁻⁵², as scikit-learn does). */
  readonly logLoss: number;
  readonly calibration: readonly CalibrationBin[];
}

/**
 * How good predicted conversion probabilities are on held-out leads. The calibration table has `bins`
 * uniform bins over [0, 1] (default 10); a probability on an inner edge falls in the lower bin, as in
 * scikit-learn's `calibration_curve(strategy='uniform')`, whose two arrays are the non-empty bins'
 * `observedRate` and `meanPredicted` (test/evaluation.reference.py).
 */
export function evaluateProbabilities(
  probabilities: readonly number[],
  outcomes: readonly boolean[],
  options: { readonly bins?: number } = {},
): ProbabilityEvaluation {
  const { bins = 10 } = options;
  if (probabilities.length !== outcomes.length) {
    throw new ScoringInputError(
      `${probabilities.length} probabilities for ${outcomes.length} outcomes: they must pair up`,
    );
  }
  if (probabilities.length === 0) throw new ScoringInputError('nothing to evaluate: no probabilities');
  if (!(Number.isInteger(bins) && bins >= 1)) {
    throw new ScoringInputError(`bins must be a whole number ≥ 1, got ${bins}`);
  }
  const badAt = probabilities.findIndex((p) => !(p >= 0 && p <= 1));
  if (badAt >= 0) {
    throw new ScoringInputError(`probability ${probabilities[badAt]} at ${badAt} is outside [0, 1]`);
  }

  const count = probabilities.length;
  let positives = 0;
  let correct = 0;
  let squaredError = 0;
  let negativeLogLikelihood = 0;
  // numpy's linspace(0, 1, bins + 1): edge i is i × (1 / bins), the last exactly 1.
  const step = 1 / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step));
  const binCounts = new Array<number>(bins).fill(0);
  const binSums = new Array<number>(bins).fill(0);
  const binPositives = new Array<number>(bins).fill(0);
  probabilities.forEach((p, i) => {
    const y = outcomes[i] === true ? 1 : 0;
    positives += y;
    if ((p >= 0.5 ? 1 : 0) === y) correct += 1;
    squaredError += (p - y) ** 2;
    negativeLogLikelihood -= Math.log(clip(y === 1 ? p : 1 - p));
    const bin = binOf(p, edges);
    binCounts[bin] = (binCounts[bin] ?? 0) + 1;
    binSums[bin] = (binSums[bin] ?? 0) + p;
    binPositives[bin] = (binPositives[bin] ?? 0) + y;
  });

  return {
    count,
    positives,
    rocAuc: rocAuc(probabilities.map((score, i) => ({ score, converted: outcomes[i] === true }))),
    accuracy: correct / count,
    brierScore: squaredError / count,
    logLoss: negativeLogLikelihood / count,
    calibration: binCounts.map((n, b) => ({
      lower: edges[b] ?? 0,
      upper: edges[b + 1] ?? 1,
      count: n,
      meanPredicted: n === 0 ? null : (binSums[b] ?? 0) / n,
      observedRate: n === 0 ? null : (binPositives[b] ?? 0) / n,
    })),
  };
}

const EPSILON = Number.EPSILON;
const clip = (p: number): number => Math.min(1 - EPSILON, Math.max(EPSILON, p));

/** numpy's searchsorted(edges[1:-1], p), side left: the number of inner edges strictly below p. */
function binOf(p: number, edges: readonly number[]): number {
  let bin = 0;
  while (bin < edges.length - 2 && (edges[bin + 1] ?? 1) < p) bin += 1;
  return bin;
}
