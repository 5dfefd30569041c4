import { describe, expect, it } from '@jest/globals';
import { rankStatsOf, relativeScore } from './relative-score.js';

/** Each total's relative score among the totals, rounded to 2 decimals as shown. */
const shown = (totals: number[]) =>
  totals.map((total) => {
    const percent = relativeScore(rankStatsOf(totals), total);
    return percent === null ? null : Math.round(percent * 100) / 100;
  });

describe('relativeScore (ONTRAPORT: top 100 %, median 50 %), worked examples', () => {
  it('spreads totals above the median over 50–100 % and those below it from 0 points over 0–50 %', () => {
    expect(rankStatsOf([0, 10, 20, 30, 100])).toEqual({ count: 5, top: 100, median: 20, min: 0 });
    expect(shown([0, 10, 20, 30, 100])).toEqual([0, 25, 50, 56.25, 100]);
  });

  it('takes the lower middle total as the median of an even count', () => {
    expect(rankStatsOf([5, 10, 15, 40]).median).toBe(10);
    expect(shown([5, 10, 15, 40])).toEqual([25, 50, 58.33, 100]);
  });

  it('gives totals tied on the median 50 % together', () => {
    expect(shown([10, 10, 10, 50])).toEqual([50, 50, 50, 100]);
  });

  it('gives one contact, and contacts all equal, 100 % (the top wins over the median)', () => {
    expect(shown([42])).toEqual([100]);
    expect(shown([7, 7, 7])).toEqual([100, 100, 100]);
  });

  it('puts negative totals under a positive median at 0 %', () => {
    expect(shown([-20, -5, 12, 30, 60])).toEqual([0, 0, 50, 68.75, 100]);
  });

  it('measures from the lowest total when the median is 0 or below', () => {
    expect(shown([-40, -30, -10, 0, 20])).toEqual([0, 16.67, 50, 66.67, 100]);
    expect(shown([-5, -5, -5, 10])).toEqual([50, 50, 50, 100]);
  });

  it('works on unrounded totals: 33.334 against a median of 33.336 is 49.997 %, not the 49.99 % of rounded ones', () => {
    const totals = [33.334, 33.336, 66.666];
    expect(relativeScore(rankStatsOf(totals), 33.334)).toBeCloseTo(49.997, 3);
    expect(shown(totals)).toEqual([50, 50, 100]);
  });

  it('has no relative score for an empty model, and stays within 0–100 % for totals outside the set', () => {
    expect(relativeScore(rankStatsOf([]), 10)).toBeNull();
    const stats = rankStatsOf([0, 10, 20]);
    expect(relativeScore(stats, 500)).toBe(100);
    expect(relativeScore(stats, -500)).toBe(0);
  });

  it('never ranks a higher total below a lower one', () => {
    const totals = [-12.5, -3, 0, 0, 4.25, 9, 9, 17, 40, 41.5];
    const stats = rankStatsOf(totals);
    const percents = [...totals].sort((a, b) => a - b).map((t) => relativeScore(stats, t) ?? -1);
    for (let i = 1; i < percents.length; i += 1)
      expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1] ?? 0);
  });
});
