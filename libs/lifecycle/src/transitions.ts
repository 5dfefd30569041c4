import { type Lifecycle, type ScoringModel } from '@leadscore/contracts';
import { stageMet, type ScoreReading } from './stage-conditions.js';

export type LifecycleStageName = 'lead' | 'recycled' | 'mql' | 'sql';
export type TierName = 'cold' | 'warm' | 'hot';

/**
 * A line crossed. A tier transition's `from` and `to` are the v1 tiers (cold, warm, hot); under named
 * tiers `fromName` and `toName` are the named tiers, and a step between two that count as the same v1
 * tier has `from` equal to `to`.
 */
export type Transition =
  | {
      readonly kind: 'tier';
      readonly from: TierName;
      readonly to: TierName;
      readonly fromName?: string;
      readonly toName?: string;
    }
  | { readonly kind: 'stage'; readonly from: LifecycleStageName; readonly to: LifecycleStageName };

/** What the threshold service keeps per (workspace, model, contact). */
export interface ContactLifecycle {
  readonly stage: LifecycleStageName;
  readonly tier: TierName;
  /** The named tier, under a model with named tiers (null otherwise). */
  readonly tierName: string | null;
  /** Sales accepted the lead: SQL holds whatever the score does, until cleared. */
  readonly salesAccepted: boolean;
}

export const INITIAL_LIFECYCLE: ContactLifecycle = {
  stage: 'lead',
  tier: 'cold',
  tierName: null,
  salesAccepted: false,
};

const TIER_ORDER: readonly TierName[] = ['cold', 'warm', 'hot'];

const rankOf = (stage: LifecycleStageName): number => (stage === 'sql' ? 2 : stage === 'mql' ? 1 : 0);

/** The pairs of neighbouring rungs passed going from index `from` to index `to`, in the order passed. */
function stepsAlong<T>(ladder: readonly T[], from: number, to: number): [T, T][] {
  const steps: [T, T][] = [];
  const direction = to > from ? 1 : -1;
  for (let i = from; i !== to; i += direction) {
    const a = ladder[i];
    const b = ladder[i + direction];
    if (a !== undefined && b !== undefined) steps.push([a, b]);
  }
  return steps;
}

/** A tier transition's named tiers as events carry them (`previousName`, `currentName`); none otherwise. */
export function tierNamesOf(transition: {
  readonly kind: 'tier' | 'stage';
  readonly fromName?: string;
  readonly toName?: string;
}): { previousName?: string; currentName?: string } {
  if (transition.kind !== 'tier') return {};
  return {
    ...(transition.fromName === undefined ? {} : { previousName: transition.fromName }),
    ...(transition.toName === undefined ? {} : { currentName: transition.toName }),
  };
}

/** Every tier line crossed from `from` to `to`, in the order crossed (cold → hot fires cold→warm, warm→hot). */
export function tierTransitions(from: TierName, to: TierName): Transition[] {
  return stepsAlong(TIER_ORDER, TIER_ORDER.indexOf(from), TIER_ORDER.indexOf(to)).map(([a, b]) => ({
    kind: 'tier',
    from: a,
    to: b,
  }));
}

/** A named tier as the lifecycle ladder sees it: its name and the v1 tier it counts as. */
interface LadderTier {
  readonly name: string;
  readonly countsAs: TierName;
}

/**
 * Every named-tier line crossed from the contact's tier to `to`, one step per tier passed, each with the
 * v1 tiers it is published as. A contact without a named tier yet (new, or scored before the model had
 * named tiers) starts from the lowest named tier counting as its v1 tier. A tier the ladder does not
 * hold (a model changed since) is crossed in one step.
 */
function namedTierTransitions(
  ladder: readonly LadderTier[],
  current: ContactLifecycle,
  to: LadderTier,
): Transition[] {
  const from =
    current.tierName === null
      ? Math.max(
          0,
          ladder.findIndex((t) => t.countsAs === current.tier),
        )
      : ladder.findIndex((t) => t.name === current.tierName);
  const target = ladder.findIndex((t) => t.name === to.name);
  if (ladder[from] === undefined || target === -1) {
    if (current.tierName === to.name) return [];
    return [
      {
        kind: 'tier',
        from: current.tier,
        to: to.countsAs,
        ...(current.tierName === null ? {} : { fromName: current.tierName }),
        toName: to.name,
      },
    ];
  }
  return stepsAlong(ladder, from, target).map(([a, b]) => ({
    kind: 'tier',
    from: a.countsAs,
    to: b.countsAs,
    fromName: a.name,
    toName: b.name,
  }));
}

function ladderOf(tiers: ScoringModel['tiers']): readonly LadderTier[] {
  return Array.isArray(tiers) ? tiers.map((tier) => ({ name: tier.id, countsAs: tier.countsAs })) : [];
}

/** The stage a contact should hold: SQL over MQL over the bottom, each judged with hysteresis. */
export function targetStage(
  lifecycle: Lifecycle | undefined,
  current: ContactLifecycle,
  scores: ScoreReading,
): number {
  if (current.salesAccepted) return 2;
  const rank = rankOf(current.stage);
  if (stageMet(lifecycle?.sql, scores, rank >= 2)) return 2;
  if (stageMet(lifecycle?.mql, scores, rank >= 1)) return 1;
  return 0;
}

function stageTransitions(
  lifecycle: Lifecycle | undefined,
  from: LifecycleStageName,
  targetRank: number,
): Transition[] {
  const transitions: Transition[] = [];
  let stage = from;
  const bottom: LifecycleStageName = lifecycle?.recycled ? 'recycled' : 'lead';
  // Step one line at a time so that a jump over several lines fires each crossed transition in order;
  // MQL is only a line to cross when the model defines it (or the contact holds it).
  while (rankOf(stage) !== targetRank) {
    const rank = rankOf(stage);
    let next: LifecycleStageName;
    if (targetRank > rank) next = rank === 0 && (lifecycle?.mql || targetRank === 1) ? 'mql' : 'sql';
    else next = rank === 2 && (lifecycle?.mql || targetRank === 1) ? 'mql' : bottom;
    transitions.push({ kind: 'stage', from: stage, to: next });
    stage = next;
  }
  return transitions;
}

export interface LifecyclePlan {
  readonly next: ContactLifecycle;
  /** Tier transitions first, then stage transitions, each in the order its lines were crossed. */
  readonly transitions: readonly Transition[];
}

/**
 * Applies one score snapshot to a contact's lifecycle: the tier moves to the snapshot's tier (a null tier,
 * a model without tiers, leaves it), the stage moves to the one the model's conditions give. Under named
 * tiers (the snapshot carries `tierName`) the tier moves along the model's `tiers` one named line at a
 * time.
 */
export function applyScores(
  lifecycle: Lifecycle | undefined,
  current: ContactLifecycle,
  scores: ScoreReading & { readonly tier: TierName | null; readonly tierName?: string },
  tiers?: ScoringModel['tiers'],
): LifecyclePlan {
  const tier = scores.tier ?? current.tier;
  const named = scores.tierName;
  const tierSteps =
    named !== undefined && scores.tier !== null
      ? namedTierTransitions(ladderOf(tiers), current, { name: named, countsAs: scores.tier })
      : tierTransitions(current.tier, tier);
  const targetRank = targetStage(lifecycle, current, scores);
  const transitions = [...tierSteps, ...stageTransitions(lifecycle, current.stage, targetRank)];
  const lastStage = [...transitions].reverse().find((t) => t.kind === 'stage');
  return {
    next: {
      ...current,
      tier,
      tierName: named ?? (scores.tier === null ? current.tierName : null),
      stage: lastStage ? lastStage.to : current.stage,
    },
    transitions,
  };
}

/**
 * Applies the re-derived scores of a merge's survivor. The survivor starts from the further stage of
 * the two contacts (a merge never loses an MQL or a sales acceptance), judged with hysteresis from there;
 * the transitions walk the survivor from its own stage to the result, each line crossed once. Tiers
 * follow the survivor's scores as for any change.
 */
export function applyMergedScores(
  lifecycle: Lifecycle | undefined,
  survivor: ContactLifecycle,
  merged: ContactLifecycle | undefined,
  scores: ScoreReading & { readonly tier: TierName | null; readonly tierName?: string },
  tiers?: ScoringModel['tiers'],
): LifecyclePlan {
  if (!merged) return applyScores(lifecycle, survivor, scores, tiers);
  const combined: ContactLifecycle = {
    ...survivor,
    stage: rankOf(merged.stage) > rankOf(survivor.stage) ? merged.stage : survivor.stage,
    salesAccepted: survivor.salesAccepted || merged.salesAccepted,
  };
  const plan = applyScores(lifecycle, combined, scores, tiers);
  const tierSteps = plan.transitions.filter((t) => t.kind === 'tier');
  const stageSteps = stageTransitions(lifecycle, survivor.stage, rankOf(plan.next.stage));
  return { next: plan.next, transitions: [...tierSteps, ...stageSteps] };
}

/**
 * Sales accepted (or un-accepted) the lead. Accepting moves the contact to SQL through each crossed line;
 * clearing the flag lets the next score change decide again (it does not move the stage by itself).
 */
export function setSalesAccepted(
  lifecycle: Lifecycle | undefined,
  current: ContactLifecycle,
  accepted: boolean,
): LifecyclePlan {
  if (!accepted) return { next: { ...current, salesAccepted: false }, transitions: [] };
  const transitions = stageTransitions(lifecycle, current.stage, 2);
  return { next: { ...current, salesAccepted: true, stage: 'sql' }, transitions };
}
