import { api, enc } from './client';
import type { AccountDetail, AccountLeaderboardPage, AccountMembersPage, AccountStage } from './types';

/** The api's account routes (accounts: companies, their members' engagement rolled up). */

export interface AccountLeaderboardQuery {
  stage?: AccountStage | '';
  tier?: string;
  limit?: number;
  offset?: number;
}

/** GET /v1/models/{id}/accounts: one page of the model's accounts, highest total first. */
export function getAccountLeaderboard(
  modelId: string,
  query: AccountLeaderboardQuery,
  signal?: AbortSignal,
): Promise<AccountLeaderboardPage> {
  return api.get<AccountLeaderboardPage>(
    `/v1/models/${enc(modelId)}/accounts`,
    { limit: query.limit, offset: query.offset, stage: query.stage, tier: query.tier },
    signal,
  );
}

/** GET /v1/accounts/{account}: the account's traits and, per model, its scores and their explanation. */
export function getAccount(account: string, signal?: AbortSignal): Promise<AccountDetail> {
  return api.get<AccountDetail>(`/v1/accounts/${enc(account)}`, undefined, signal);
}

/** GET /v1/models/{id}/accounts/{account}/members: one page of its members, highest engagement first. */
export function getAccountMembers(
  modelId: string,
  account: string,
  query: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<AccountMembersPage> {
  return api.get<AccountMembersPage>(
    `/v1/models/${enc(modelId)}/accounts/${enc(account)}/members`,
    { limit: query.limit, offset: query.offset },
    signal,
  );
}
