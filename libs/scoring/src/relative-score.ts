/**
 * ONTRAPORT's relative score: where a contact stands among the contacts of its model, as a percentage.
 * The top contact is 100 %, the median contact 50 %; totals between the median and the top spread
 * linearly over 50–100 %, totals between 0 and the median over 0–50 %. Always from unrounded totals.
 *
 * The median is the lower middle total (`totals[⌊(count − 1) / 2⌋]` in ascending order), so it is always
 * a total some contact has. Edge cases:
 * - no contacts: no relative score (null);
 * - one contact, all totals equal, or a top tied with the median: the top wins, every total at or
 *   above the median is 100 %;
 * - negative totals below a positive median are 0 % (0 points is 0 %);
 * - a median at or below 0 has no positive range under it: the lowest total is 0 % instead, and totals
 *   between it and the median spread over 0–50 %.
 */
export interface RankStats {
  /** Contacts of the model. */
  readonly count: number;
  /** The highest total. */
  readonly top: number;
  /** The lower middle total. */
  readonly median: number;
  /** The lowest total. */
  readonly min: number;
}

/** The relative score of `total` (0–100, unrounded) among the contacts `stats` describes; null when there are none. */
export function relativeScore(stats: RankStats, total: number): number | null {
  const { count, top, median, min } = stats;
  if (count === 0) return null;
  let percent: number;
  if (total >= median) percent = top === median ? 100 : 50 + (50 * (total - median)) / (top - median);
  else if (median > 0) percent = (50 * Math.max(total, 0)) / median;
  else percent = median === min ? 0 : (50 * (total - min)) / (median - min);
  return Math.min(100, Math.max(0, percent));
}

/**
 * The stats of a list of totals, by sorting it: for tests and small sets. At scale the median comes from
 * a maintained structure, not a sort per request.
 */
export function rankStatsOf(totals: readonly number[]): RankStats {
  const sorted = [...totals].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count, top: 0, median: 0, min: 0 };
  return {
    count,
    top: sorted[count - 1] ?? 0,
    median: sorted[Math.floor((count - 1) / 2)] ?? 0,
    min: sorted[0] ?? 0,
  };
}
