import { type ContactRank } from './contact-rank.repository.js';
import {
  contactScoreFromRecord,
  type ContactScoreRecord,
  type ContactScoreRow,
} from './contact-score.repository.js';
import { type SqlRunner } from './sql-types.js';

/** Everything a contact read shows of one model, from one statement. */
export interface ContactModelRead {
  readonly score: ContactScoreRow;
  /** The lifecycle stage threshold keeps, or null before it saw the contact. */
  readonly stage: string | null;
  /** The contact's leaderboard rank, or null before its first ranked write. */
  readonly rank: ContactRank | null;
  /** The model's live (highest) version, which "now" is computed with. */
  readonly liveVersion: number;
}

interface ContactReadRecord extends ContactScoreRecord {
  stage: string | null;
  rank_total: number | null;
  rank_tier: string | null;
  rank_grade: string | null;
  live_version: number | null;
}

/**
 * A contact as the api reads it: every model's stored score, stage, rank and live model version in one
 * statement, each joined by primary key (a read is one round trip, whatever the number of models).
 */
export const contactReadRepository = {
  async load(sql: SqlRunner, workspaceId: string, contactId: string): Promise<ContactModelRead[]> {
    const records = await sql.query<ContactReadRecord[]>(
      `SELECT s.*, l.stage, r.total AS rank_total, r.tier AS rank_tier, r.grade AS rank_grade,
              (SELECT max(m.version) FROM scoring_models m
               WHERE m.workspace_id = s.workspace_id AND m.model_id = s.model_id) AS live_version
       FROM contact_scores s
       LEFT JOIN lifecycle_states l USING (workspace_id, model_id, contact_id)
       LEFT JOIN contact_ranks r USING (workspace_id, model_id, contact_id)
       WHERE s.workspace_id = $1 AND s.contact_id = $2
       ORDER BY s.model_id`,
      [workspaceId, contactId],
    );
    return records.map((r) => ({
      score: contactScoreFromRecord(r),
      stage: r.stage,
      rank:
        r.rank_total === null
          ? null
          : {
              total: r.rank_total,
              tier: r.rank_tier ? (r.rank_tier as NonNullable<ContactRank['tier']>) : null,
              grade: r.rank_grade,
            },
      liveVersion: r.live_version ?? r.model_version,
    }));
  },
};
