import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccountStageBadge, AccountTier, countedMember, rollupText } from './AccountScores';

describe('account scores', () => {
  it('says how each roll-up works', () => {
    expect(rollupText({ kind: 'sum' })).toBe('sum: every member’s engagement added up');
    expect(rollupText({ kind: 'max' })).toBe('max: the engagement of the highest member');
    expect(rollupText({ kind: 'topMean', top: 3 })).toBe(
      'topMean: the mean engagement of the 3 highest members',
    );
    expect(rollupText({ kind: 'topMean', top: 1 })).toBe(
      'topMean: the mean engagement of the 1 highest member',
    );
  });

  it('counts the members the roll-up reads: all for sum, the first for max, the top N for topMean', () => {
    expect([0, 1, 9].map((i) => countedMember({ kind: 'sum' }, i))).toEqual([true, true, true]);
    expect([0, 1].map((i) => countedMember({ kind: 'max' }, i))).toEqual([true, false]);
    expect([0, 2, 3].map((i) => countedMember({ kind: 'topMean', top: 3 }, i))).toEqual([true, true, false]);
  });

  it('badges an MQA and a tier, and leaves a lead and no tier plain', () => {
    const { container } = render(
      <>
        <AccountStageBadge stage="mqa" />|<AccountStageBadge stage="lead" />|
        <AccountTier scores={{ tier: 'warm' }} />|<AccountTier scores={{ tier: null }} />
      </>,
    );
    expect(screen.getByText('MQA')).toHaveAttribute('title', 'Marketing-qualified account');
    expect(screen.getByText('warm')).toHaveClass('badge', 'tier-warm');
    expect(container.textContent).toBe('MQA|lead|warm|—');
  });
});
