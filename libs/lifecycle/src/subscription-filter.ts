import { type LifecycleStageName, type TierName, type Transition } from './transitions.js';

/** Which messages a webhook subscription receives. */
export interface SubscriptionFilter {
  /** Message kinds: tier transitions, stage transitions, every score change. */
  readonly events: readonly ('tier' | 'stage' | 'score')[];
  /** Only tier transitions into these tiers (all when absent). */
  readonly tiers?: readonly TierName[] | null;
  /** Only stage transitions into these stages (all when absent). */
  readonly stages?: readonly LifecycleStageName[] | null;
}

export function wantsTransition(filter: SubscriptionFilter, transition: Transition): boolean {
  if (!filter.events.includes(transition.kind)) return false;
  if (transition.kind === 'tier') return !filter.tiers || filter.tiers.includes(transition.to);
  return !filter.stages || filter.stages.includes(transition.to);
}

export function wantsScoreChanges(filter: SubscriptionFilter): boolean {
  return filter.events.includes('score');
}
