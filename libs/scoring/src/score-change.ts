import { type ScoreChangedData, type ScoringModel } from '@leadscore/contracts';
import { type ContactScoreState, type ScoreSnapshot, type StateDraft } from './contact-score.state.js';
import { type AppliedPoints } from './engagement-points.js';
import {
  contributionsOf,
  gradeOf,
  roundScore,
  scoreOfState,
  snapshotOf,
  TOP_CONTRIBUTIONS,
  type Contribution,
} from './score.js';
import { predictiveContributionsOf, probabilityOf, type PredictiveContribution } from './predictive-score.js';
import { clamp } from './limits.js';
import { tierOf } from './tiers.js';

/** Why a score changed. */
export type ScoreCause =
  | { readonly type: 'event'; readonly eventId: string; readonly eventType: string }
  | { readonly type: 'refit'; readonly eventId?: string }
  | { readonly type: 'decay' }
  | { readonly type: 'expiry' }
  | { readonly type: 'absence' }
  | { readonly type: 'inactivity' }
  /** On the survivor of a merge: the contact merged into it. */
  | { readonly type: 'merge'; readonly mergedSubject: string }
  /** On the merged-away contact: the contact it now lives on. */
  | { readonly type: 'merge'; readonly survivor: string }
  /** A rescore re-derived the scores from the archive under the model's version (the rescore's id). */
  | { readonly type: 'rescore'; readonly rescore: string };

/** A visible change of a contact's scores, with its explanation: what leads.score-changed.v1 carries. */
export interface ScoreChange {
  readonly model: { readonly id: string; readonly version: number };
  /** Gapless per contact and model: 1 for the first change. */
  readonly sequence: number;
  readonly at: number;
  readonly cause: ScoreCause;
  /** The scores of the previous change (null for the first). */
  readonly previous: ScoreSnapshot | null;
  readonly current: ScoreSnapshot;
  /** What this step did, in the order it happened (including limited or capped awards). */
  readonly applied: readonly AppliedPoints[];
  /** The rules that make up the current score, largest first. */
  readonly contributions: readonly Contribution[];
  /** The contact's account after the change (null: none). */
  readonly account: string | null;
  /** Under a model with a `predictive` section: the features that move the probability most. */
  readonly predictiveContributions?: readonly PredictiveContribution[];
}

/** The outcome of every engine operation: the new state and, when the published scores moved, the change. */
export interface ScoringResult {
  readonly state: ContactScoreState;
  readonly change?: ScoreChange;
}

/** Whether two snapshots publish the same scores, tier and grade. */
export function sameScores(a: ScoreSnapshot | null, b: ScoreSnapshot): boolean {
  return (
    a !== null &&
    a.fit === b.fit &&
    a.engagement === b.engagement &&
    a.total === b.total &&
    a.tier === b.tier &&
    a.tierName === b.tierName &&
    a.grade === b.grade &&
    a.probability === b.probability
  );
}

/** What a contact nobody has scored yet is taken to have: no change is published until this moves. */
export function zeroSnapshot(model: ScoringModel): ScoreSnapshot {
  const caps = model.caps;
  const engagement = clamp(0, caps?.minEngagement, caps?.maxEngagement);
  const total = clamp(engagement, caps?.minTotal, caps?.maxTotal);
  return {
    fit: 0,
    engagement: roundScore(engagement),
    total: roundScore(total),
    ...tierOf(model, total),
    grade: gradeOf(model, 0),
    ...(model.predictive ? { probability: roundScore(probabilityOf(model.predictive)) } : {}),
  };
}

/**
 * Ends an operation at `time`: a change is emitted only when the published (rounded) scores, tier or
 * grade differ from the last change's.
 */
export function finish(
  model: ScoringModel,
  draft: StateDraft,
  time: number,
  cause: ScoreCause,
  applied: readonly AppliedPoints[],
): ScoringResult {
  draft.asOf = Math.max(draft.asOf, time);
  const current = snapshotOf(scoreOfState(model, draft, time));
  if (sameScores(draft.reported ?? zeroSnapshot(model), current)) return { state: draft };
  return publish(model, draft, time, cause, applied, current);
}

/**
 * A change that only moves the contact to another account, or changes its account's traits: the scores
 * stay those last published (a contact nobody scored yet publishes its zero scores), the sequence moves
 * on, so the account roll-up hears of it in order with the contact's other changes.
 */
export function finishAccountChange(
  model: ScoringModel,
  draft: StateDraft,
  time: number,
  cause: ScoreCause,
): ScoringResult {
  draft.asOf = Math.max(draft.asOf, time);
  return publish(model, draft, time, cause, [], draft.reported ?? zeroSnapshot(model));
}

/** Publishes `current` as the next change of the draft: one sequence on, from what was last published. */
function publish(
  model: ScoringModel,
  draft: StateDraft,
  time: number,
  cause: ScoreCause,
  applied: readonly AppliedPoints[],
  current: ScoreSnapshot,
): ScoringResult {
  const previous = draft.reported;
  draft.sequence += 1;
  draft.reported = current;
  const change: ScoreChange = {
    model: { id: model.id, version: model.version },
    sequence: draft.sequence,
    at: time,
    cause,
    previous,
    current,
    applied,
    contributions: contributionsOf(model, draft, time),
    account: draft.account ?? null,
  };
  return {
    state: draft,
    change:
      model.predictive === undefined
        ? change
        : {
            ...change,
            predictiveContributions: predictiveContributionsOf(
              model.predictive,
              draft.predictive,
              TOP_CONTRIBUTIONS,
            ),
          },
  };
}

/**
 * The `data` of the leads.score-changed.v1 event for a change (schemas/scores/score-changed.schema.json);
 * `applied` stays internal, `at` becomes the envelope's `time`.
 */
export function toScoreChangedData(change: ScoreChange, contact: string): ScoreChangedData {
  const data: ScoreChangedData = {
    contact,
    model: { ...change.model },
    sequence: change.sequence,
    cause: { ...change.cause },
    previous: change.previous && { ...change.previous },
    current: { ...change.current },
    contributions: change.contributions.map((contribution) => ({ ...contribution })),
  };
  if (change.account !== null) data.account = change.account;
  if (change.predictiveContributions !== undefined)
    data.predictiveContributions = change.predictiveContributions.map((contribution) => ({
      ...contribution,
    }));
  return data;
}
