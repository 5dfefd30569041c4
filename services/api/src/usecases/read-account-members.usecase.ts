import type { AccountMembersPage } from '@leadscore/contracts';
import { accountMemberRepository, accountScoreRepository } from '@leadscore/persistence';
import { fromCentiPoints } from '@leadscore/scoring';
import { accountNotFoundUnder, publishedMemberScores } from '../accounts/account-reads.js';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { liveVersionOrNotFound } from '../scores/model-documents.js';

/**
 * GET /v1/models/{id}/accounts/{account}/members: one page of the account's members under the model,
 * highest rolled-up engagement first (ties by contact key), each with the total, tier and grade it last
 * published (contact_scores); `total` is the account's member count as the roll-up keeps it.
 */
export class ReadAccountMembers {
  constructor(private readonly context: ApiContext) {}

  execute(
    caller: Caller,
    modelId: string,
    accountId: string,
    page: { readonly limit: number; readonly offset: number },
  ): Promise<AccountMembersPage> {
    const { workspaceId } = caller;
    return this.context.dataSource.transaction('REPEATABLE READ', async (sql) => {
      await liveVersionOrNotFound(sql, workspaceId, modelId);
      const key = { workspaceId, modelId, accountId };
      const account = await accountScoreRepository.find(sql, key);
      if (!account || account.scores === null) accountNotFoundUnder(modelId, accountId);
      const members = await accountMemberRepository.page(sql, key, page.limit, page.offset);
      const published = await publishedMemberScores(
        sql,
        workspaceId,
        modelId,
        members.map((member) => member.contactId),
      );
      return {
        account: accountId,
        modelId,
        members: members.map((member) => {
          const scores = published.get(member.contactId);
          return {
            contact: member.contactId,
            engagement: fromCentiPoints(member.engagementCenti),
            total: scores?.total ?? null,
            tier: scores?.tier ?? null,
            grade: scores?.grade ?? null,
          };
        }),
        total: account.members,
        limit: page.limit,
        offset: page.offset,
      };
    });
  }
}
