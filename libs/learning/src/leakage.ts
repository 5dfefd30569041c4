import { rocAuc, ScoringInputError } from '@leadscore/scoring';

/** One candidate input column, a value (or null) per lead, in the same order as the outcomes. */
export type LeakageColumn =
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly (string | null)[] }
  | { readonly name: string; readonly kind: 'numeric'; readonly values: readonly (number | null)[] };

export interface LeakageOptions {
  /** A column whose single-column ROC AUC reaches this is flagged as leaky. Default 0.95. */
  readonly threshold?: number;
  /**
   * Categorical values with fewer leads share one pooled rate. Default 10: without it a column of
   * identifiers (every value unique, so each value's rate is 0 or 1) would look perfectly predictive.
   */
  readonly minSupport?: number;
  /** Below this share of the smaller class, the balance carries a warning. Default 0.05. */
  readonly imbalanceWarningShare?: number;
  /** Flagged columns to keep anyway (the caller has checked they are known before the conversion). */
  readonly keep?: readonly string[];
}

export interface ColumnLeakage {
  readonly name: string;
  readonly kind: LeakageColumn['kind'];
  /**
   * How well the column alone separates converted leads, as max(AUC, 1 − AUC): categorical values scored
   * by their conversion rate (null answers are a value of their own), numeric ones by the value itself
   * over the leads that have one — or, when higher, by whether a lead has a value at all. Null when the
   * leads scored are all of one kind.
   */
  readonly auc: number | null;
  readonly leaky: boolean;
  /** Leaky and not kept: leave it out of learning. */
  readonly excluded: boolean;
  /** Why the column is leaky; null when it is not. */
  readonly reason: string | null;
}

export interface ClassBalance {
  readonly positives: number;
  readonly negatives: number;
  readonly positiveShare: number;
  /** The smaller class's share of all leads. */
  readonly minorityShare: number;
  /** Set when the smaller class is under `imbalanceWarningShare` (or missing). */
  readonly warning: string | null;
}

export interface LeakageReport {
  readonly columns: readonly ColumnLeakage[];
  /** Names of the columns that may be learned from: not leaky, or kept. */
  readonly included: readonly string[];
  readonly excluded: readonly { readonly name: string; readonly reason: string }[];
  readonly classBalance: ClassBalance;
}

/**
 * Hygiene before learning: any column that on its own predicts the outcome almost perfectly is most
 * likely filled in after the conversion (a field sales sets once they have talked to the lead), so it is
 * flagged and left out unless the caller keeps it; and the class balance is reported, with a warning
 * when conversions (or non-conversions) are rare enough to make accuracy meaningless.
 */
export function leakageChecks(
  columns: readonly LeakageColumn[],
  outcomes: readonly boolean[],
  options: LeakageOptions = {},
): LeakageReport {
  const { threshold = 0.95, minSupport = 10, imbalanceWarningShare = 0.05, keep = [] } = options;
  if (!(threshold > 0.5 && threshold <= 1)) {
    throw new ScoringInputError(`threshold must be in (0.5, 1], got ${threshold}`);
  }
  if (!(Number.isInteger(minSupport) && minSupport >= 1)) {
    throw new ScoringInputError(`minSupport must be a whole number of leads ≥ 1, got ${minSupport}`);
  }
  if (outcomes.length === 0)
    throw new ScoringInputError('no outcomes: leakage checks need at least one lead');
  const names = new Set<string>();
  for (const column of columns) {
    if (names.has(column.name)) throw new ScoringInputError(`column ${column.name} is given twice`);
    names.add(column.name);
    if (column.values.length !== outcomes.length) {
      throw new ScoringInputError(
        `column ${column.name} has ${column.values.length} values for ${outcomes.length} outcomes`,
      );
    }
  }

  const kept = new Set(keep);
  const report = columns.map((column): ColumnLeakage => {
    const auc =
      column.kind === 'categorical'
        ? categoricalAuc(column.values, outcomes, minSupport)
        : numericAuc(column.values, outcomes, column.name);
    const leaky = auc !== null && auc >= threshold;
    return {
      name: column.name,
      kind: column.kind,
      auc,
      leaky,
      excluded: leaky && !kept.has(column.name),
      reason: leaky
        ? `${column.name} alone separates converted leads with ROC AUC ${auc.toFixed(3)} (≥ ${threshold}): ` +
          'probably filled in after the conversion'
        : null,
    };
  });

  return {
    columns: report,
    included: report.filter((c) => !c.excluded).map((c) => c.name),
    excluded: report.flatMap((c) =>
      c.excluded && c.reason !== null ? [{ name: c.name, reason: c.reason }] : [],
    ),
    classBalance: classBalanceOf(outcomes, imbalanceWarningShare),
  };
}

/** Of a contact's events, those strictly before its conversion (all of them when it never converted). */
export function beforeConversion<E extends { readonly time: number }>(
  events: readonly E[],
  convertedAt: number | null,
): E[] {
  if (convertedAt === null) return [...events];
  if (!Number.isFinite(convertedAt))
    throw new ScoringInputError(`convertedAt must be a time, got ${convertedAt}`);
  return events.filter((e) => e.time < convertedAt);
}

const separation = (auc: number | null): number | null => (auc === null ? null : Math.max(auc, 1 - auc));

function categoricalAuc(
  values: readonly (string | null)[],
  outcomes: readonly boolean[],
  minSupport: number,
): number | null {
  const counts = new Map<string | null, { leads: number; conversions: number }>();
  values.forEach((value, i) => {
    const c = counts.get(value) ?? { leads: 0, conversions: 0 };
    c.leads += 1;
    if (outcomes[i] === true) c.conversions += 1;
    counts.set(value, c);
  });
  const pool = { leads: 0, conversions: 0 };
  for (const c of counts.values()) {
    if (c.leads >= minSupport) continue;
    pool.leads += c.leads;
    pool.conversions += c.conversions;
  }
  const rateOf = (value: string | null): number => {
    const c = counts.get(value) ?? pool;
    return c.leads >= minSupport ? c.conversions / c.leads : pool.conversions / pool.leads;
  };
  return separation(
    rocAuc(values.map((value, i) => ({ score: rateOf(value), converted: outcomes[i] === true }))),
  );
}

function numericAuc(
  values: readonly (number | null)[],
  outcomes: readonly boolean[],
  name: string,
): number | null {
  const present = [];
  for (const [i, value] of values.entries()) {
    if (value === null) continue;
    if (!Number.isFinite(value)) throw new ScoringInputError(`column ${name} has ${value} at ${i}`);
    present.push({ score: value, converted: outcomes[i] === true });
  }
  const byValue = separation(rocAuc(present));
  const byPresence = separation(
    rocAuc(values.map((value, i) => ({ score: value === null ? 0 : 1, converted: outcomes[i] === true }))),
  );
  if (byValue === null) return byPresence;
  return byPresence === null ? byValue : Math.max(byValue, byPresence);
}

function classBalanceOf(outcomes: readonly boolean[], warningShare: number): ClassBalance {
  const positives = outcomes.filter((o) => o).length;
  const negatives = outcomes.length - positives;
  const positiveShare = positives / outcomes.length;
  const minorityShare = Math.min(positiveShare, 1 - positiveShare);
  const minority = positives <= negatives ? 'converted' : 'not converted';
  const warning =
    minorityShare === 0
      ? `all ${outcomes.length} leads are ${positives === 0 ? 'not converted' : 'converted'}: nothing to learn from`
      : minorityShare < warningShare
        ? `only ${(minorityShare * 100).toFixed(1)} % of leads are ${minority} (${Math.min(positives, negatives)} ` +
          `of ${outcomes.length}): accuracy says little, read the ROC AUC and the calibration`
        : null;
  return { positives, negatives, positiveShare, minorityShare, warning };
}
