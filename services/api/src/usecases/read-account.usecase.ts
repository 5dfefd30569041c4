import type { AccountDetail, AccountModelScores } from '@leadscore/contracts';
import {
  accountKeyOf,
  accountMemberRepository,
  accountProfileRepository,
  accountScoreRepository,
} from '@leadscore/persistence';
import { accountFitOf, fromCentiPoints, rollupView } from '@leadscore/scoring';
import { WHAT_AN_ACCOUNT_IS, publishedOf, relativePercentOf } from '../accounts/account-reads.js';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';

/** How many of an account's highest members its explanation names (the schema's `maxItems`). */
export const EXPLAINED_MEMBERS = 10;

/**
 * GET /v1/accounts/{account}: the account's traits and, under every model that scores it, its published
 * scores, relative score, stage and last sequence, the roll-up of the model version that computed them,
 * and why: its highest members (their rolled-up engagement) and the account fit rules of that version
 * that match its traits.
 */
export class ReadAccount {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, accountId: string): Promise<AccountDetail> {
    const { workspaceId } = caller;
    const sql = this.context.dataSource.manager;
    const rows = await accountScoreRepository.modelsOf(sql, workspaceId, accountId);
    if (rows.length === 0)
      fail(
        'not-found',
        `No model scores an account "${accountId.slice(0, 200)}" in this workspace (yet). ${WHAT_AN_ACCOUNT_IS} GET /v1/models/{id}/accounts lists a model's accounts.`,
      );
    const keys = rows.map((row) => ({ workspaceId, modelId: row.modelId, accountId }));
    const [profiles, highest, stats] = await Promise.all([
      accountProfileRepository.loadMany(sql, [{ workspaceId, accountId }]),
      accountMemberRepository.highest(sql, keys, EXPLAINED_MEMBERS),
      Promise.all(rows.map((row) => accountScoreRepository.rankStats(sql, workspaceId, row.modelId))),
    ]);
    const traits = profiles.get(`${workspaceId}\u0000${accountId}`) ?? {};
    const models: AccountModelScores[] = [];
    for (const [index, row] of rows.entries()) {
      const { scores, modelVersion } = publishedOf(row);
      const model = await this.context.modelDocuments.version(workspaceId, row.modelId, modelVersion);
      if (!model?.accounts)
        throw new Error(
          `scoring_models has no version ${modelVersion} of ${workspaceId}/${row.modelId} with accounts`,
        );
      const rankStats = stats[index];
      models.push({
        model: { id: row.modelId, version: modelVersion },
        scores,
        relativePercent: rankStats ? relativePercentOf(rankStats, scores.total) : null,
        stage: row.stage,
        sequence: row.sequence,
        rollup: rollupView(model.accounts.engagement),
        explanation: {
          members: (highest.get(accountKeyOf(row)) ?? []).map((member) => ({
            contact: member.contactId,
            engagement: fromCentiPoints(member.engagementCenti),
          })),
          fit: [...accountFitOf(model.accounts, traits).rules],
        },
      });
    }
    return { account: accountId, traits, models };
  }
}
