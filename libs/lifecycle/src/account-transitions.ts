import { type AccountScores, type AccountScoring } from '@leadscore/contracts';
import { applyScores, INITIAL_LIFECYCLE, type TierName } from './transitions.js';

export type AccountStageName = 'lead' | 'mqa';

/** What the threshold service keeps of an account's lifecycle under one model. */
export interface AccountLifecycle {
  readonly stage: AccountStageName;
  readonly tier: TierName;
  /** The named account tier, under named account tiers (null otherwise). */
  readonly tierName: string | null;
}

export const INITIAL_ACCOUNT_LIFECYCLE: AccountLifecycle = { stage: 'lead', tier: 'cold', tierName: null };

/** A line an account crossed: a tier line (named tiers carry their names) or the MQA line. */
export type AccountTransition =
  | {
      readonly kind: 'tier';
      readonly from: TierName;
      readonly to: TierName;
      readonly fromName?: string;
      readonly toName?: string;
    }
  | { readonly kind: 'stage'; readonly from: AccountStageName; readonly to: AccountStageName };

export interface AccountLifecyclePlan {
  readonly next: AccountLifecycle;
  /** Tier transitions first, then the stage transition, each in the order its lines were crossed. */
  readonly transitions: readonly AccountTransition[];
}

/**
 * Applies an account's new scores to its lifecycle: its tier follows the account tiers (named ones one
 * line at a time), and it enters the marketing-qualified-account stage when the model's `mqa` conditions
 * are met, leaving it only when they no longer hold with hysteresis — the contacts' MQL rules, one rung.
 */
export function applyAccountScores(
  scoring: AccountScoring,
  current: AccountLifecycle,
  scores: AccountScores,
): AccountLifecyclePlan {
  // The contact ladder with MQA as its only rung (MQL's place) is exactly the account ladder.
  const plan = applyScores(
    scoring.lifecycle?.mqa ? { mql: scoring.lifecycle.mqa } : undefined,
    {
      ...INITIAL_LIFECYCLE,
      stage: current.stage === 'mqa' ? 'mql' : 'lead',
      tier: current.tier,
      tierName: current.tierName,
    },
    scores,
    scoring.tiers,
  );
  const stageOf = (stage: string): AccountStageName => (stage === 'mql' ? 'mqa' : 'lead');
  return {
    next: { stage: stageOf(plan.next.stage), tier: plan.next.tier, tierName: plan.next.tierName },
    transitions: plan.transitions.map((t) =>
      t.kind === 'stage' ? { kind: 'stage', from: stageOf(t.from), to: stageOf(t.to) } : t,
    ),
  };
}
