import { pointsFromCloseRates, ScoringInputError } from '@leadscore/scoring';
import { answerOf, DEFAULT_PLACEHOLDERS } from './features.js';

/** One lead: its answer to the column (null when not answered; trimmed) and whether it converted. */
export interface CloseRateRow {
  readonly value: string | null;
  readonly converted: boolean;
}

export interface CloseRateOptions {
  /** Leads a value needs for points of its own; rarer values pool into one "other" group. Default 30. */
  readonly minSupport?: number;
  /** Points per unit of lift, as in `pointsFromCloseRates`. Default 1. */
  readonly pointsPerLift?: number;
  /**
   * Answers that mean "not answered", as the feature columns read them (`answerOf`: trimmed, compared
   * case-insensitively; empty is always not answered). Default `DEFAULT_PLACEHOLDERS`.
   */
  readonly placeholders?: readonly string[];
}

/** Leads, conversions, their rate and its lift over the overall rate. */
export interface ConversionCounts {
  readonly leads: number;
  readonly conversions: number;
  readonly rate: number;
  /** `rate` over the overall rate. */
  readonly lift: number;
}

/** A value with enough leads for points of its own, or the pool of the rarer ones. */
export type ValueSuggestion = ConversionCounts & {
  /** Null for the pooled group. */
  readonly value: string | null;
  readonly kind: 'value' | 'other';
  /** The values pooled into the "other" group (sorted); empty for a value of its own. */
  readonly pooledValues: readonly string[];
  /** Suggested points; null when the pool itself lacks support (see `reason`). */
  readonly points: number | null;
  /** Why no points were suggested; null when they were. */
  readonly reason: string | null;
};

export interface CloseRateSuggestions {
  /** Over all leads, answered or not. */
  readonly overall: { readonly leads: number; readonly conversions: number; readonly rate: number };
  /** Points descending (the pool without points last), then value; the pool after values on equal points. */
  readonly suggestions: readonly ValueSuggestion[];
  /** Leads that left the column empty or answered a placeholder: their rate is shown, never scored. */
  readonly notAnswered: (ConversionCounts & { readonly reason: string }) | null;
}

/**
 * Points for each answer to one categorical column from how its leads converted.
 *
 * At or above the overall rate a value earns `pointsFromCloseRates` — its lift times `pointsPerLift`
 * (1 % overall and 20 % for the value: 20 points). Below it the points are negative and bounded:
 * −pointsPerLift × (1 − lift), so a value that never converts gets −pointsPerLift and one just below
 * average about 0. The penalty is the shortfall, not a mirrored lift (−1/lift), which would let a value
 * converting once in a thousand leads outweigh every positive answer. The two sides do not meet at lift 1:
 * the close-rate rule gives an exactly average value one lift's worth of points.
 *
 * Values with fewer than `minSupport` leads are pooled and get the pool's points; a pool under
 * `minSupport` itself gets none. "Not answered" is reported with its rate but never given points: rules
 * score answers, and the absence of one is the baseline.
 */
export function suggestPointsByCloseRate(
  rows: readonly CloseRateRow[],
  options: CloseRateOptions = {},
): CloseRateSuggestions {
  const { minSupport = 30, pointsPerLift = 1, placeholders = DEFAULT_PLACEHOLDERS } = options;
  if (!(Number.isInteger(minSupport) && minSupport >= 1)) {
    throw new ScoringInputError(`minSupport must be a whole number of leads ≥ 1, got ${minSupport}`);
  }
  if (!(Number.isFinite(pointsPerLift) && pointsPerLift > 0)) {
    throw new ScoringInputError(`pointsPerLift must be a positive number, got ${pointsPerLift}`);
  }
  if (rows.length === 0) throw new ScoringInputError('no leads: close rates need at least one');
  const conversions = rows.filter((r) => r.converted).length;
  if (conversions === 0) {
    throw new ScoringInputError(
      `none of the ${rows.length} leads converted: there is no rate to compare with`,
    );
  }
  if (conversions === rows.length) {
    throw new ScoringInputError(`all ${rows.length} leads converted: no value can convert better or worse`);
  }
  const overallRate = conversions / rows.length;

  const byValue = new Map<string, { leads: number; conversions: number }>();
  const missing = { leads: 0, conversions: 0 };
  for (const row of rows) {
    const value = answerOf(row.value ?? undefined, placeholders);
    let counts = missing;
    if (value !== null) {
      counts = byValue.get(value) ?? { leads: 0, conversions: 0 };
      byValue.set(value, counts);
    }
    counts.leads += 1;
    if (row.converted) counts.conversions += 1;
  }

  const countsOf = (c: { leads: number; conversions: number }): ConversionCounts => {
    const rate = c.conversions / c.leads;
    return { leads: c.leads, conversions: c.conversions, rate, lift: rate / overallRate };
  };
  const pointsOf = ({ rate, lift }: ConversionCounts): number =>
    lift >= 1
      ? pointsFromCloseRates({ baselineCloseRate: overallRate, actionCloseRate: rate, pointsPerLift })
      : -Math.round(pointsPerLift * (1 - lift) * 100) / 100 || 0;

  const suggestions: ValueSuggestion[] = [];
  const pool = { leads: 0, conversions: 0 };
  const pooledValues: string[] = [];
  for (const [value, c] of byValue) {
    if (c.leads < minSupport) {
      pool.leads += c.leads;
      pool.conversions += c.conversions;
      pooledValues.push(value);
      continue;
    }
    const counts = countsOf(c);
    suggestions.push({
      value,
      kind: 'value',
      pooledValues: [],
      ...counts,
      points: pointsOf(counts),
      reason: null,
    });
  }
  if (pooledValues.length > 0) {
    const counts = countsOf(pool);
    const supported = pool.leads >= minSupport;
    suggestions.push({
      value: null,
      kind: 'other',
      pooledValues: pooledValues.sort(byCodeUnits),
      ...counts,
      points: supported ? pointsOf(counts) : null,
      reason: supported
        ? null
        : `${pooledValues.length} rare value(s) pooled as "other" have ${pool.leads} leads together, ` +
          `under the minimum support of ${minSupport}: no points`,
    });
  }
  suggestions.sort(
    (a, b) =>
      byPointsDescending(a.points, b.points) ||
      (a.kind === b.kind ? 0 : a.kind === 'value' ? -1 : 1) ||
      byCodeUnits(a.value ?? '', b.value ?? ''),
  );

  return {
    overall: { leads: rows.length, conversions, rate: overallRate },
    suggestions,
    notAnswered:
      missing.leads === 0
        ? null
        : {
            ...countsOf(missing),
            reason: 'not answered: reported for its rate, never given points (rules score answers)',
          },
  };
}

/** Locale-independent order, so the same rows give the same output everywhere. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Higher points first; no points after any points. */
function byPointsDescending(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b - a;
}
