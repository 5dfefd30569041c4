import type { AccountScores } from '@leadscore/contracts';
import type { AccountScoreRow, SqlRunner } from '@leadscore/persistence';
import { relativeScore, roundScore, type RankStats } from '@leadscore/scoring';
import { fail } from '../http/problem-details.js';

/** What an account is, for answers that did not find one. */
export const WHAT_AN_ACCOUNT_IS =
  'An account is a company: a contact joins one by its `company.id` trait (a Segment group call or an identify’s `company` trait), else by its email’s domain unless that is a free-mail one, and a model scores accounts when it has an `accounts` section and one of their members’ scores changed under it.';

/** A scored account row's published figures (rows the reads return always have them). */
export function publishedOf(row: AccountScoreRow): { scores: AccountScores; modelVersion: number } {
  if (row.scores === null || row.modelVersion === null)
    throw new Error(
      `account_scores ${row.workspaceId}/${row.modelId}/${row.accountId} has no published scores`,
    );
  return { scores: row.scores as AccountScores, modelVersion: row.modelVersion };
}

/** ONTRAPORT's relative score among the model's scored accounts, two decimals; null when none is scored. */
export function relativePercentOf(stats: RankStats, total: number): number | null {
  const percent = relativeScore(stats, total);
  return percent === null ? null : roundScore(percent);
}

/** A member's last published figures (the scores state's `reported` snapshot). */
export interface PublishedMemberScores {
  readonly total: number | null;
  readonly tier: 'cold' | 'warm' | 'hot' | null;
  readonly grade: string | null;
}

const TIERS: ReadonlySet<string> = new Set(['cold', 'warm', 'hot']);

/**
 * The last published total, tier and grade of some contacts of a workspace under a model, from
 * contact_scores (`state->'reported'`, by primary key); contacts without a row (erased) are left out.
 */
export async function publishedMemberScores(
  sql: SqlRunner,
  workspaceId: string,
  modelId: string,
  contactIds: readonly string[],
): Promise<Map<string, PublishedMemberScores>> {
  const found = new Map<string, PublishedMemberScores>();
  if (contactIds.length === 0) return found;
  const rows = await sql.query<
    { contact_id: string; total: number | null; tier: string | null; grade: string | null }[]
  >(
    `SELECT contact_id, (state -> 'reported' ->> 'total')::double precision AS total,
            state -> 'reported' ->> 'tier' AS tier, state -> 'reported' ->> 'grade' AS grade
     FROM contact_scores
     WHERE workspace_id = $1 AND model_id = $2 AND contact_id = ANY($3::text[])`,
    [workspaceId, modelId, [...contactIds]],
  );
  for (const row of rows)
    found.set(row.contact_id, {
      total: row.total === null ? null : roundScore(row.total),
      tier: row.tier !== null && TIERS.has(row.tier) ? (row.tier as PublishedMemberScores['tier']) : null,
      grade: row.grade,
    });
  return found;
}

/** The 404 of an account the model does not score in the caller's workspace. */
export function accountNotFoundUnder(modelId: string, accountId: string): never {
  return fail(
    'not-found',
    `The model "${modelId.slice(0, 80)}" scores no account "${accountId.slice(0, 200)}" in this workspace (yet); GET /v1/models/${modelId.slice(0, 80)}/accounts lists the accounts it scores. ${WHAT_AN_ACCOUNT_IS}`,
  );
}
