import type { ScoreStats } from '@leadscore/contracts';
import { contactRankRepository, type DataSource, type HistogramBucket } from '@leadscore/persistence';
import { roundScore, type RankStats } from '@leadscore/scoring';
import { liveVersionOrNotFound } from './model-documents.js';

export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
export type PercentileName = `p${(typeof PERCENTILES)[number]}`;

/** One computation of where a model's contacts stand (all figures from one database snapshot). */
export interface ModelScoreStats {
  readonly count: number;
  readonly top: { contact: string; total: number } | null;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly percentiles: Record<PercentileName, number> | null;
  /** Contacts per 1-point bucket, ascending. */
  readonly histogram: HistogramBucket[];
  readonly asOf: Date;
}

/** The lower median's 0-based ascending position: always some contact's total. */
export const medianPosition = (count: number) => Math.floor((count - 1) / 2);
/** Nearest rank: the ⌈q·count⌉-th lowest total. */
export const percentilePosition = (percent: number, count: number) =>
  Math.max(0, Math.ceil((percent / 100) * count) - 1);

/** The inputs of libs/scoring's relativeScore. */
export function relativeBasisOf(stats: ModelScoreStats): RankStats {
  return {
    count: stats.count,
    top: stats.max ?? 0,
    median: stats.median ?? 0,
    min: stats.min ?? 0,
  };
}

/** The stats as answers show them: totals rounded to hundredths, as scores are published (computed unrounded). */
export function scoreStatsView(stats: ModelScoreStats): ScoreStats {
  const shown = (total: number | null) => (total === null ? null : roundScore(total));
  return {
    count: stats.count,
    top: stats.top && { contact: stats.top.contact, total: roundScore(stats.top.total) },
    median: shown(stats.median),
    min: shown(stats.min),
    asOf: stats.asOf.toISOString(),
  };
}

/**
 * Median, percentiles, extremes and histogram of each model, kept for `maxAgeMs` (API_SCORE_STATS_MAX_AGE_MS)
 * so a busy leaderboard does not recompute them per request; each answer says when they were computed.
 * No figure needs a sort: the histogram (maintained by every score write) names the 1-point bucket of a
 * position, and the leaderboard index finds the total inside it (contactRankRepository.orderStatistics).
 * Concurrent requests for one model share one computation.
 */
export class ScoreStatsCache {
  private readonly entries = new Map<string, { stats: Promise<ModelScoreStats>; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxAgeMs: number,
    private readonly now: () => Date,
  ) {}

  /** The model's figures; rejects with 404 when the workspace has no such model. */
  of(workspaceId: string, modelId: string): Promise<ModelScoreStats> {
    const key = `${workspaceId}\u0000${modelId}`;
    const at = this.now().getTime();
    const cached = this.entries.get(key);
    if (cached && at - cached.at <= this.maxAgeMs) return cached.stats;
    // Entries of models nobody asks about again go once they are stale (the map stays small).
    for (const [other, entry] of this.entries) if (at - entry.at > this.maxAgeMs) this.entries.delete(other);
    const stats = this.compute(workspaceId, modelId);
    this.entries.set(key, { stats, at });
    stats.catch(() => this.entries.delete(key));
    return stats;
  }

  private compute(workspaceId: string, modelId: string): Promise<ModelScoreStats> {
    const asOf = this.now();
    return this.dataSource.transaction('REPEATABLE READ', async (sql) => {
      // A model that does not exist is 404 (and not kept); models are never deleted, so one that
      // exists goes on existing for as long as its figures are kept.
      await liveVersionOrNotFound(sql, workspaceId, modelId);
      const statistics = await contactRankRepository.orderStatistics(sql, workspaceId, modelId, (count) => [
        0,
        count - 1,
        medianPosition(count),
        ...PERCENTILES.map((percent) => percentilePosition(percent, count)),
      ]);
      const { count, histogram, totals } = statistics;
      if (count === 0)
        return { count, top: null, median: null, min: null, max: null, percentiles: null, histogram, asOf };
      const top = await contactRankRepository.top(sql, workspaceId, modelId);
      const [min = 0, max = 0, median = 0, ...percentileTotals] = totals;
      const percentiles = Object.fromEntries(
        PERCENTILES.map((percent, i) => [`p${percent}`, percentileTotals[i] ?? 0]),
      ) as Record<PercentileName, number>;
      return {
        count,
        top: top ? { contact: top.contactId, total: top.total } : null,
        median,
        min,
        max,
        percentiles,
        histogram,
        asOf,
      };
    });
  }
}
