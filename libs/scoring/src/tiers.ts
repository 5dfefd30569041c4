import { type NamedTiers, type ScoringModel } from '@leadscore/contracts';
import { type Tier } from './contact-score.state.js';

/** A contact's tier: the v1 cold/warm/hot, and under named tiers the name. */
export interface TierPlacement {
  readonly tier: Tier | null;
  readonly tierName?: string;
}

/**
 * Under named tiers: the highest tier whose `enter` the total reaches, unless the contact was in a higher
 * one and still meets its `exit`; falling, it drops to the highest lower tier whose `exit` it meets.
 */
function namedTierIndex(tiers: NamedTiers, total: number, previous: string | undefined): number {
  let reached = 0;
  tiers.forEach((tier, index) => {
    if (index > 0 && tier.enter !== undefined && total >= tier.enter) reached = index;
  });
  let held =
    previous === undefined
      ? 0
      : Math.max(
          0,
          tiers.findIndex((tier) => tier.id === previous),
        );
  if (reached >= held) return reached;
  // Hold on while the total meets the exit of the tier held, stepping down one tier at a time.
  for (;;) {
    const tier = tiers[held];
    if (held <= reached || tier === undefined || total >= (tier.exit ?? tier.enter ?? -Infinity)) return held;
    held -= 1;
  }
}

/**
 * The tier of a (published, rounded) total. `previous` is the named tier last published: named tiers
 * have hysteresis, so where a contact stands depends on where it stood.
 */
export function tierOf(model: Pick<ScoringModel, 'tiers'>, total: number, previous?: string): TierPlacement {
  const tiers = model.tiers;
  if (!tiers) return { tier: null };
  if (!Array.isArray(tiers))
    return { tier: total >= tiers.hot ? 'hot' : total >= tiers.warm ? 'warm' : 'cold' };
  const named = tiers[namedTierIndex(tiers, total, previous)];
  return named ? { tier: named.countsAs, tierName: named.id } : { tier: null };
}
