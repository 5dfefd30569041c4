import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  leaderboardPageSchema,
  scoreDistributionSchema,
  type LeaderboardPage,
  type ScoreDistribution,
} from '@leadscore/contracts';
import type { ContactRank } from '@leadscore/persistence';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { wholeNumberParameter } from '../http/query-parameters.js';
import { Documented } from '../openapi/route-doc.js';
import { ReadLeaderboard, type LeaderboardRequest } from '../usecases/read-leaderboard.usecase.js';
import { ReadScoreDistribution } from '../usecases/read-score-distribution.usecase.js';
import { ID_PARAMETER, modelId } from './models.controller.js';

export const DEFAULT_LEADERBOARD_PAGE = 50;
export const MAX_LEADERBOARD_PAGE = 200;
export const DEFAULT_BUCKET_WIDTH = 10;
const TIERS = ['hot', 'warm', 'cold', 'none'] as const;
const STAGES = ['lead', 'recycled', 'mql', 'sql'] as const;

function invalid(field: string, expected: string, detail: string): never {
  return fail('invalid-request', detail, [{ field, expected }]);
}

/** A comma-separated list, each value checked; undefined when the parameter is absent. */
function listOf(
  value: unknown,
  field: string,
  accepts: (item: string) => boolean,
  expected: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : [];
  if (items.length === 0 || items.length > 20 || !items.every((item) => item !== '' && accepts(item)))
    invalid(
      field,
      expected,
      `${field} must be ${expected}, comma-separated (e.g. ${field.slice(1)}=${expected.split(' ')[0]}).`,
    );
  return items;
}

function leaderboardRequest(query: Record<string, unknown>): LeaderboardRequest {
  const { cursor, tier, grade, stage, updatedSince } = query;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 2_000))
    invalid(
      '?cursor',
      'the nextCursor of the previous page',
      '?cursor must be the nextCursor of the previous page, unchanged.',
    );
  const tiers = listOf(
    tier,
    '?tier',
    (t) => (TIERS as readonly string[]).includes(t),
    'hot, warm, cold or none',
  );
  const stages = listOf(
    stage,
    '?stage',
    (s) => (STAGES as readonly string[]).includes(s),
    'lead, recycled, mql or sql',
  );
  const grades = listOf(grade, '?grade', (g) => g.length <= 64, 'grades of the model (e.g. A)');
  let since: Date | undefined;
  if (updatedSince !== undefined) {
    since =
      typeof updatedSince === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(updatedSince)
        ? new Date(updatedSince)
        : undefined;
    if (!since || Number.isNaN(since.getTime()))
      invalid(
        '?updatedSince',
        'an RFC 3339 date-time',
        '?updatedSince must be an RFC 3339 date-time, e.g. 2026-12-01T00:00:00Z.',
      );
  }
  return {
    limit: wholeNumberParameter(query['limit'], '?limit', 1, MAX_LEADERBOARD_PAGE, DEFAULT_LEADERBOARD_PAGE),
    ...(typeof cursor === 'string' ? { cursor } : {}),
    ...(tiers
      ? {
          tiers: tiers.map((t): ContactRank['tier'] =>
            t === 'none' ? null : (t as 'hot' | 'warm' | 'cold'),
          ),
        }
      : {}),
    ...(grades ? { grades } : {}),
    ...(stages ? { stages } : {}),
    ...(since ? { updatedSince: since } : {}),
  };
}

const csv = (description: string, values?: readonly string[]) => ({
  in: 'query' as const,
  description,
  schema: values
    ? { type: 'string', pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` }
    : { type: 'string', minLength: 1 },
});

/** A model's leaderboard and score distribution (admin or read). */
@Controller('v1/models')
@UseGuards(ApiKeyGuard)
export class ScoresController {
  constructor(
    @Inject(ReadLeaderboard) private readonly readLeaderboard: ReadLeaderboard,
    @Inject(ReadScoreDistribution) private readonly readScoreDistribution: ReadScoreDistribution,
  ) {}

  @Get(':id/leaderboard')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'scores',
    summary: 'A model’s contacts, highest score first, with their relative score',
    description:
      'Ordered by the unrounded total (ties: contact key, descending), as of each contact’s last write. Pages follow `nextCursor`, a position rather than an offset: a contact whose total does not change during the walk appears exactly once. `relativePercent` is ONTRAPORT’s relative score against `stats` (cached for API_SCORE_STATS_MAX_AGE_MS, with its `asOf`). With grade, stage or updatedSince filters a page examines at most 10,000 contacts and says `partial` when they filled too little of it.',
    parameters: [
      ID_PARAMETER,
      {
        name: 'limit',
        in: 'query',
        description: `Entries per page (default ${DEFAULT_LEADERBOARD_PAGE})`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_LEADERBOARD_PAGE },
      },
      {
        name: 'cursor',
        in: 'query',
        description: 'The `nextCursor` of the previous page (same filters)',
        schema: { type: 'string', minLength: 1, maxLength: 2000 },
      },
      {
        name: 'tier',
        ...csv('Tiers to keep, comma-separated; `none` for contacts of a model without tiers', TIERS),
      },
      { name: 'grade', ...csv('Grades to keep, comma-separated') },
      {
        name: 'stage',
        ...csv(
          'Lifecycle stages to keep, comma-separated (a contact threshold has not staged is a `lead`)',
          STAGES,
        ),
      },
      {
        name: 'updatedSince',
        in: 'query',
        description: 'Only contacts whose total was written at or after this time',
        schema: { type: 'string', format: 'date-time' },
      },
    ],
    responses: { 200: { description: 'One page of the leaderboard', schema: leaderboardPageSchema } },
  })
  leaderboard(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<LeaderboardPage> {
    return this.readLeaderboard.execute(caller, modelId(id), leaderboardRequest(query));
  }

  @Get(':id/distribution')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'scores',
    summary: 'How a model’s scores are spread: histogram, percentiles, median, extremes',
    description:
      'From the unrounded totals as of each contact’s last write, computed without sorting the contacts (a histogram every score write maintains, then the leaderboard index), cached for API_SCORE_STATS_MAX_AGE_MS; `stats.asOf` says when.',
    parameters: [
      ID_PARAMETER,
      {
        name: 'bucketWidth',
        in: 'query',
        description: `Points per histogram bucket (default ${DEFAULT_BUCKET_WIDTH})`,
        schema: { type: 'integer', minimum: 1, maximum: 1000000 },
      },
    ],
    responses: { 200: { description: 'The distribution', schema: scoreDistributionSchema } },
  })
  distribution(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query('bucketWidth') bucketWidth: unknown,
  ): Promise<ScoreDistribution> {
    const width = wholeNumberParameter(bucketWidth, '?bucketWidth', 1, 1_000_000, DEFAULT_BUCKET_WIDTH);
    return this.readScoreDistribution.execute(caller, modelId(id), width);
  }
}
