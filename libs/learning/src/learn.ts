import { type FeatureMapping, type PredictiveFeature } from '@leadscore/contracts';
import { ScoringInputError } from '@leadscore/scoring';
import { stringify } from 'yaml';
import { suggestPointsByCloseRate, type CloseRateSuggestions } from './close-rate-suggestions.js';
import { evaluateProbabilities, seededSplit, type ProbabilityEvaluation } from './evaluation.js';
import {
  answerOf,
  countOf,
  designOf,
  learnColumns,
  pointTable,
  type FeaturePoints,
  type FeatureSource,
} from './features.js';
import { leakageChecks, type LeakageColumn, type LeakageReport } from './leakage.js';
import { cellName, outcomesOf, type LeadTable } from './lead-table.js';
import { fitLogisticRegression, predictProbability } from './logistic-regression.js';

export interface LearnOptions {
  /** The regression's inverse regularisation strength (default 1). */
  readonly C?: number;
  /** Share of the leads held out to evaluate the fit (default 0.3), drawn with `seed` (default 7). */
  readonly testShare?: number;
  readonly seed?: number;
  /** Leads a value needs to get a column of its own (default 10; rarer ones are the baseline). */
  readonly minSupport?: number;
  /** A single column predicting the outcome with a ROC AUC at least this is left out (default 0.95). */
  readonly leakageThreshold?: number;
  /** Columns kept even when flagged as leaky. */
  readonly keep?: readonly string[];
  /** Points per unit of log-odds in the point table (default 10). */
  readonly pointsPerLogOdds?: number;
}

export interface LearnReport {
  readonly leads: number;
  readonly trainLeads: number;
  readonly testLeads: number;
  /** Leakage per column and the class balance; flagged columns are left out of everything below. */
  readonly leakage: LeakageReport;
  /** Columns left out, with why: the mapping's ignored ones and the leaky ones. */
  readonly leftOut: readonly { readonly column: string; readonly reason: string }[];
  /** Close-rate points per profile field (all leads). */
  readonly closeRates: readonly {
    readonly column: string;
    readonly field: string;
    readonly suggestions: CloseRateSuggestions;
  }[];
  /** The regression fitted on the training leads, as points. */
  readonly regression: {
    readonly C: number;
    readonly pointsPerLogOdds: number;
    readonly converged: boolean;
    readonly iterations: number;
    readonly intercept: number;
    readonly points: readonly FeaturePoints[];
  };
  /** The fit's probabilities on the held-out leads. */
  readonly evaluation: ProbabilityEvaluation;
}

function leakageColumnOf(source: FeatureSource, table: LeadTable): LeakageColumn {
  if (source.kind === 'category')
    return {
      name: source.column,
      kind: 'categorical',
      values: table.rows.map((row) => answerOf(row[source.column], source.placeholders)),
    };
  // Every count cell is checked here, named by its line in the file (the split reorders the rows later).
  // An empty one has no value for the leakage check (whether it is filled may give the outcome away);
  // learning reads it as 0.
  return {
    name: source.column,
    kind: 'numeric',
    values: table.rows.map((row, i) =>
      (row[source.column] ?? '').trim() === ''
        ? null
        : countOf(row[source.column], cellName(table, i, source.column)),
    ),
  };
}

/**
 * Learns from past leads through a reviewed mapping: leaky columns flagged and left out, close-rate
 * points per profile field, and an L2 logistic regression fitted on a seeded training split and
 * evaluated on the held-out leads (ROC AUC, accuracy, Brier score, calibration).
 */
export function learnFromLeads(
  table: LeadTable,
  mapping: FeatureMapping,
  options: LearnOptions = {},
): LearnReport {
  const outcomes = outcomesOf(table, mapping.outcome);
  const missing = mapping.features.filter((f) => !table.columns.includes(f.column)).map((f) => f.column);
  if (missing.length > 0)
    throw new ScoringInputError(`the mapping names columns the file does not have: ${missing.join(', ')}`);
  const sources = mapping.features.filter((f): f is FeatureSource => f.kind !== 'ignore');
  const leakage = leakageChecks(
    sources.map((source) => leakageColumnOf(source, table)),
    outcomes.map((o) => o === 1),
    {
      ...(options.leakageThreshold !== undefined ? { threshold: options.leakageThreshold } : {}),
      ...(options.keep ? { keep: options.keep } : {}),
    },
  );
  const excluded = new Set(leakage.excluded.map((e) => e.name));
  const kept = sources.filter((source) => !excluded.has(source.column));
  if (kept.length === 0)
    throw new ScoringInputError('no column is left to learn from (all ignored or leaky)');

  const split = seededSplit(table.rows.length, options.testShare ?? 0.3, options.seed ?? 7);
  const pick = <T>(list: readonly T[], indexes: readonly number[]) => indexes.map((i) => list[i] as T);
  const trainRows = pick(table.rows, split.train);
  const trainOutcomes = pick(outcomes, split.train);
  const columns = learnColumns(trainRows, kept, options.minSupport ?? 10);
  if (columns.length === 0)
    throw new ScoringInputError(
      'no feature column: every value is rarer than the minimum support, and every count constant',
    );
  const C = options.C ?? 1;
  const fit = fitLogisticRegression(designOf(trainRows, columns).matrix, trainOutcomes, { C });
  const testDesign = designOf(pick(table.rows, split.test), columns);
  const evaluation = evaluateProbabilities(
    testDesign.matrix.map((row) => predictProbability(fit, row)),
    pick(outcomes, split.test).map((o) => o === 1),
  );
  return {
    leads: table.rows.length,
    trainLeads: split.train.length,
    testLeads: split.test.length,
    leakage,
    leftOut: [
      ...mapping.features.flatMap((f) =>
        f.kind === 'ignore' ? [{ column: f.column, reason: f.reason }] : [],
      ),
      ...leakage.excluded.map((e) => ({ column: e.name, reason: e.reason })),
    ],
    closeRates: kept.flatMap((source) =>
      source.kind === 'category'
        ? [
            {
              column: source.column,
              field: source.field,
              suggestions: suggestPointsByCloseRate(
                table.rows.map((row, i) => ({
                  value: row[source.column] ?? null,
                  converted: outcomes[i] === 1,
                })),
                source.placeholders ? { placeholders: source.placeholders } : {},
              ),
            },
          ]
        : [],
    ),
    regression: {
      C,
      pointsPerLogOdds: options.pointsPerLogOdds ?? 10,
      converged: fit.converged,
      iterations: fit.iterations,
      intercept: fit.intercept,
      points: pointTable(fit.coefficients, columns, options.pointsPerLogOdds ?? 10),
    },
    evaluation,
  };
}

const ruleIdOf = (...parts: string[]): string =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'rule';

/** Ids as the model wants them (letters, digits, `-`), unique within their list (a suffix tells twins apart). */
function uniqueIds(): (...parts: string[]) => string {
  const used = new Set<string>();
  return (...parts) => {
    const base = ruleIdOf(...parts);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * A model a person can review, diff and apply: the regression's points as fit rules (a profile field
 * equal to a value) and engagement rules (per event of a mapped count), and the regression itself as the
 * model's `predictive` section, which the live scorer turns into a probability 0–100 per contact. Counts
 * whose event is not mapped yet are listed in a comment, not scored (live, such a count stands at its mean).
 */
export function modelFromLearning(
  report: LearnReport,
  model: { readonly id: string; readonly name: string; readonly version?: number },
): string {
  const ruleId = uniqueIds();
  const fit = report.regression.points.flatMap(({ column, points }) =>
    column.kind === 'category' && points !== 0
      ? [
          {
            id: ruleId(column.field, column.value),
            field: column.field,
            operator: 'equals',
            value: column.value,
            points,
          },
        ]
      : [],
  );
  const engagement = report.regression.points.flatMap(({ column, points }) =>
    column.kind === 'count' && column.event !== null && points !== 0
      ? [{ id: ruleId(column.source), event: column.event, points }]
      : [],
  );
  const featureId = uniqueIds();
  const features = report.regression.points.flatMap(({ column, coefficient }): PredictiveFeature[] =>
    column.kind === 'category'
      ? [{ id: featureId(column.field, column.value), field: column.field, value: column.value, coefficient }]
      : column.event !== null
        ? [
            {
              id: featureId(column.source),
              event: column.event,
              mean: column.mean,
              sd: column.sd,
              coefficient,
            },
          ]
        : [],
  );
  const unmapped = report.regression.points.filter(
    ({ column }) => column.kind === 'count' && column.event === null,
  );
  const auc = report.evaluation.rocAuc === null ? 'n/a' : report.evaluation.rocAuc.toFixed(3);
  const document = {
    id: model.id,
    version: model.version ?? 1,
    name: model.name,
    ...(fit.length > 0 ? { fit } : {}),
    ...(engagement.length > 0 ? { engagement } : {}),
    ...(features.length > 0
      ? {
          predictive: {
            intercept: report.regression.intercept,
            features,
            learnedFrom: `${report.leads} past leads (${report.trainLeads} to fit, ${report.testLeads} held out): held-out ROC AUC ${auc}, Brier score ${report.evaluation.brierScore.toFixed(3)}; L2 logistic regression, C ${report.regression.C}.`,
          },
        }
      : {}),
  };
  const header = [
    `# Learned from ${report.leads} past leads (${report.trainLeads} to fit, ${report.testLeads} held out):`,
    `# held-out ROC AUC ${auc}, Brier score ${report.evaluation.brierScore.toFixed(3)}.`,
    `# Points: ${report.regression.pointsPerLogOdds} per unit of log-odds of an L2 logistic regression (C ${report.regression.C}). Review before applying.`,
    `# predictive: the same regression, which the scorer applies live as a probability 0–100 per contact.`,
    ...report.leftOut.map((l) => `# Left out: ${l.column} — ${l.reason}`),
    ...unmapped.map(
      ({ column, points }) =>
        `# Not scored: ${column.source} (${points} points per unit) — map it to an event type in the mapping to score it live.`,
    ),
  ];
  return `${header.join('\n')}\n${stringify(document)}`;
}
