import type { AccountLeaderboardPage } from '@leadscore/contracts';
import { accountScoreRepository } from '@leadscore/persistence';
import { publishedOf, relativePercentOf } from '../accounts/account-reads.js';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { liveVersionOrNotFound } from '../scores/model-documents.js';

/** A page of a model's accounts: its size and position, and the filters. */
export interface AccountLeaderboardRequest {
  readonly limit: number;
  readonly offset: number;
  readonly stage?: 'lead' | 'mqa';
  /** cold, warm or hot, or a named account tier (`accounts.tiers[].id`). */
  readonly tier?: string;
}

/**
 * GET /v1/models/{id}/accounts: one page of the model's scored accounts, highest published total first
 * (ties by account id), each with its relative score among all the model's scored accounts. The page,
 * the count and the relative-score figures come from one snapshot. A model without an `accounts` section
 * scores no account: an empty page.
 */
export class ReadAccountLeaderboard {
  constructor(private readonly context: ApiContext) {}

  execute(
    caller: Caller,
    modelId: string,
    request: AccountLeaderboardRequest,
  ): Promise<AccountLeaderboardPage> {
    const { workspaceId } = caller;
    return this.context.dataSource.transaction('REPEATABLE READ', async (sql) => {
      await liveVersionOrNotFound(sql, workspaceId, modelId);
      const page = await accountScoreRepository.leaderboard(
        sql,
        workspaceId,
        modelId,
        request.limit,
        request.offset,
        {
          ...(request.stage ? { stage: request.stage } : {}),
          ...(request.tier ? { tier: request.tier } : {}),
        },
      );
      const stats = await accountScoreRepository.rankStats(sql, workspaceId, modelId);
      return {
        modelId,
        entries: page.rows.map((row) => {
          const { scores, modelVersion } = publishedOf(row);
          return {
            account: row.accountId,
            scores,
            relativePercent: relativePercentOf(stats, scores.total),
            stage: row.stage,
            modelVersion,
          };
        }),
        total: page.total,
        limit: request.limit,
        offset: request.offset,
      };
    });
  }
}
