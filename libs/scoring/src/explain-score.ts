import { type ScoringModel } from '@leadscore/contracts';
import { draftOf, type ContactScoreState, type ScoreSnapshot } from './contact-score.state.js';
import { awardValueAt, type AppliedPoints } from './engagement-points.js';
import {
  contributionsOf,
  roundScore,
  scoreOfState,
  snapshotOf,
  type Contribution,
  type Score,
} from './score.js';
import { frequencyCountsOf, type FrequencyCount } from './frequency-points.js';
import { predictiveContributionsOf, type PredictiveContribution } from './predictive-score.js';
import { effectiveTime } from './scoring-time.js';
import { settle } from './time-effects.js';

/** An award that still counts, and when it stops counting. */
export interface RunningAward {
  readonly ruleId: string;
  readonly eventId: string | null;
  /** What it is worth at the explanation's time (after decay), rounded to hundredths. */
  readonly points: number;
  readonly expiresAt: number;
}

/** An absence rule waiting for its follow-up: the penalty applies at `dueAt` unless the follow-up comes. */
export interface WaitingAbsence {
  readonly ruleId: string;
  readonly triggerEventId: string;
  readonly dueAt: number;
}

/** Why a contact has its score at a time: what the contact read of the api answers. */
export interface ScoreExplanation {
  /** Exactly `scoreAt(model, state, now)`: decay, expiry, absences and inactivity due by then included. */
  readonly score: Score;
  /** The score as published (hundredths). */
  readonly snapshot: ScoreSnapshot;
  /** Every rule with points at that time (not only the top ten a score change carries), largest first. */
  readonly contributions: readonly Contribution[];
  /**
   * Time effects that came due since the state was last written (`state.asOf`) and are in `score`, but
   * not yet in the stored figures: the next event or decay pass publishes them.
   */
  readonly sinceLastWrite: readonly AppliedPoints[];
  /** Awards still counting, soonest to expire first. */
  readonly runningAwards: readonly RunningAward[];
  /** Absences still waiting, soonest due first. */
  readonly waitingAbsences: readonly WaitingAbsence[];
  /** Every frequency rule's count, its range and when the oldest counted event leaves the window. */
  readonly frequencyCounts: readonly FrequencyCount[];
  /** Under a model with a `predictive` section: every feature that moves the probability, largest first. */
  readonly predictiveContributions?: readonly PredictiveContribution[];
}

/**
 * Explains a contact's score at `now` from the state the scorer keeps, without changing it: decay is
 * analytic, so the engagement of a contact nobody wrote since the last decay pass is exact at read time.
 */
export function explainAt(model: ScoringModel, state: ContactScoreState, now: number): ScoreExplanation {
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  const sinceLastWrite = settle(model, draft, time);
  const score = scoreOfState(model, draft, time);
  return {
    score,
    snapshot: snapshotOf(score),
    contributions: contributionsOf(model, draft, time, Infinity),
    sinceLastWrite,
    runningAwards: draft.awards
      .map((award) => ({
        ruleId: award.ruleId,
        eventId: award.eventId,
        points: roundScore(awardValueAt(award, time)),
        expiresAt: award.expiresAt,
      }))
      .sort((a, b) => a.expiresAt - b.expiresAt),
    waitingAbsences: draft.pendingAbsences
      .map(({ ruleId, triggerEventId, dueAt }) => ({ ruleId, triggerEventId, dueAt }))
      .sort((a, b) => a.dueAt - b.dueAt),
    frequencyCounts: frequencyCountsOf(model, draft),
    ...(model.predictive
      ? { predictiveContributions: predictiveContributionsOf(model.predictive, draft.predictive, Infinity) }
      : {}),
  };
}
