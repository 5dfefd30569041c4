import type { ScoreDistribution } from '@leadscore/contracts';
import { roundScore } from '@leadscore/scoring';
import type { HistogramBucket } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { scoreStatsView } from '../scores/score-stats.js';

/** 1-point buckets merged into buckets of `width` points, [from, from + width), from a multiple of the width. */
export function mergeBuckets(
  buckets: readonly HistogramBucket[],
  width: number,
): ScoreDistribution['histogram'] {
  const merged: ScoreDistribution['histogram'] = [];
  for (const { bucket, contacts } of buckets) {
    const from = Math.floor(bucket / width) * width;
    const last = merged[merged.length - 1];
    if (last && last.from === from) last.contacts += contacts;
    else merged.push({ from, to: from + width, contacts });
  }
  return merged;
}

/** GET /v1/models/{id}/distribution: histogram, percentiles and extremes of a model's totals, with their time. */
export class ReadScoreDistribution {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string, bucketWidth: number): Promise<ScoreDistribution> {
    const stats = await this.context.scoreStats.of(caller.workspaceId, modelId);
    return {
      modelId,
      stats: scoreStatsView(stats),
      max: stats.max === null ? null : roundScore(stats.max),
      percentiles:
        stats.percentiles &&
        (Object.fromEntries(
          Object.entries(stats.percentiles).map(([name, total]) => [name, roundScore(total)]),
        ) as typeof stats.percentiles),
      bucketWidth,
      histogram: mergeBuckets(stats.histogram, bucketWidth),
    };
  }
}
