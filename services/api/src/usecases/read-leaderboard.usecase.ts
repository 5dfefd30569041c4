import type { LeaderboardPage } from '@leadscore/contracts';
import { contactRankRepository, type LeaderboardQuery } from '@leadscore/persistence';
import { relativeScore, roundScore } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, encodeCursor, filtersDigest } from '../scores/leaderboard-cursor.js';
import { relativeBasisOf, scoreStatsView } from '../scores/score-stats.js';

/** Contacts a filtered page examines at most past its cursor (a rare filter never scans the model). */
export const LEADERBOARD_SCAN_BUDGET = 10_000;

/** A page request: the repository's filters, and the cursor as the client holds it. */
export type LeaderboardRequest = Pick<
  LeaderboardQuery,
  'limit' | 'tiers' | 'grades' | 'stages' | 'updatedSince'
> & {
  readonly cursor?: string;
};

/**
 * GET /v1/models/{id}/leaderboard: one page of the model's contacts, highest unrounded total first, from
 * contact_ranks (index ranges only), with each contact's stage and ONTRAPORT relative score against the
 * model's cached stats. The cursor is a position (total, contact), not an offset: a contact whose total
 * did not change during the walk appears exactly once, in order.
 */
export class ReadLeaderboard {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string, request: LeaderboardRequest): Promise<LeaderboardPage> {
    const sql = this.context.dataSource.manager;
    const { cursor: cursorText, ...filters } = request;
    const digest = filtersDigest({
      m: modelId,
      t: request.tiers ?? null,
      g: request.grades ?? null,
      s: request.stages ?? null,
      u: request.updatedSince?.toISOString() ?? null,
    });
    const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText, digest);
    const walkStartedAt = cursor?.walkStartedAt ?? this.context.now().toISOString();
    const [rows, stats] = await Promise.all([
      contactRankRepository.page(sql, {
        ...filters,
        workspaceId: caller.workspaceId,
        modelId,
        ...(cursor ? { after: cursor.after } : {}),
        scanBudget: LEADERBOARD_SCAN_BUDGET,
      }),
      this.context.scoreStats.of(caller.workspaceId, modelId),
    ]);
    const basis = relativeBasisOf(stats);
    return {
      modelId,
      entries: rows.entries.map((entry) => ({
        contact: entry.contactId,
        total: roundScore(entry.rank.total),
        // A contact above the stats' top (it rose since they were computed) is 100 %.
        relativePercent: roundScore(relativeScore(basis, entry.rank.total) ?? 100),
        tier: entry.rank.tier,
        grade: entry.rank.grade,
        stage: entry.stage as LeaderboardPage['entries'][number]['stage'],
        modelVersion: entry.modelVersion,
        updatedAt: entry.asOf.toISOString(),
      })),
      nextCursor: rows.next ? encodeCursor({ after: rows.next, filters: digest, walkStartedAt }) : null,
      partial: rows.partial,
      stats: scoreStatsView(stats),
      walkStartedAt,
    };
  }
}
