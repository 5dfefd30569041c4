import { type Predictive, type ScoringModel } from '@leadscore/contracts';
import { type PredictiveInputs, type StateDraft } from './contact-score.state.js';
import { equalsHolds, fieldAt } from './field-conditions.js';

/** One feature's share of the predictive score, in log-odds (what its coefficient times its input adds). */
export interface PredictiveContribution {
  readonly feature: string;
  /** 1 or 0 for a profile feature; the count (before scaling) for a count feature. */
  readonly input: number;
  /** coefficient × scaled input, rounded to thousandths. */
  readonly logOdds: number;
}

const NO_INPUTS: PredictiveInputs = { fields: {}, counts: {} };

/** Event types the predictive section counts, per model (built once: `applyEvent` asks for every event). */
const countedTypes = new WeakMap<Predictive, ReadonlySet<string>>();

function countedTypesOf(predictive: Predictive): ReadonlySet<string> {
  let types = countedTypes.get(predictive);
  if (!types) {
    types = new Set(predictive.features.flatMap((f) => ('event' in f ? [f.event] : [])));
    countedTypes.set(predictive, types);
  }
  return types;
}

type FeatureTerm = { readonly input: number; readonly logOdds: number };

function termOf(feature: Predictive['features'][number], inputs: PredictiveInputs): FeatureTerm {
  if ('event' in feature) {
    const count = inputs.counts[feature.event] ?? 0;
    return { input: count, logOdds: (feature.coefficient * (count - feature.mean)) / feature.sd };
  }
  const matches = equalsHolds(fieldAt(inputs.fields, feature.field), feature.value);
  return { input: matches ? 1 : 0, logOdds: matches ? feature.coefficient : 0 };
}

/**
 * The probability of conversion, 0–100 unrounded: 100 / (1 + e^-(intercept + Σ coefficient × input)).
 * `inputs` absent: a contact with no profile and no counted event yet.
 */
export function probabilityOf(predictive: Predictive, inputs: PredictiveInputs = NO_INPUTS): number {
  let logOdds = predictive.intercept;
  for (const feature of predictive.features) logOdds += termOf(feature, inputs).logOdds;
  return 100 / (1 + Math.exp(-logOdds));
}

/** The features that move the probability, largest first (by absolute log-odds), at most `limit`. */
export function predictiveContributionsOf(
  predictive: Predictive,
  inputs: PredictiveInputs = NO_INPUTS,
  limit: number,
): PredictiveContribution[] {
  const all: PredictiveContribution[] = [];
  for (const feature of predictive.features) {
    const { input, logOdds } = termOf(feature, inputs);
    const rounded = Math.round(logOdds * 1000) / 1000;
    if (rounded !== 0) all.push({ feature: feature.id, input, logOdds: rounded });
  }
  return all
    .sort(
      (a, b) =>
        Math.abs(b.logOdds) - Math.abs(a.logOdds) ||
        (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
    )
    .slice(0, limit);
}

/** Counts an event of a type the predictive section counts (the caller has deduped it). */
export function countPredictiveEvent(model: ScoringModel, draft: StateDraft, eventType: string): void {
  if (model.predictive === undefined || !countedTypesOf(model.predictive).has(eventType)) return;
  const inputs = draft.predictive ?? { fields: {}, counts: {} };
  draft.predictive = {
    fields: inputs.fields,
    counts: { ...inputs.counts, [eventType]: (inputs.counts[eventType] ?? 0) + 1 },
  };
}

/** Keeps the profile values the predictive section's features look at (the whole profile is given). */
export function rememberPredictiveFields(
  model: ScoringModel,
  draft: StateDraft,
  profile: Readonly<Record<string, unknown>>,
): void {
  if (model.predictive === undefined) return;
  const fields: Record<string, unknown> = {};
  for (const feature of model.predictive.features) {
    if ('event' in feature) continue;
    const value = fieldAt(profile, feature.field);
    if (value !== undefined) fields[feature.field] = value;
  }
  draft.predictive = { fields, counts: draft.predictive?.counts ?? {} };
}
