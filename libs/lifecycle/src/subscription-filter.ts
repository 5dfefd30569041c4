import { type AccountStageName, type AccountTransition } from './account-transitions.js';
import { type LifecycleStageName, type Transition } from './transitions.js';

/** Which messages a webhook subscription receives. */
export interface SubscriptionFilter {
  /** Message kinds: contacts' tier and stage transitions and score changes, and accounts' the same. */
  readonly events: readonly (
    'tier' | 'stage' | 'score' | 'account-tier' | 'account-stage' | 'account-score'
  )[];
  /**
   * Only tier transitions into these tiers (all when absent): cold, warm or hot match a transition that
   * changes the v1 tier into it; a named tier matches a transition into that named tier.
   */
  readonly tiers?: readonly string[] | null;
  /** Only stage transitions into these stages (all when absent). */
  readonly stages?: readonly (LifecycleStageName | AccountStageName)[] | null;
}

export function wantsTransition(filter: SubscriptionFilter, transition: Transition): boolean {
  if (!filter.events.includes(transition.kind)) return false;
  return passesFilters(filter, transition);
}

/** An account's transition: under `account-tier` or `account-stage`, with the same tier and stage filters. */
export function wantsAccountTransition(filter: SubscriptionFilter, transition: AccountTransition): boolean {
  if (!filter.events.includes(transition.kind === 'tier' ? 'account-tier' : 'account-stage')) return false;
  return passesFilters(filter, transition);
}

function passesFilters(filter: SubscriptionFilter, transition: Transition | AccountTransition): boolean {
  if (transition.kind === 'tier') {
    if (!filter.tiers) return true;
    if (transition.toName !== undefined && filter.tiers.includes(transition.toName)) return true;
    // A step between two named tiers that count as the same v1 tier is no entry into that tier: a
    // subscriber to "hot" hears once when a contact becomes hot, not at every named step within hot.
    return transition.from !== transition.to && filter.tiers.includes(transition.to);
  }
  return !filter.stages || filter.stages.includes(transition.to);
}

export function wantsScoreChanges(filter: SubscriptionFilter): boolean {
  return filter.events.includes('score');
}

export function wantsAccountScoreChanges(filter: SubscriptionFilter): boolean {
  return filter.events.includes('account-score');
}
