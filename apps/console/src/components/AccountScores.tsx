import type { AccountRollup, AccountScores, AccountStage } from '../api/types';

/** An account's tier as a badge: a named tier with the cold, warm or hot it counts as; — without tiers. */
export function AccountTier({ scores }: { scores: Pick<AccountScores, 'tier' | 'tierName'> }) {
  if (!scores.tier) return <>—</>;
  return (
    <span className={`badge tier-${scores.tier}`}>
      {scores.tierName ? `${scores.tierName} (${scores.tier})` : scores.tier}
    </span>
  );
}

/** An account's stage: a marketing-qualified account stands out as an MQA badge; a lead stays plain. */
export function AccountStageBadge({ stage }: { stage: AccountStage }) {
  if (stage !== 'mqa') return <>{stage}</>;
  return (
    <span className="badge stage-mqa" title="Marketing-qualified account">
      MQA
    </span>
  );
}

/** How the model rolls members' engagement up into the account's, in words. */
export function rollupText(rollup: AccountRollup): string {
  if (rollup.kind === 'max') return 'max: the engagement of the highest member';
  if (rollup.kind === 'topMean') {
    const top = rollup.top ?? 1;
    return `topMean: the mean engagement of the ${top} highest ${top === 1 ? 'member' : 'members'}`;
  }
  return 'sum: every member’s engagement added up';
}

/** Whether the explanation's `index`-th member (0-based, highest first) counts in the roll-up. */
export function countedMember(rollup: AccountRollup, index: number): boolean {
  if (rollup.kind === 'max') return index === 0;
  if (rollup.kind === 'topMean') return index < (rollup.top ?? 1);
  return true;
}
