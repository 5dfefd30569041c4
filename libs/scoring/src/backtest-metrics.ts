/**
 * How well a model's scores separate the leads that converted from those that did not: the figures a
 * backtest puts side by side for the live and a candidate model. Written here rather than taken from a
 * package: no maintained JavaScript library computes these for scored outcomes (the npm packages found
 * are unmaintained or native bindings), and each is a few lines of counting. The reference values in
 * the tests come from scikit-learn (`libs/scoring/test/backtest-metrics.reference.py`).
 */

/** One contact: its score under the model, and whether it converted (won, converted). */
export interface ScoredOutcome {
  readonly score: number;
  readonly converted: boolean;
}

/** The confusion counts and ratios of calling every contact scoring at least `threshold` a lead. */
export interface ThresholdMetrics {
  readonly threshold: number;
  readonly predictedPositive: number;
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly falseNegative: number;
  /** Of the contacts called leads, the share that converted; null when none is called a lead. */
  readonly precision: number | null;
  /** Of the contacts that converted, the share called leads; null when none converted. */
  readonly recall: number | null;
  /** The harmonic mean of precision and recall; null when either is null, 0 when both are 0. */
  readonly f1: number | null;
}

export function metricsAt(outcomes: readonly ScoredOutcome[], threshold: number): ThresholdMetrics {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const { score, converted } of outcomes) {
    const called = score >= threshold;
    if (called && converted) truePositive += 1;
    else if (called) falsePositive += 1;
    else if (converted) falseNegative += 1;
  }
  const predictedPositive = truePositive + falsePositive;
  const precision = predictedPositive === 0 ? null : truePositive / predictedPositive;
  const recall = truePositive + falseNegative === 0 ? null : truePositive / (truePositive + falseNegative);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { threshold, predictedPositive, truePositive, falsePositive, falseNegative, precision, recall, f1 };
}

/**
 * The area under the ROC curve: the chance that a converted contact scores above one that did not, ties
 * counting half (Mann–Whitney U over average ranks, which is what the trapezoidal ROC area gives).
 * Null when the contacts are all of one kind.
 */
export function rocAuc(outcomes: readonly ScoredOutcome[]): number | null {
  const positives = outcomes.filter((o) => o.converted).length;
  const negatives = outcomes.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  let rankSumOfPositives = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]?.score === sorted[start]?.score) end += 1;
    // Ranks start + 1 … end + 1 share their average.
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) if (sorted[i]?.converted) rankSumOfPositives += averageRank;
    start = end + 1;
  }
  return (rankSumOfPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** One tenth of the contacts by score, highest first. */
export interface DecileLift {
  /** 1 for the highest-scoring tenth. */
  readonly decile: number;
  readonly contacts: number;
  readonly converted: number;
  /** Conversion rate within the decile (null when it is empty). */
  readonly rate: number | null;
  /** The decile's rate over the overall rate (null when nothing converted, or the decile is empty). */
  readonly lift: number | null;
}

/**
 * Lift per decile: contacts ordered by score, highest first (ties keep their given order), cut into ten
 * parts whose sizes differ by one at most (decile k holds positions ⌊(k−1)·n/10⌋ … ⌊k·n/10⌋ − 1).
 */
export function liftByDecile(outcomes: readonly ScoredOutcome[]): DecileLift[] {
  const ordered = outcomes.map((o, index) => ({ ...o, index }));
  ordered.sort((a, b) => b.score - a.score || a.index - b.index);
  const total = ordered.length;
  const overall = total === 0 ? 0 : ordered.filter((o) => o.converted).length / total;
  return Array.from({ length: 10 }, (_, k) => {
    const part = ordered.slice(Math.floor((k * total) / 10), Math.floor(((k + 1) * total) / 10));
    const converted = part.filter((o) => o.converted).length;
    const rate = part.length === 0 ? null : converted / part.length;
    return {
      decile: k + 1,
      contacts: part.length,
      converted,
      rate,
      lift: rate === null || overall === 0 ? null : rate / overall,
    };
  });
}

/** Conversion per group (a tier, a grade): contacts, converted, rate; groups in first-seen order. */
export function conversionBy<G extends string>(
  outcomes: readonly (ScoredOutcome & { readonly group: G })[],
): { readonly group: G; readonly contacts: number; readonly converted: number; readonly rate: number }[] {
  const groups = new Map<G, { contacts: number; converted: number }>();
  for (const { group, converted } of outcomes) {
    const counts = groups.get(group) ?? { contacts: 0, converted: 0 };
    counts.contacts += 1;
    if (converted) counts.converted += 1;
    groups.set(group, counts);
  }
  return [...groups].map(([group, counts]) => ({
    group,
    ...counts,
    rate: counts.converted / counts.contacts,
  }));
}
