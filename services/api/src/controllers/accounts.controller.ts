import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  accountDetailSchema,
  accountLeaderboardPageSchema,
  accountMembersPageSchema,
  type AccountDetail,
  type AccountLeaderboardPage,
  type AccountMembersPage,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { wholeNumberParameter } from '../http/query-parameters.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import {
  ReadAccountLeaderboard,
  type AccountLeaderboardRequest,
} from '../usecases/read-account-leaderboard.usecase.js';
import { ReadAccountMembers } from '../usecases/read-account-members.usecase.js';
import { ReadAccount } from '../usecases/read-account.usecase.js';
import { DEFAULT_LEADERBOARD_PAGE, MAX_LEADERBOARD_PAGE } from './scores.controller.js';
import { ID_PARAMETER, modelId } from './models.controller.js';

/** The furthest a page may start (accounts are sorted at read time: a deeper offset costs the sort). */
export const MAX_ACCOUNT_OFFSET = 1_000_000;
const STAGES = ['lead', 'mqa'] as const;
/** cold, warm, hot, or a named account tier's id (`accounts.tiers[].id`, the model schema's pattern). */
const TIER = /^[a-z][a-z0-9-]{0,31}$/;

const ACCOUNT_PARAMETER: ParameterDoc = {
  name: 'account',
  in: 'path',
  description:
    'The account id: the `company.id` trait its members were given (a Segment group call’s groupId), else their email domain (e.g. acme.com); percent-encoded',
  schema: { type: 'string', minLength: 1 },
};

const PAGE_PARAMETERS: readonly ParameterDoc[] = [
  {
    name: 'limit',
    in: 'query',
    description: `Entries per page (default ${DEFAULT_LEADERBOARD_PAGE})`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LEADERBOARD_PAGE },
  },
  {
    name: 'offset',
    in: 'query',
    description: 'Entries to skip (default 0)',
    schema: { type: 'integer', minimum: 0, maximum: MAX_ACCOUNT_OFFSET },
  },
];

function pageOf(query: Record<string, unknown>): { limit: number; offset: number } {
  return {
    limit: wholeNumberParameter(query['limit'], '?limit', 1, MAX_LEADERBOARD_PAGE, DEFAULT_LEADERBOARD_PAGE),
    offset: wholeNumberParameter(query['offset'], '?offset', 0, MAX_ACCOUNT_OFFSET, 0),
  };
}

function leaderboardRequest(query: Record<string, unknown>): AccountLeaderboardRequest {
  const { stage, tier } = query;
  if (stage !== undefined && !(STAGES as readonly unknown[]).includes(stage))
    fail('invalid-request', '?stage must be lead or mqa (one of them, e.g. ?stage=mqa).', [
      { field: '?stage', expected: 'lead or mqa' },
    ]);
  if (tier !== undefined && (typeof tier !== 'string' || !TIER.test(tier)))
    fail(
      'invalid-request',
      '?tier must be cold, warm, hot or the id of one of the model’s named account tiers (e.g. ?tier=hot).',
      [{ field: '?tier', expected: 'cold, warm, hot or a named account tier' }],
    );
  return {
    ...pageOf(query),
    ...(typeof stage === 'string' ? { stage: stage as AccountLeaderboardRequest['stage'] } : {}),
    ...(typeof tier === 'string' ? { tier } : {}),
  };
}

/**
 * Accounts (companies) as the threshold service rolls their members up (admin or read): a model's
 * accounts by total, one account under every model with why, and an account's members.
 */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class AccountsController {
  constructor(
    @Inject(ReadAccountLeaderboard) private readonly readAccountLeaderboard: ReadAccountLeaderboard,
    @Inject(ReadAccount) private readonly readAccount: ReadAccount,
    @Inject(ReadAccountMembers) private readonly readAccountMembers: ReadAccountMembers,
  ) {}

  @Get('models/:id/accounts')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'accounts',
    summary: 'A model’s accounts, highest total first, with their relative score',
    description:
      'The accounts the model scores (its `accounts` section; none without one), by their last published total, highest first (ties by account id), paged by `limit` and `offset`; `total` counts the accounts matching the filters. `relativePercent` is ONTRAPORT’s relative score among all the model’s scored accounts (top = 100, median = 50), as for contacts.',
    parameters: [
      ID_PARAMETER,
      ...PAGE_PARAMETERS,
      {
        name: 'stage',
        in: 'query',
        description: 'Only accounts at this stage: `mqa` (marketing-qualified) or `lead`',
        schema: { type: 'string', enum: [...STAGES] },
      },
      {
        name: 'tier',
        in: 'query',
        description:
          'Only accounts in this tier: cold, warm, hot, or a named account tier of the model (`accounts.tiers[].id`)',
        schema: { type: 'string', pattern: TIER.source },
      },
    ],
    responses: {
      200: { description: 'One page of the model’s accounts', schema: accountLeaderboardPageSchema },
    },
  })
  leaderboard(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AccountLeaderboardPage> {
    return this.readAccountLeaderboard.execute(caller, modelId(id), leaderboardRequest(query));
  }

  @Get('accounts/:account')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'accounts',
    summary: 'An account’s traits and its scores under every model, and why',
    description:
      'For every model that scores the account: its last published scores, relative score, stage and change sequence, the roll-up of the model version that computed them, and the explanation — its 10 highest members by rolled-up engagement (under max and topMean the first ones are those counted) and the account fit rules that match its traits. 404 when no model scores the account.',
    parameters: [ACCOUNT_PARAMETER],
    responses: {
      200: { description: 'The account', schema: accountDetailSchema },
      404: { description: 'No model scores an account with this id in the caller’s workspace (yet)' },
    },
  })
  read(@AuthenticatedCaller() caller: Caller, @Param('account') account: string): Promise<AccountDetail> {
    return this.readAccount.execute(caller, account);
  }

  @Get('models/:id/accounts/:account/members')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'accounts',
    summary: 'An account’s members under a model, highest engagement first',
    description:
      'Each member with the engagement the account rolled up (its last published engagement) and its last published total, tier and grade (null when its score is gone); paged by `limit` and `offset`, `total` is the account’s member count.',
    parameters: [ID_PARAMETER, ACCOUNT_PARAMETER, ...PAGE_PARAMETERS],
    responses: {
      200: { description: 'One page of the account’s members', schema: accountMembersPageSchema },
      404: { description: 'No such model, or the model scores no such account, in the caller’s workspace' },
    },
  })
  members(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Param('account') account: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AccountMembersPage> {
    return this.readAccountMembers.execute(caller, modelId(id), account, pageOf(query));
  }
}
