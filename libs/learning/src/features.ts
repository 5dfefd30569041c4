import { type CategoryFeature, type CountFeature } from '@leadscore/contracts';
import { ScoringInputError } from '@leadscore/scoring';

/**
 * How one column of past leads becomes features the live scorer also knows (schemas/learning
 * feature-mapping): a profile field whose values become one-hot columns, or an event count (visits, page
 * views) scaled to mean 0 and standard deviation 1.
 */
export type FeatureSource = CategoryFeature | CountFeature;

/** One column of the design matrix. */
export type FeatureColumn =
  | {
      readonly kind: 'category';
      readonly source: string;
      readonly field: string;
      readonly value: string;
      readonly placeholders?: readonly string[];
    }
  | {
      readonly kind: 'count';
      readonly source: string;
      readonly event: string | null;
      /** The training rows' mean and standard deviation: live counts are scaled the same way. */
      readonly mean: number;
      readonly sd: number;
    };

export interface Design {
  readonly columns: readonly FeatureColumn[];
  readonly matrix: readonly (readonly number[])[];
}

/** One lead as the table gives it: cell text by column name. */
export type LeadRow = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PLACEHOLDERS: readonly string[] = ['', 'select', 'n/a', 'na', 'none', '-', 'null'];

/** The answer a category cell gives, or null for "not answered" (empty or a placeholder). */
export function answerOf(
  cell: string | undefined,
  placeholders: readonly string[] = DEFAULT_PLACEHOLDERS,
): string | null {
  const text = (cell ?? '').trim();
  const lowered = text.toLowerCase();
  return placeholders.some((p) => p.trim().toLowerCase() === lowered) || text === '' ? null : text;
}

/** A count cell as a number (empty: 0 — no activity recorded); anything else is an error naming the cell. */
export function countOf(cell: string | undefined, where: string): number {
  const text = (cell ?? '').trim();
  if (text === '') return 0;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new ScoringInputError(`${where}: "${text}" is not a count (a number of 0 or more)`);
  return value;
}

/**
 * Learns the feature columns from training rows: per category source, one column per value answered by
 * at least `minSupport` rows (rarer values and "not answered" are the baseline, all zeros); per count
 * source, one column scaled by the rows' mean and standard deviation (a constant column is left out:
 * it tells nothing).
 */
export function learnColumns(
  rows: readonly LeadRow[],
  sources: readonly FeatureSource[],
  minSupport = 10,
): FeatureColumn[] {
  const columns: FeatureColumn[] = [];
  for (const source of sources) {
    if (source.kind === 'category') {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const answer = answerOf(row[source.column], source.placeholders);
        if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
      }
      [...counts]
        .filter(([, n]) => n >= minSupport)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .forEach(([value]) =>
          columns.push({
            kind: 'category',
            source: source.column,
            field: source.field,
            value,
            ...(source.placeholders ? { placeholders: source.placeholders } : {}),
          }),
        );
    } else {
      const values = rows.map((row, i) =>
        countOf(row[source.column], `row ${i + 1}, column "${source.column}"`),
      );
      const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length));
      if (sd > 0) columns.push({ kind: 'count', source: source.column, event: source.event, mean, sd });
    }
  }
  return columns;
}

/** The design matrix of rows under learned columns (the same columns for training, held-out and live rows). */
export function designOf(rows: readonly LeadRow[], columns: readonly FeatureColumn[]): Design {
  const matrix = rows.map((row, i) =>
    columns.map((column) => {
      if (column.kind === 'category')
        return answerOf(row[column.source], column.placeholders) === column.value ? 1 : 0;
      return (
        (countOf(row[column.source], `row ${i + 1}, column "${column.source}"`) - column.mean) / column.sd
      );
    }),
  );
  return { columns, matrix };
}

/** A fitted weight read as points: per answer for a category, per one more event for a count. */
export interface FeaturePoints {
  readonly column: FeatureColumn;
  readonly coefficient: number;
  /** Points at `pointsPerLogOdds` per unit of log-odds, rounded to hundredths. */
  readonly points: number;
}

/**
 * The point table of a fit: each coefficient in points (`pointsPerLogOdds` points per unit of log-odds;
 * default 10), a count's per one event (its coefficient is per standard deviation), largest first.
 */
export function pointTable(
  coefficients: readonly number[],
  columns: readonly FeatureColumn[],
  pointsPerLogOdds = 10,
): FeaturePoints[] {
  if (coefficients.length !== columns.length)
    throw new ScoringInputError(`${coefficients.length} coefficients for ${columns.length} feature columns`);
  return columns
    .map((column, j) => {
      const coefficient = coefficients[j] ?? 0;
      const perUnit = column.kind === 'count' ? coefficient / column.sd : coefficient;
      const points = Math.round(perUnit * pointsPerLogOdds * 100) / 100;
      return { column, coefficient, points: points === 0 ? 0 : points };
    })
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}
