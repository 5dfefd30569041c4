import { type SqlRunner } from './sql-types.js';

/** Where a contact ranks under a model: its unrounded total, and its tier and grade as published. */
export interface ContactRank {
  readonly total: number;
  readonly tier: 'hot' | 'warm' | 'cold' | null;
  readonly grade: string | null;
}

export interface ContactRankRow {
  readonly workspaceId: string;
  readonly modelId: string;
  readonly contactId: string;
  readonly rank: ContactRank;
  readonly modelVersion: number;
  /** When the contact's score was last written. */
  readonly asOf: Date;
  /**
   * When the score next needs the decay service (libs/scoring `nextAttentionAt`), null: never. What a
   * decay pass reads its contacts by (`due`).
   */
  readonly attentionAt: Date | null;
}

/** A contact due for the decay service, and when it came due. */
export interface DueContact {
  readonly contactId: string;
  readonly attentionAt: Date;
}

/** A leaderboard position: total descending, then contact id descending (unique, so pages never overlap). */
export interface RankKey {
  readonly total: number;
  readonly contactId: string;
}

export interface LeaderboardQuery {
  readonly workspaceId: string;
  readonly modelId: string;
  readonly limit: number;
  /** The last entry of the previous page; entries strictly after it come next. */
  readonly after?: RankKey;
  /** Tiers to keep (null: contacts of a model without tiers); all when absent. */
  readonly tiers?: readonly ContactRank['tier'][];
  readonly grades?: readonly string[];
  /** Lifecycle stages to keep (a contact threshold has not staged yet is a `lead`). */
  readonly stages?: readonly string[];
  readonly updatedSince?: Date;
  /**
   * With grade, stage or time filters, at most this many contacts are examined past `after`, so a rare
   * filter never scans the model: a short page then says `partial` and where to go on from.
   */
  readonly scanBudget: number;
}

export interface LeaderboardEntry {
  readonly contactId: string;
  readonly rank: ContactRank;
  readonly modelVersion: number;
  readonly asOf: Date;
  readonly stage: string;
}

export interface LeaderboardRows {
  readonly entries: LeaderboardEntry[];
  /** Where the next page starts, when there may be one. */
  readonly next: RankKey | null;
  /** The scan budget ran out before the page filled: `next` continues the scan. */
  readonly partial: boolean;
}

export interface HistogramBucket {
  /** Totals in [bucket, bucket + 1) (the lowest and highest buckets also hold everything beyond ±1,000,000). */
  readonly bucket: number;
  readonly contacts: number;
}

export interface OrderStatistics {
  readonly count: number;
  readonly histogram: HistogramBucket[];
  /** The total at each requested 0-based ascending position, in the order asked. */
  readonly totals: number[];
}

const STORED_TIERS = ['hot', 'warm', 'cold', ''] as const;
const storedTier = (tier: ContactRank['tier']): string => tier ?? '';
const domainTier = (tier: string): ContactRank['tier'] =>
  tier === '' ? null : (tier as NonNullable<ContactRank['tier']>);

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Mirrors score_bucket() of migration 1764800000000. */
export const BUCKET_LIMIT = 1_000_000;

/** Parameters of one statement: `add(value)` gives its placeholder. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One index range per stored tier, each in `contact_ranks_order` order, merged: PostgreSQL plans the
 * `UNION ALL` of ordered, limited branches as a Merge Append of index scans, never a sort of the model.
 */
function mergedBranches(
  p: Parameters,
  [ws, model]: readonly [workspace: string, model: string],
  tiers: readonly string[],
  conditions: string[],
  direction: 'DESC' | 'ASC',
  branchLimit: string,
): string {
  const where = conditions.map((c) => ` AND ${c}`).join('');
  return tiers
    .map(
      (tier) =>
        `(SELECT contact_id, total, tier, grade, model_version, as_of FROM contact_ranks r
          WHERE r.workspace_id = ${ws} AND r.model_id = ${model} AND r.tier = ${p.add(tier)}${where}
          ORDER BY r.total ${direction}, r.contact_id ${direction} LIMIT ${branchLimit})`,
    )
    .join(' UNION ALL ');
}

interface RankRecord {
  contact_id: string;
  total: number;
  tier: string;
  grade: string | null;
  model_version: number;
  as_of: Date;
  stage?: string;
}

/**
 * Leaderboards and score distributions (tables of migration 1764800000000). Written only through
 * `write`, in the transaction that writes the contacts' scores; read with index ranges only.
 */
export const contactRankRepository = {
  /**
   * Records the ranks (and attention times) of many contacts in one statement and moves the histogram
   * with them: each changed rank adds one to its new bucket and takes one from its old one (PostgreSQL
   * 18's `RETURNING old.*`), in `shard`'s counters. A row whose rank and attention time did not change
   * is not rewritten. Rows must have distinct keys; they are written in key order, so two
   * writers of the same contacts lock them in one order.
   */
  async write(sql: SqlRunner, rows: readonly ContactRankRow[], shard: string): Promise<void> {
    if (rows.length === 0) return;
    const sorted = [...rows].sort(
      (a, b) =>
        byCodePoint(a.workspaceId, b.workspaceId) ||
        byCodePoint(a.modelId, b.modelId) ||
        byCodePoint(a.contactId, b.contactId),
    );
    await sql.query(
      `WITH input AS (
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[],
                              $7::int[], $8::timestamptz[], $10::timestamptz[])
           AS u(workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of, attention_at)),
       written AS (
         INSERT INTO contact_ranks AS r
           (workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of, attention_at)
         SELECT * FROM input
         ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
           total = EXCLUDED.total, tier = EXCLUDED.tier, grade = EXCLUDED.grade,
           model_version = EXCLUDED.model_version, as_of = EXCLUDED.as_of, attention_at = EXCLUDED.attention_at
         WHERE (r.total, r.tier, r.grade, r.attention_at)
           IS DISTINCT FROM (EXCLUDED.total, EXCLUDED.tier, EXCLUDED.grade, EXCLUDED.attention_at)
         RETURNING new.workspace_id, new.model_id, old.total AS old_total, new.total AS new_total),
       deltas AS (
         SELECT workspace_id, model_id, score_bucket(new_total) AS bucket, 1 AS delta FROM written
         UNION ALL
         SELECT workspace_id, model_id, score_bucket(old_total), -1 FROM written WHERE old_total IS NOT NULL)
       INSERT INTO score_histogram AS h (workspace_id, model_id, shard, bucket, contacts)
       SELECT workspace_id, model_id, $9, bucket, sum(delta) FROM deltas
       GROUP BY workspace_id, model_id, bucket HAVING sum(delta) <> 0
       ORDER BY workspace_id, model_id, bucket
       ON CONFLICT (workspace_id, model_id, shard, bucket) DO UPDATE SET contacts = h.contacts + EXCLUDED.contacts`,
      [
        sorted.map((r) => r.workspaceId),
        sorted.map((r) => r.modelId),
        sorted.map((r) => r.contactId),
        sorted.map((r) => r.rank.total),
        sorted.map((r) => storedTier(r.rank.tier)),
        sorted.map((r) => r.rank.grade),
        sorted.map((r) => r.modelVersion),
        sorted.map((r) => r.asOf.toISOString()),
        shard,
        sorted.map((r) => r.attentionAt?.toISOString() ?? null),
      ],
    );
  },

  /**
   * Up to `limit` contacts of a model whose score needs the decay service by `until`, in attention
   * order after `after` (keyset pagination), read through the attention index (unlocked: the caller
   * locks their scores).
   */
  async dueContacts(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    until: Date,
    after: DueContact | null,
    limit: number,
  ): Promise<DueContact[]> {
    const parameters: unknown[] = [workspaceId, modelId, until, limit];
    const from = after
      ? `AND (attention_at, contact_id) > ($${parameters.push(after.attentionAt)}, $${parameters.push(after.contactId)})`
      : '';
    const rows = await sql.query<{ contact_id: string; attention_at: Date }[]>(
      `SELECT contact_id, attention_at FROM contact_ranks
       WHERE workspace_id = $1 AND model_id = $2 AND attention_at IS NOT NULL AND attention_at <= $3 ${from}
       ORDER BY attention_at, contact_id LIMIT $4`,
      parameters,
    );
    return rows.map((r) => ({ contactId: r.contact_id, attentionAt: r.attention_at }));
  },

  /** Forgets the attention times of contacts that have no score (any more) under the model. */
  async clearAttention(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    contactIds: readonly string[],
  ): Promise<void> {
    if (contactIds.length === 0) return;
    await sql.query(
      `UPDATE contact_ranks SET attention_at = NULL
       WHERE workspace_id = $1 AND model_id = $2 AND contact_id = ANY($3::text[])`,
      [workspaceId, modelId, contactIds],
    );
  },

  /** One page of a model's leaderboard, with each entry's lifecycle stage. */
  async page(sql: SqlRunner, query: LeaderboardQuery): Promise<LeaderboardRows> {
    const tiers = query.tiers
      ? STORED_TIERS.filter((t) => query.tiers?.includes(domainTier(t)))
      : STORED_TIERS;
    if (tiers.length === 0) return { entries: [], next: null, partial: false };
    const filtered =
      query.grades !== undefined || query.stages !== undefined || query.updatedSince !== undefined;
    const bound = filtered ? await this.budgetBound(sql, query, tiers) : undefined;

    const p = new Parameters();
    const scope = [p.add(query.workspaceId), p.add(query.modelId)] as const;
    const conditions: string[] = [];
    if (query.after)
      conditions.push(
        `(r.total, r.contact_id) < (${p.add(query.after.total)}, ${p.add(query.after.contactId)})`,
      );
    if (bound)
      conditions.push(`(r.total, r.contact_id) >= (${p.add(bound.total)}, ${p.add(bound.contactId)})`);
    if (query.grades) conditions.push(`r.grade = ANY(${p.add(query.grades)}::text[])`);
    if (query.updatedSince) conditions.push(`r.as_of >= ${p.add(query.updatedSince.toISOString())}`);
    if (query.stages)
      conditions.push(
        `coalesce((SELECT l.stage FROM lifecycle_states l WHERE l.workspace_id = r.workspace_id
           AND l.model_id = r.model_id AND l.contact_id = r.contact_id), 'lead') = ANY(${p.add(query.stages)}::text[])`,
      );
    const limit = p.add(query.limit + 1);
    const branches = mergedBranches(p, scope, tiers, conditions, 'DESC', limit);
    const records = await sql.query<RankRecord[]>(
      `SELECT page.*, coalesce(l.stage, 'lead') AS stage
       FROM (SELECT * FROM (${branches}) merged ORDER BY total DESC, contact_id DESC LIMIT ${limit}) page
       LEFT JOIN lifecycle_states l
         ON l.workspace_id = ${scope[0]} AND l.model_id = ${scope[1]} AND l.contact_id = page.contact_id
       ORDER BY page.total DESC, page.contact_id DESC`,
      p.values,
    );
    const entries = records.slice(0, query.limit).map((r) => ({
      contactId: r.contact_id,
      rank: { total: r.total, tier: domainTier(r.tier), grade: r.grade },
      modelVersion: r.model_version,
      asOf: r.as_of,
      stage: r.stage ?? 'lead',
    }));
    const last = entries[entries.length - 1];
    if (records.length > query.limit && last)
      return { entries, next: { total: last.rank.total, contactId: last.contactId }, partial: false };
    if (bound) return { entries, next: bound, partial: true };
    return { entries, next: null, partial: false };
  },

  /**
   * The `scanBudget`-th contact after `after` in leaderboard order, ignoring the filters (undefined when
   * fewer remain): a filtered page examines no contact beyond it.
   */
  async budgetBound(
    sql: SqlRunner,
    query: LeaderboardQuery,
    tiers: readonly string[],
  ): Promise<RankKey | undefined> {
    const p = new Parameters();
    const scope = [p.add(query.workspaceId), p.add(query.modelId)] as const;
    const conditions = query.after
      ? [`(r.total, r.contact_id) < (${p.add(query.after.total)}, ${p.add(query.after.contactId)})`]
      : [];
    const budget = p.add(query.scanBudget);
    const branches = mergedBranches(p, scope, tiers, conditions, 'DESC', budget);
    const rows = await sql.query<RankRecord[]>(
      `SELECT contact_id, total FROM (${branches}) merged
       ORDER BY total DESC, contact_id DESC OFFSET ${budget}::int - 1 LIMIT 1`,
      p.values,
    );
    const row = rows[0];
    return row ? { total: row.total, contactId: row.contact_id } : undefined;
  },

  /** The highest ranked contact of a model (the highest contact id among ties), or undefined when none. */
  async top(sql: SqlRunner, workspaceId: string, modelId: string): Promise<RankKey | undefined> {
    const p = new Parameters();
    const scope = [p.add(workspaceId), p.add(modelId)] as const;
    const branches = mergedBranches(p, scope, STORED_TIERS, [], 'DESC', '1');
    const rows = await sql.query<RankRecord[]>(
      `SELECT contact_id, total FROM (${branches}) merged ORDER BY total DESC, contact_id DESC LIMIT 1`,
      p.values,
    );
    const row = rows[0];
    return row ? { total: row.total, contactId: row.contact_id } : undefined;
  },

  /** Contacts per 1-point bucket of a model's totals (the shards summed), ascending; empty buckets left out. */
  async histogram(sql: SqlRunner, workspaceId: string, modelId: string): Promise<HistogramBucket[]> {
    const rows = await sql.query<{ bucket: number; contacts: string }[]>(
      `SELECT bucket, sum(contacts)::text AS contacts FROM score_histogram
       WHERE workspace_id = $1 AND model_id = $2
       GROUP BY bucket HAVING sum(contacts) <> 0 ORDER BY bucket`,
      [workspaceId, modelId],
    );
    return rows.map((r) => ({ bucket: r.bucket, contacts: Number(r.contacts) }));
  },

  /**
   * The totals at 0-based ascending positions of a model's contacts, without sorting them: the histogram
   * names the bucket holding each position, and the index finds it inside the bucket (its lowest and
   * highest total first: equal when the bucket's contacts tie, the common case with whole points; else
   * the position is walked to from the nearer end of the bucket). Run it in a REPEATABLE READ
   * transaction, so the histogram and the ranks are one snapshot.
   */
  async orderStatistics(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    positionsOf: (count: number) => readonly number[],
  ): Promise<OrderStatistics> {
    const histogram = await this.histogram(sql, workspaceId, modelId);
    const count = histogram.reduce((sum, b) => sum + b.contacts, 0);
    const positions = count === 0 ? [] : positionsOf(count);
    if (positions.length === 0) return { count, histogram, totals: [] };
    const probes = positions.map((position) => {
      let before = 0;
      const holder = histogram.find((b) => {
        if (position < before + b.contacts) return true;
        before += b.contacts;
        return false;
      });
      if (!holder || position < 0) throw new RangeError(`position ${position} is outside 0..${count - 1}`);
      const within = position - before;
      return {
        from: holder.bucket <= -BUCKET_LIMIT ? -Infinity : holder.bucket,
        to: holder.bucket >= BUCKET_LIMIT ? Infinity : holder.bucket + 1,
        within,
        fromTop: holder.contacts - 1 - within,
      };
    });
    // One statement for every position: per position the bucket's lowest and highest totals, and only
    // when they differ (CASE evaluates the walk lazily) the walk to the position from the nearer end.
    const p = new Parameters();
    const scope = [p.add(workspaceId), p.add(modelId)] as const;
    const inBucket = ['r.total >= q.from_total', 'r.total < q.to_total'];
    const pick = (direction: 'ASC' | 'DESC', offset: string) =>
      `SELECT total FROM (${mergedBranches(p, scope, STORED_TIERS, inBucket, direction, `${offset} + 1`)}) m
       ORDER BY total ${direction}, contact_id ${direction} OFFSET ${offset} LIMIT 1`;
    const rows = await sql.query<{ i: number; total: number }[]>(
      `SELECT q.i, CASE
         WHEN lowest.total = highest.total THEN lowest.total
         WHEN q.within <= q.from_top THEN (${pick('ASC', 'q.within')})
         ELSE (${pick('DESC', 'q.from_top')}) END AS total
       FROM UNNEST(${p.add(probes.map((_, i) => i))}::int[], ${p.add(probes.map((q) => q.from))}::float8[],
                   ${p.add(probes.map((q) => q.to))}::float8[], ${p.add(probes.map((q) => q.within))}::int[],
                   ${p.add(probes.map((q) => q.fromTop))}::int[])
         AS q(i, from_total, to_total, within, from_top)
       CROSS JOIN LATERAL (${pick('ASC', '0')}) lowest
       CROSS JOIN LATERAL (${pick('DESC', '0')}) highest
       ORDER BY q.i`,
      p.values,
    );
    if (rows.length !== positions.length || rows.some((r) => r.total === null))
      throw new Error(
        'score_histogram and contact_ranks disagree: read them in one REPEATABLE READ snapshot',
      );
    return { count, histogram, totals: rows.map((r) => r.total) };
  },
};
