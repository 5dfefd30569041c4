import { type LifecycleCondition, type ScoringModel } from '@leadscore/contracts';
import {
  conversionBy,
  liftByDecile,
  metricsAt,
  replayContact,
  rocAuc,
  type DecileLift,
  type ReplayEvent,
  type ScoredOutcome,
  type ThresholdMetrics,
} from '@leadscore/scoring';
import { applyScores, INITIAL_LIFECYCLE, type LifecycleStageName } from './transitions.js';

/** One contact's archived events, oldest first (outcomes among them: won, converted, lost). */
export interface BacktestContact {
  readonly contact: string;
  readonly events: readonly ReplayEvent[];
}

/** Where one contact stands under one model at the moment it is judged. */
export interface BacktestPosition {
  readonly total: number;
  readonly tier: string | null;
  readonly grade: string | null;
  readonly stage: LifecycleStageName;
  /** When the contact first reached MQL or beyond (epoch ms), null when it never did. */
  readonly mqlAt: number | null;
}

export interface BacktestSide {
  readonly model: { readonly id: string; readonly version: number };
  /** Contacts per tier (the named tier where the model has them; `none` without tiers). */
  readonly tiers: Readonly<Record<string, number>>;
  readonly stages: Readonly<Record<LifecycleStageName, number>>;
  /** Figures over the contacts with a known outcome (won or converted, or lost). */
  readonly outcomes: {
    readonly known: number;
    readonly converted: number;
    readonly rocAuc: number | null;
    readonly byTier: readonly { group: string; contacts: number; converted: number; rate: number }[];
    /** At each total the model draws a line at: its tier thresholds and its stages' total thresholds. */
    readonly thresholds: readonly ThresholdMetrics[];
    readonly deciles: readonly DecileLift[];
  };
}

export interface BacktestReport {
  readonly contacts: number;
  readonly live: BacktestSide;
  readonly candidate: BacktestSide;
  /** Contacts whose tier, grade or stage differ between the two. */
  readonly moved: { readonly tier: number; readonly grade: number; readonly stage: number };
  /** Contacts the candidate makes MQL (or SQL) that the live model does not, with when: earliest first. */
  readonly newMql: readonly { readonly contact: string; readonly at: number }[];
  /** Contacts MQL (or beyond) under the live model only. */
  readonly lostMql: readonly string[];
}

const CONVERTED: ReadonlySet<string> = new Set(['outcome.won', 'outcome.converted']);
const LOST: ReadonlySet<string> = new Set(['outcome.lost']);

/** A contact's first outcome (won or converted: true; lost: false), and when; null when none. */
function outcomeOf(events: readonly ReplayEvent[]): { converted: boolean; at: number } | null {
  const first = events.find((e) => CONVERTED.has(e.type) || LOST.has(e.type));
  return first ? { converted: CONVERTED.has(first.type), at: first.time } : null;
}

const rankOfStage = (stage: LifecycleStageName) => (stage === 'sql' ? 2 : stage === 'mql' ? 1 : 0);

/**
 * A contact under one model: its events replayed by the pure engine up to `cut` (the scorer's own step,
 * time effects included), its lifecycle walked through every change the replay published.
 */
function positionOf(model: ScoringModel, events: readonly ReplayEvent[], cut: number): BacktestPosition {
  const replay = replayContact(
    model,
    events.filter((e) => e.time < cut),
    { until: cut },
  );
  let lifecycle = INITIAL_LIFECYCLE;
  let mqlAt: number | null = null;
  for (const change of replay.changes) {
    lifecycle = applyScores(model.lifecycle, lifecycle, change.current, model.tiers).next;
    if (mqlAt === null && rankOfStage(lifecycle.stage) >= 1) mqlAt = change.at;
  }
  const scores = replay.state?.reported;
  return {
    total: scores?.total ?? 0,
    tier: scores ? (scores.tierName ?? scores.tier) : null,
    grade: scores?.grade ?? null,
    stage: lifecycle.stage,
    mqlAt,
  };
}

/** The totals a model draws lines at: tier thresholds, and total thresholds of its MQL and SQL. */
function thresholdsOf(model: ScoringModel): number[] {
  const lines = new Set<number>();
  const tiers = model.tiers;
  if (Array.isArray(tiers)) for (const tier of tiers) if (tier.enter !== undefined) lines.add(tier.enter);
  if (tiers && !Array.isArray(tiers)) {
    lines.add(tiers.warm);
    lines.add(tiers.hot);
  }
  const visit = (conditions: readonly LifecycleCondition[]) => {
    for (const condition of conditions) {
      if ('conditions' in condition) visit(condition.conditions);
      else if (condition.metric === 'total') lines.add(condition.enter);
    }
  };
  visit(model.lifecycle?.mql?.conditions ?? []);
  visit(model.lifecycle?.sql?.conditions ?? []);
  return [...lines].sort((a, b) => a - b);
}

function sideOf(
  model: ScoringModel,
  positions: readonly BacktestPosition[],
  outcomes: readonly ({ converted: boolean } | null)[],
): BacktestSide {
  const tiers: Record<string, number> = {};
  const stages: Record<LifecycleStageName, number> = { lead: 0, recycled: 0, mql: 0, sql: 0 };
  const known: (ScoredOutcome & { group: string })[] = [];
  positions.forEach((position, index) => {
    const tier = position.tier ?? 'none';
    tiers[tier] = (tiers[tier] ?? 0) + 1;
    stages[position.stage] += 1;
    const outcome = outcomes[index];
    if (outcome) known.push({ score: position.total, converted: outcome.converted, group: tier });
  });
  return {
    model: { id: model.id, version: model.version },
    tiers,
    stages,
    outcomes: {
      known: known.length,
      converted: known.filter((o) => o.converted).length,
      rocAuc: rocAuc(known),
      byTier: conversionBy(known),
      thresholds: thresholdsOf(model).map((line) => metricsAt(known, line)),
      deciles: liftByDecile(known),
    },
  };
}

/**
 * Compares a candidate model with the live one on the same archived contacts, before it is applied.
 * A contact with an outcome is judged as it stood just before it (its activity after the sale would
 * flatter any model); the others as they stand at `until`.
 */
export function backtestModels(
  live: ScoringModel,
  candidate: ScoringModel,
  contacts: readonly BacktestContact[],
  until: number,
): BacktestReport {
  const outcomes = contacts.map((c) => outcomeOf(c.events));
  const cuts = outcomes.map((outcome) => outcome?.at ?? until);
  const livePositions = contacts.map((c, i) => positionOf(live, c.events, cuts[i] ?? until));
  const candidatePositions = contacts.map((c, i) => positionOf(candidate, c.events, cuts[i] ?? until));
  const moved = { tier: 0, grade: 0, stage: 0 };
  const newMql: { contact: string; at: number }[] = [];
  const lostMql: string[] = [];
  contacts.forEach(({ contact }, i) => {
    const before = livePositions[i];
    const after = candidatePositions[i];
    if (!before || !after) return;
    if (before.tier !== after.tier) moved.tier += 1;
    if (before.grade !== after.grade) moved.grade += 1;
    if (before.stage !== after.stage) moved.stage += 1;
    if (after.mqlAt !== null && before.mqlAt === null) newMql.push({ contact, at: after.mqlAt });
    if (before.mqlAt !== null && after.mqlAt === null) lostMql.push(contact);
  });
  newMql.sort((a, b) => a.at - b.at || (a.contact < b.contact ? -1 : 1));
  return {
    contacts: contacts.length,
    live: sideOf(live, livePositions, outcomes),
    candidate: sideOf(candidate, candidatePositions, outcomes),
    moved,
    newMql,
    lostMql: lostMql.sort(),
  };
}
