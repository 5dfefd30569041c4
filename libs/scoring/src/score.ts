import { type Grade, type ScoringModel } from '@leadscore/contracts';
import {
  type ContactScoreState,
  type ContributionKind,
  type ScoreSnapshot,
  type Tier,
} from './contact-score.state.js';
import { rawEngagementAt, ruleValueAt } from './engagement-points.js';
import { groupOfContribution } from './score-groups.js';
import { clamp } from './limits.js';
import { probabilityOf } from './predictive-score.js';
import { tierOf } from './tiers.js';

/** A contact's scores at one time, unrounded. */
export interface Score {
  readonly fit: number;
  /** Engagement after decay, expiry and the model's engagement caps. */
  readonly engagement: number;
  /** fit + engagement, clamped to the model's [minTotal, maxTotal]. */
  readonly total: number;
  readonly tier: Tier | null;
  /** The named tier, under a model with named tiers. */
  readonly tierName?: string;
  readonly grade: Grade | null;
  /** The predictive score 0–100, unrounded, under a model with a `predictive` section (absent otherwise). */
  readonly probability?: number;
  readonly at: number;
}

/** One rule's share of the current score. */
export interface Contribution {
  readonly ruleId: string;
  readonly kind: ContributionKind;
  /** What the rule is worth now (after decay), rounded to hundredths. */
  readonly points: number;
  /** The event behind the rule's latest award (null for fit and inactivity rules). */
  readonly eventId: string | null;
  /** The rule's score group (or, for a `group:<id>` clip, that group), when it has one. */
  readonly group?: string;
}

/** How many contributions a change carries. */
export const TOP_CONTRIBUTIONS = 10;

/** The grade of the band [min, max) holding the fit score. */
export function gradeOf(model: Pick<ScoringModel, 'grades'>, fit: number): Grade | null {
  const band = (model.grades ?? []).find((b) => fit >= (b.min ?? -Infinity) && fit < (b.max ?? Infinity));
  return band?.grade ?? null;
}

/** Scores of a state at `time` as the state stands (time effects not yet applied stay unapplied). */
export function scoreOfState(model: ScoringModel, state: ContactScoreState, time: number): Score {
  const caps = model.caps;
  const fit = state.fit.points;
  const engagement = clamp(rawEngagementAt(state, time), caps?.minEngagement, caps?.maxEngagement);
  const total = clamp(fit + engagement, caps?.minTotal, caps?.maxTotal);
  // Tier and grade follow the published (rounded) scores: a total published as 50 is never below a line
  // at 50 because it is 49.9999 unrounded. Named tiers hold from the tier last published (hysteresis).
  const { tier, tierName } = tierOf(model, roundScore(total), state.reported?.tierName);
  const grade = gradeOf(model, roundScore(fit));
  // Literals of one shape each, no spreads: this runs for every event.
  if (model.predictive !== undefined) {
    const probability = probabilityOf(model.predictive, state.predictive);
    return tierName === undefined
      ? { fit, engagement, total, tier, grade, probability, at: time }
      : { fit, engagement, total, tier, tierName, grade, probability, at: time };
  }
  return tierName === undefined
    ? { fit, engagement, total, tier, grade, at: time }
    : { fit, engagement, total, tier, tierName, grade, at: time };
}

/** Hundredths, without negative zero. */
export function roundScore(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

export function snapshotOf(score: Score): ScoreSnapshot {
  const fit = roundScore(score.fit);
  const engagement = roundScore(score.engagement);
  const total = roundScore(score.total);
  const { tier, tierName, grade } = score;
  if (score.probability !== undefined) {
    const probability = roundScore(score.probability);
    return tierName === undefined
      ? { fit, engagement, total, tier, grade, probability }
      : { fit, engagement, total, tier, tierName, grade, probability };
  }
  return tierName === undefined
    ? { fit, engagement, total, tier, grade }
    : { fit, engagement, total, tier, tierName, grade };
}

/** The rules that make up the score at `time`, largest first (by absolute value), at most `limit`. */
export function contributionsOf(
  model: ScoringModel,
  state: ContactScoreState,
  time: number,
  limit = TOP_CONTRIBUTIONS,
): Contribution[] {
  const all: Contribution[] = [];
  // Object literals of one shape (no spreads): this runs for every published change.
  const add = (ruleId: string, kind: ContributionKind, points: number, eventId: string | null): void => {
    if (points === 0) return;
    const group = groupOfContribution(model, ruleId);
    all.push(
      group === undefined ? { ruleId, kind, points, eventId } : { ruleId, kind, points, eventId, group },
    );
  };
  for (const ruleId in state.fit.rules) add(ruleId, 'fit', roundScore(state.fit.rules[ruleId] ?? 0), null);
  for (const ruleId in state.engagement.rules) {
    const rule = state.engagement.rules[ruleId];
    if (rule) add(ruleId, rule.kind, roundScore(ruleValueAt(state, ruleId, time)), rule.lastEventId);
  }
  return all
    .sort(
      (a, b) =>
        Math.abs(b.points) - Math.abs(a.points) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    )
    .slice(0, limit);
}

/** Where a state ranks among its model's contacts: what leaderboards and score distributions order by. */
export interface Rank {
  /** The unrounded total as of the state's last write (relative scores come from it, not the rounded one). */
  readonly total: number;
  /** Tier and grade as last published. */
  readonly tier: Tier | null;
  /** The named tier as last published, under a model with named tiers (else null). */
  readonly tierName: string | null;
  readonly grade: Grade | null;
}

export function rankOf(model: ScoringModel, state: ContactScoreState): Rank {
  return {
    total: scoreOfState(model, state, state.asOf).total,
    tier: state.reported?.tier ?? null,
    tierName: state.reported?.tierName ?? null,
    grade: state.reported?.grade ?? null,
  };
}
