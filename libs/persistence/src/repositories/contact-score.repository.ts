import { contactRankRepository, type ContactRank } from './contact-rank.repository.js';
import { type SqlRunner } from './sql-types.js';

export interface WorkspaceContact {
  workspaceId: string;
  contactId: string;
}

/** A contact as one text (PostgreSQL text cannot hold NUL; U+001F, the unit separator, is never in a key). */
export const workspaceContactKey = (c: WorkspaceContact): string => `${c.workspaceId}\u001f${c.contactId}`;

export interface ContactScoreRow {
  workspaceId: string;
  modelId: string;
  contactId: string;
  modelVersion: number;
  /** Sequence of the last score-changed event for this (workspace, model, contact). */
  sequence: number;
  fit: number;
  engagement: number;
  total: number;
  tier: string | null;
  grade: string | null;
  /** The scoring engine's state, JSON-serialisable. */
  state: unknown;
  updatedAt: Date;
}

/**
 * A score row as its writers produce it: with the contact's rank (its unrounded total), which every
 * write records in `contact_ranks` and the score histogram in the same transaction.
 */
export interface RankedScoreRow extends ContactScoreRow {
  rank: ContactRank;
  /** When the score next needs the decay service (null: never); recorded with the rank. */
  attentionAt: Date | null;
}

/** Records the ranks of written rows under `shard` (see contactRankRepository.write). */
function writeRanks(sql: SqlRunner, rows: readonly RankedScoreRow[], shard: string): Promise<void> {
  return contactRankRepository.write(
    sql,
    rows.map((r) => ({
      workspaceId: r.workspaceId,
      modelId: r.modelId,
      contactId: r.contactId,
      rank: r.rank,
      modelVersion: r.modelVersion,
      asOf: r.updatedAt,
      attentionAt: r.attentionAt,
    })),
    shard,
  );
}

/** A contact_scores row as PostgreSQL returns it (also joined by the contact read). */
export interface ContactScoreRecord {
  workspace_id: string;
  model_id: string;
  contact_id: string;
  model_version: number;
  sequence: string;
  fit: number;
  engagement: number;
  total: number;
  tier: string | null;
  grade: string | null;
  state: unknown;
  updated_at: Date;
}

export function contactScoreFromRecord(r: ContactScoreRecord): ContactScoreRow {
  return {
    workspaceId: r.workspace_id,
    modelId: r.model_id,
    contactId: r.contact_id,
    modelVersion: r.model_version,
    sequence: Number(r.sequence),
    fit: r.fit,
    engagement: r.engagement,
    total: r.total,
    tier: r.tier,
    grade: r.grade,
    state: r.state,
    updatedAt: r.updated_at,
  };
}

/**
 * JSON documents of many rows as one text parameter, one document after another, split by PostgreSQL
 * with `string_to_array(…, chr(30))`. JSON text never holds a raw U+001E (JSON.stringify escapes every
 * control character), so nothing needs escaping on either side. Measured on a batch of 4,100 states:
 * about 60 % less PostgreSQL CPU than one JSON document of the whole batch through jsonb_to_recordset,
 * whose parse alone cost about 30 µs a row, and far less client work than a jsonb[] array literal.
 */
const DOCUMENT_SEPARATOR = '\u001e';

function joinDocuments(documents: readonly unknown[]): string {
  return documents.map((d) => JSON.stringify(d)).join(DOCUMENT_SEPARATOR);
}

const documentsParameter = (n: number) =>
  `string_to_array($${n}::text, chr(${DOCUMENT_SEPARATOR.charCodeAt(0)}))::jsonb[]`;

/** The score columns of many rows (all but `state`), as parameters $1…$11 of `SCORE_COLUMNS_UNNEST`. */
function scoreColumnArrays(rows: readonly ContactScoreRow[]): unknown[] {
  return [
    rows.map((r) => r.workspaceId),
    rows.map((r) => r.modelId),
    rows.map((r) => r.contactId),
    rows.map((r) => r.modelVersion),
    rows.map((r) => r.sequence),
    rows.map((r) => r.fit),
    rows.map((r) => r.engagement),
    rows.map((r) => r.total),
    rows.map((r) => r.tier),
    rows.map((r) => r.grade),
    rows.map((r) => r.updatedAt.toISOString()),
  ];
}

const SCORE_COLUMNS = `workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, updated_at`;
const SCORE_COLUMNS_UNNEST = `$1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::float8[], $7::float8[],
  $8::float8[], $9::text[], $10::text[], $11::timestamptz[]`;

/** Contact scores, read and written set-based: one statement per batch, never one per contact. */
export const contactScoreRepository = {
  /** Every model's score of the given contacts in one query, unlocked (to lock, use `lockMany`). */
  async loadMany(sql: SqlRunner, contacts: WorkspaceContact[]): Promise<ContactScoreRow[]> {
    if (contacts.length === 0) return [];
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT s.* FROM contact_scores s
       JOIN UNNEST($1::text[], $2::text[]) AS t(w, c) ON s.workspace_id = t.w AND s.contact_id = t.c`,
      [contacts.map((c) => c.workspaceId), contacts.map((c) => c.contactId)],
    );
    return rows.map(contactScoreFromRecord);
  },

  /**
   * The scores of exact (workspace, model, contact) keys, row-locked until commit in key order (the same
   * locks a decay range takes, so the scorer and the decay pass never interleave on one contact): a full
   * primary-key lookup per key, where `loadMany` by contact only has to skip through the model ids. The
   * keys are sorted, not the rows: each row is locked by its own lookup, in the sorted keys' order (a
   * LATERAL subquery with FOR UPDATE is never flattened), so no sort carries whole states (several KB
   * each, spilling to disk in a batch of thousands).
   */
  async lockMany(
    sql: SqlRunner,
    keys: (WorkspaceContact & { modelId: string })[],
  ): Promise<ContactScoreRow[]> {
    if (keys.length === 0) return [];
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT s.* FROM (
         SELECT w, m, c FROM UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c) ORDER BY w, m, c
       ) k
       CROSS JOIN LATERAL (
         SELECT * FROM contact_scores
         WHERE workspace_id = k.w AND model_id = k.m AND contact_id = k.c
         FOR UPDATE
       ) s`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.modelId), keys.map((k) => k.contactId)],
    );
    return rows.map(contactScoreFromRecord);
  },

  async loadOne(
    sql: SqlRunner,
    key: WorkspaceContact & { modelId: string },
  ): Promise<ContactScoreRow | undefined> {
    const rows = await sql.query<ContactScoreRecord[]>(
      'SELECT * FROM contact_scores WHERE workspace_id = $1 AND model_id = $2 AND contact_id = $3',
      [key.workspaceId, key.modelId, key.contactId],
    );
    return rows[0] ? contactScoreFromRecord(rows[0]) : undefined;
  },

  /**
   * Inserts or replaces many scores in one statement (UNNEST of column arrays, states as one text), and
   * their ranks under the histogram shard of the writer (e.g. `scorer:3`).
   */
  async upsertMany(sql: SqlRunner, rows: RankedScoreRow[], shard: string): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO contact_scores (${SCORE_COLUMNS}, state)
       SELECT * FROM UNNEST(${SCORE_COLUMNS_UNNEST}, ${documentsParameter(12)})
       ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
         model_version = EXCLUDED.model_version, sequence = EXCLUDED.sequence, fit = EXCLUDED.fit,
         engagement = EXCLUDED.engagement, total = EXCLUDED.total, tier = EXCLUDED.tier,
         grade = EXCLUDED.grade, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [...scoreColumnArrays(rows), joinDocuments(rows.map((r) => r.state))],
    );
    await writeRanks(sql, rows, shard);
  },

  /**
   * The next `limit` scores of a model after `afterContactId`, in contact-id order, locked until commit
   * (the same row locks the scorer takes, so a contact is never decayed and scored at once).
   */
  async lockModelRange(
    sql: SqlRunner,
    workspaceId: string,
    modelId: string,
    afterContactId: string | null,
    limit: number,
  ): Promise<ContactScoreRow[]> {
    const rows = await sql.query<ContactScoreRecord[]>(
      `SELECT * FROM contact_scores
       WHERE workspace_id = $1 AND model_id = $2 AND ($3::text IS NULL OR contact_id > $3)
       ORDER BY contact_id LIMIT $4 FOR UPDATE`,
      [workspaceId, modelId, afterContactId, limit],
    );
    return rows.map(contactScoreFromRecord);
  },

  /**
   * Writes back the advanced scores of rows the caller locked with `lockModelRange`, in one `UPDATE`,
   * and their ranks under `shard`.
   */
  async updateMany(sql: SqlRunner, rows: RankedScoreRow[], shard: string): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `UPDATE contact_scores s SET
         model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement,
         total = u.total, tier = u.tier, grade = u.grade, state = u.state, updated_at = u.updated_at
       FROM UNNEST(${SCORE_COLUMNS_UNNEST}, ${documentsParameter(12)}) AS u(${SCORE_COLUMNS}, state)
       WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`,
      [...scoreColumnArrays(rows), joinDocuments(rows.map((r) => r.state))],
    );
    await writeRanks(sql, rows, shard);
  },

  /**
   * Records the ranks and attention times of rows whose state the caller left as it is (a rank or
   * attention time that did not change is not rewritten).
   */
  async rerank(sql: SqlRunner, rows: RankedScoreRow[], shard: string): Promise<void> {
    if (rows.length === 0) return;
    await writeRanks(sql, rows, shard);
  },

  /**
   * Writes back rows locked with `lockModelRange` whose state changed only in its report fields (`asOf`,
   * `model`, `reported`, `sequence`; libs/scoring `onlyReportChanged`): those four are merged into the
   * stored state by PostgreSQL and the score columns set, so a range that only decayed ships a few
   * hundred bytes per contact instead of its whole state.
   */
  async updateReports(sql: SqlRunner, rows: RankedScoreRow[], shard: string): Promise<void> {
    if (rows.length === 0) return;
    const states = rows.map((r) => r.state as { asOf: number; model: unknown; reported: unknown });
    await sql.query(
      `UPDATE contact_scores s SET
         model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement,
         total = u.total, tier = u.tier, grade = u.grade, updated_at = u.updated_at,
         state = s.state || jsonb_build_object('asOf', u.as_of, 'model', u.model, 'reported', u.reported,
                                               'sequence', u.sequence)
       FROM UNNEST(${SCORE_COLUMNS_UNNEST}, $12::bigint[], ${documentsParameter(13)}, ${documentsParameter(14)})
         AS u(${SCORE_COLUMNS}, as_of, model, reported)
       WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`,
      [
        ...scoreColumnArrays(rows),
        states.map((state) => state.asOf),
        joinDocuments(states.map((state) => state.model)),
        joinDocuments(states.map((state) => state.reported)),
      ],
    );
    await writeRanks(sql, rows, shard);
  },
};
