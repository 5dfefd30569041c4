import { type SqlRunner } from './sql-types.js';

export interface AccountKey {
  workspaceId: string;
  modelId: string;
  accountId: string;
}

export interface AccountProfileRow {
  workspaceId: string;
  accountId: string;
  traits: Record<string, unknown>;
  updatedAt: Date;
}

export interface MemberKey {
  workspaceId: string;
  modelId: string;
  contactId: string;
}

/** What the roll-up remembers of one contact under one model (see libs/scoring `MemberRecord`). */
export interface AccountMemberRow extends MemberKey {
  accountId: string | null;
  /** Last rolled-up engagement, in hundredths of a point. */
  engagementCenti: number;
  sequence: number;
}

/** An account's roll-up, published scores and lifecycle under one model. */
export interface AccountScoreRow extends AccountKey {
  members: number;
  /** Every member's engagement added up, in hundredths of a point. */
  engagementSumCenti: number;
  /** Changes published for the account: a gapless sequence. */
  sequence: number;
  modelVersion: number | null;
  /** The last published scores (AccountScores), null before the first change. */
  scores: unknown;
  stage: 'lead' | 'mqa';
  tier: 'cold' | 'warm' | 'hot';
  tierName: string | null;
}

interface AccountScoreRecord {
  workspace_id: string;
  model_id: string;
  account_id: string;
  members: number;
  engagement_sum_centi: string;
  sequence: string;
  model_version: number | null;
  scores: unknown;
  stage: AccountScoreRow['stage'];
  tier: AccountScoreRow['tier'];
  tier_name: string | null;
}

const toScoreRow = (r: AccountScoreRecord): AccountScoreRow => ({
  workspaceId: r.workspace_id,
  modelId: r.model_id,
  accountId: r.account_id,
  members: r.members,
  engagementSumCenti: Number(r.engagement_sum_centi),
  sequence: Number(r.sequence),
  modelVersion: r.model_version,
  scores: r.scores,
  stage: r.stage,
  tier: r.tier,
  tierName: r.tier_name,
});

/** The key of an account row in maps: workspace, model and account. */
export const accountKeyOf = (key: AccountKey): string =>
  `${key.workspaceId}\u0000${key.modelId}\u0000${key.accountId}`;
export const memberKeyOf = (key: MemberKey): string =>
  `${key.workspaceId}\u0000${key.modelId}\u0000${key.contactId}`;

const byKey = <T>(rows: readonly T[], keyOf: (row: T) => string): T[] =>
  [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

export const accountProfileRepository = {
  /** Merges traits into accounts' profiles, trait by trait (later wins), in one statement. */
  async mergeTraits(sql: SqlRunner, rows: readonly AccountProfileRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO account_profiles (workspace_id, account_id, traits, updated_at)
       SELECT * FROM UNNEST($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[])
       ON CONFLICT (workspace_id, account_id) DO UPDATE SET
         traits = account_profiles.traits || EXCLUDED.traits,
         updated_at = greatest(account_profiles.updated_at, EXCLUDED.updated_at)`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.accountId),
        rows.map((r) => JSON.stringify(r.traits)),
        rows.map((r) => r.updatedAt),
      ],
    );
  },

  async loadMany(
    sql: SqlRunner,
    accounts: readonly { workspaceId: string; accountId: string }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const traits = new Map<string, Record<string, unknown>>();
    if (accounts.length === 0) return traits;
    const rows = await sql.query<
      { workspace_id: string; account_id: string; traits: Record<string, unknown> }[]
    >(
      `SELECT p.workspace_id, p.account_id, p.traits FROM account_profiles p
       JOIN UNNEST($1::text[], $2::text[]) AS k(w, a) ON p.workspace_id = k.w AND p.account_id = k.a`,
      [accounts.map((a) => a.workspaceId), accounts.map((a) => a.accountId)],
    );
    for (const r of rows) traits.set(`${r.workspace_id}\u0000${r.account_id}`, r.traits);
    return traits;
  },
};

export const accountMemberRepository = {
  /** The members' rows, locked until the transaction ends (one partition's contacts: no other writer). */
  async lockMany(sql: SqlRunner, keys: readonly MemberKey[]): Promise<Map<string, AccountMemberRow>> {
    const found = new Map<string, AccountMemberRow>();
    if (keys.length === 0) return found;
    const rows = await sql.query<
      {
        workspace_id: string;
        model_id: string;
        contact_id: string;
        account_id: string | null;
        engagement_centi: string;
        sequence: string;
      }[]
    >(
      `SELECT m.workspace_id, m.model_id, m.contact_id, m.account_id, m.engagement_centi, m.sequence
       FROM account_members m
       JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS k(w, d, c)
         ON m.workspace_id = k.w AND m.model_id = k.d AND m.contact_id = k.c
       ORDER BY m.workspace_id, m.model_id, m.contact_id
       FOR UPDATE OF m`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.modelId), keys.map((k) => k.contactId)],
    );
    for (const r of rows) {
      const row: AccountMemberRow = {
        workspaceId: r.workspace_id,
        modelId: r.model_id,
        contactId: r.contact_id,
        accountId: r.account_id,
        engagementCenti: Number(r.engagement_centi),
        sequence: Number(r.sequence),
      };
      found.set(memberKeyOf(row), row);
    }
    return found;
  },

  async upsertMany(sql: SqlRunner, rows: readonly AccountMemberRow[], updatedAt: Date): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO account_members
         (workspace_id, model_id, contact_id, account_id, engagement_centi, sequence, updated_at)
       SELECT w, d, c, a, e, q, $7
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) AS u(w, d, c, a, e, q)
       ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
         account_id = EXCLUDED.account_id, engagement_centi = EXCLUDED.engagement_centi,
         sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.modelId),
        rows.map((r) => r.contactId),
        rows.map((r) => r.accountId),
        rows.map((r) => r.engagementCenti),
        rows.map((r) => r.sequence),
        updatedAt,
      ],
    );
  },

  /**
   * Each account's `limit` highest members by engagement (hundredths), highest first: an index range
   * scan per account, whatever the account's size.
   */
  async highest(
    sql: SqlRunner,
    accounts: readonly AccountKey[],
    limit: number,
  ): Promise<Map<string, { contactId: string; engagementCenti: number }[]>> {
    const found = new Map<string, { contactId: string; engagementCenti: number }[]>();
    if (accounts.length === 0 || limit <= 0) return found;
    const rows = await sql.query<
      { w: string; d: string; a: string; contact_id: string; engagement_centi: string }[]
    >(
      `SELECT k.w, k.d, k.a, m.contact_id, m.engagement_centi
       FROM UNNEST($1::text[], $2::text[], $3::text[]) AS k(w, d, a)
       CROSS JOIN LATERAL (
         SELECT contact_id, engagement_centi FROM account_members
         WHERE workspace_id = k.w AND model_id = k.d AND account_id = k.a
         ORDER BY engagement_centi DESC, contact_id
         LIMIT $4
       ) m`,
      [
        accounts.map((a) => a.workspaceId),
        accounts.map((a) => a.modelId),
        accounts.map((a) => a.accountId),
        limit,
      ],
    );
    for (const r of rows) {
      const key = accountKeyOf({ workspaceId: r.w, modelId: r.d, accountId: r.a });
      const list = found.get(key) ?? [];
      list.push({ contactId: r.contact_id, engagementCenti: Number(r.engagement_centi) });
      found.set(key, list);
    }
    return found;
  },

  /** A page of an account's members, highest engagement first. */
  async page(
    sql: SqlRunner,
    account: AccountKey,
    limit: number,
    offset: number,
  ): Promise<{ contactId: string; engagementCenti: number; sequence: number }[]> {
    const rows = await sql.query<{ contact_id: string; engagement_centi: string; sequence: string }[]>(
      `SELECT contact_id, engagement_centi, sequence FROM account_members
       WHERE workspace_id = $1 AND model_id = $2 AND account_id = $3
       ORDER BY engagement_centi DESC, contact_id LIMIT $4 OFFSET $5`,
      [account.workspaceId, account.modelId, account.accountId, limit, offset],
    );
    return rows.map((r) => ({
      contactId: r.contact_id,
      engagementCenti: Number(r.engagement_centi),
      sequence: Number(r.sequence),
    }));
  },
};

const SCORE_COLUMNS = `workspace_id, model_id, account_id, members, engagement_sum_centi, sequence, model_version,
  scores, stage, tier, tier_name`;

export const accountScoreRepository = {
  /**
   * The accounts' rows with their traits, locked until the transaction ends, in key order: members of
   * one account live on several partitions, so their batches meet here and take the locks in one order.
   * Rows not there yet are created, then locked (in key order too) — after the existing ones, which is
   * still one order: a batch holding a new row has already locked all its existing ones.
   */
  async lockMany(
    sql: SqlRunner,
    keys: readonly AccountKey[],
    now: Date,
  ): Promise<Map<string, AccountScoreRow & { traits: Record<string, unknown> | null }>> {
    const found = new Map<string, AccountScoreRow & { traits: Record<string, unknown> | null }>();
    if (keys.length === 0) return found;
    const lock = async (wanted: readonly AccountKey[]) => {
      const rows = await sql.query<(AccountScoreRecord & { traits: Record<string, unknown> | null })[]>(
        `SELECT ${SCORE_COLUMNS.split(',')
          .map((c) => `s.${c.trim()}`)
          .join(', ')}, p.traits
         FROM account_scores s
         JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS k(w, d, a)
           ON s.workspace_id = k.w AND s.model_id = k.d AND s.account_id = k.a
         LEFT JOIN account_profiles p ON p.workspace_id = s.workspace_id AND p.account_id = s.account_id
         ORDER BY s.workspace_id, s.model_id, s.account_id
         FOR UPDATE OF s`,
        [wanted.map((k) => k.workspaceId), wanted.map((k) => k.modelId), wanted.map((k) => k.accountId)],
      );
      for (const r of rows) {
        const row = { ...toScoreRow(r), traits: r.traits };
        found.set(accountKeyOf(row), row);
      }
    };
    const sorted = byKey(keys, accountKeyOf);
    await lock(sorted);
    const missing = sorted.filter((k) => !found.has(accountKeyOf(k)));
    if (missing.length === 0) return found;
    await sql.query(
      `INSERT INTO account_scores (workspace_id, model_id, account_id, updated_at)
       SELECT w, d, a, $4 FROM UNNEST($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(w, d, a, n)
       ORDER BY n
       ON CONFLICT (workspace_id, model_id, account_id) DO NOTHING`,
      [
        missing.map((k) => k.workspaceId),
        missing.map((k) => k.modelId),
        missing.map((k) => k.accountId),
        now,
      ],
    );
    await lock(missing);
    return found;
  },

  async updateMany(sql: SqlRunner, rows: readonly AccountScoreRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `UPDATE account_scores s SET
         members = u.members, engagement_sum_centi = u.sum, sequence = u.sequence, model_version = u.version,
         scores = u.scores, total = (u.scores ->> 'total')::double precision, stage = u.stage, tier = u.tier,
         tier_name = u.tier_name, updated_at = $12
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::int[],
                   $8::jsonb[], $9::text[], $10::text[], $11::text[])
         AS u(w, d, a, members, sum, sequence, version, scores, stage, tier, tier_name)
       WHERE s.workspace_id = u.w AND s.model_id = u.d AND s.account_id = u.a`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.modelId),
        rows.map((r) => r.accountId),
        rows.map((r) => r.members),
        rows.map((r) => r.engagementSumCenti),
        rows.map((r) => r.sequence),
        rows.map((r) => r.modelVersion),
        rows.map((r) => (r.scores === null ? null : JSON.stringify(r.scores))),
        rows.map((r) => r.stage),
        rows.map((r) => r.tier),
        rows.map((r) => r.tierName),
        now,
      ],
    );
  },

  async find(sql: SqlRunner, key: AccountKey): Promise<AccountScoreRow | undefined> {
    const [row] = await sql.query<AccountScoreRecord[]>(
      `SELECT ${SCORE_COLUMNS} FROM account_scores WHERE workspace_id = $1 AND model_id = $2 AND account_id = $3`,
      [key.workspaceId, key.modelId, key.accountId],
    );
    return row && toScoreRow(row);
  },

  /** The models under which a workspace's account has scores. */
  async modelsOf(sql: SqlRunner, workspaceId: string, accountId: string): Promise<AccountScoreRow[]> {
    const rows = await sql.query<AccountScoreRecord[]>(
      `SELECT ${SCORE_COLUMNS} FROM account_scores
       WHERE workspace_id = $1 AND account_id = $2 AND scores IS NOT NULL ORDER BY model_id`,
      [workspaceId, accountId],
    );
    return rows.map(toScoreRow);
  },

  /**
   * A page of a model's accounts by total, highest first (ties by account id), and how many accounts the
   * model scores. Sorted at read time: accounts are far fewer than contacts, and an index on the total
   * would cost every roll-up write its heap-only update.
   */
  async leaderboard(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    limit: number,
    offset: number,
    filter: { stage?: 'lead' | 'mqa'; tier?: string },
  ): Promise<{ rows: AccountScoreRow[]; total: number }> {
    const where = `workspace_id = $1 AND model_id = $2 AND scores IS NOT NULL
       AND ($3::text IS NULL OR stage = $3) AND ($4::text IS NULL OR tier = $4 OR tier_name = $4)`;
    const params = [workspaceId, modelId, filter.stage ?? null, filter.tier ?? null];
    const rows = await sql.query<AccountScoreRecord[]>(
      `SELECT ${SCORE_COLUMNS} FROM account_scores WHERE ${where}
       ORDER BY total DESC, account_id LIMIT $5 OFFSET $6`,
      [...params, limit, offset],
    );
    const [count] = await sql.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM account_scores WHERE ${where}`,
      params,
    );
    return { rows: rows.map(toScoreRow), total: Number(count?.n ?? 0) };
  },

  /** Count, top, lower median and lowest total of a model's scored accounts, for relative scores. */
  async rankStats(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
  ): Promise<{ count: number; top: number; median: number; min: number }> {
    const [row] = await sql.query<
      { count: string; top: number | null; median: number | null; min: number | null }[]
    >(
      `SELECT count(*) AS count, max(total) AS top, min(total) AS min,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY total) AS median
       FROM account_scores WHERE workspace_id = $1 AND model_id = $2 AND scores IS NOT NULL`,
      [workspaceId, modelId],
    );
    return {
      count: Number(row?.count ?? 0),
      top: row?.top ?? 0,
      median: row?.median ?? 0,
      min: row?.min ?? 0,
    };
  },
};
