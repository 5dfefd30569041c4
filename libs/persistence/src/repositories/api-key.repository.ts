import { type KeyKind, type KeyScope, type WorkspaceId } from '@leadscore/access';
import { returnedRows, type SqlRunner } from './sql-types.js';

/** A stored key: never the key itself, only its hash. */
export interface ApiKeyRow {
  id: string;
  workspaceId: WorkspaceId;
  kind: KeyKind;
  name: string | null;
  scopes: KeyScope[];
  keyHash: Buffer;
  prefix: string;
  createdAt: Date;
  /** A key id, `operator`, or `local-stack`. */
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type NewApiKeyRow = Omit<ApiKeyRow, 'revokedAt' | 'lastUsedAt'>;

export type RevokeOutcome =
  | { readonly outcome: 'revoked'; readonly key: ApiKeyRow }
  | { readonly outcome: 'already-revoked'; readonly key: ApiKeyRow }
  | { readonly outcome: 'not-found' };

/** A key as services that authenticate requests (ingest) cache it. */
export interface KeyDirectoryEntry {
  keyHash: Buffer;
  workspaceId: WorkspaceId;
  kind: KeyKind;
  scopes: KeyScope[];
  revoked: boolean;
}

export interface KeyUse {
  readonly id: string;
  readonly at: Date;
}

interface ApiKeyRecord {
  id: string;
  workspace_id: WorkspaceId;
  kind: KeyKind;
  name: string | null;
  scopes: KeyScope[];
  key_hash: Buffer;
  prefix: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS =
  'id, workspace_id, kind, name, scopes, key_hash, prefix, created_at, created_by, revoked_at, last_used_at';

const toRow = (r: ApiKeyRecord): ApiKeyRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  kind: r.kind,
  name: r.name,
  scopes: r.scopes,
  keyHash: r.key_hash,
  prefix: r.prefix,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/**
 * API keys. Every read of a workspace's keys takes its WorkspaceId; `findByHash` alone does not, as it
 * is the lookup that tells which workspace a request belongs to.
 */
export const apiKeyRepository = {
  async insert(sql: SqlRunner, key: NewApiKeyRow): Promise<void> {
    await sql.query(
      `INSERT INTO api_keys (id, workspace_id, kind, name, scopes, key_hash, prefix, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        key.id,
        key.workspaceId,
        key.kind,
        key.name,
        key.scopes,
        key.keyHash,
        key.prefix,
        key.createdAt,
        key.createdBy,
      ],
    );
  },

  /** Inserts the keys whose id and hash are both new, in one statement (seeds); returns the ids inserted. */
  async insertMissing(sql: SqlRunner, keys: readonly NewApiKeyRow[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await sql.query<{ id: string }[]>(
      `INSERT INTO api_keys (id, workspace_id, kind, name, scopes, key_hash, prefix, created_at, created_by)
       SELECT k.id, k.workspace_id, k.kind, k.name, string_to_array(k.scopes, ','), k.key_hash, k.prefix,
              k.created_at, k.created_by
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[],
                   $8::timestamptz[], $9::text[])
         AS k(id, workspace_id, kind, name, scopes, key_hash, prefix, created_at, created_by)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        keys.map((k) => k.id),
        keys.map((k) => k.workspaceId),
        keys.map((k) => k.kind),
        keys.map((k) => k.name),
        keys.map((k) => k.scopes.join(',')),
        keys.map((k) => k.keyHash),
        keys.map((k) => k.prefix),
        keys.map((k) => k.createdAt),
        keys.map((k) => k.createdBy),
      ],
    );
    return rows.map((r) => r.id);
  },

  /** The key with this hash, revoked or not: the authentication lookup (unique index on key_hash). */
  async findByHash(sql: SqlRunner, keyHash: Buffer): Promise<ApiKeyRow | undefined> {
    const [row] = await sql.query<ApiKeyRecord[]>(`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1`, [
      keyHash,
    ]);
    return row && toRow(row);
  },

  /**
   * Every key of every workspace, revoked ones flagged: the snapshot ingest refreshes every few
   * seconds to authenticate without a query per request. Across workspaces on purpose: it is the
   * lookup that tells which workspace a request belongs to, like findByHash.
   */
  async directory(sql: SqlRunner): Promise<KeyDirectoryEntry[]> {
    const rows = await sql.query<
      { key_hash: Buffer; workspace_id: WorkspaceId; kind: KeyKind; scopes: KeyScope[]; revoked: boolean }[]
    >('SELECT key_hash, workspace_id, kind, scopes, revoked_at IS NOT NULL AS revoked FROM api_keys');
    return rows.map((r) => ({
      keyHash: r.key_hash,
      workspaceId: r.workspace_id,
      kind: r.kind,
      scopes: r.scopes,
      revoked: r.revoked,
    }));
  },

  /** The workspace's keys, oldest first. */
  async list(sql: SqlRunner, workspaceId: WorkspaceId): Promise<ApiKeyRow[]> {
    const rows = await sql.query<ApiKeyRecord[]>(
      `SELECT ${COLUMNS} FROM api_keys WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    );
    return rows.map(toRow);
  },

  /** Revokes the workspace's key `id`; a key of another workspace is `not-found`, like one that never was. */
  async revoke(sql: SqlRunner, workspaceId: WorkspaceId, id: string, at: Date): Promise<RevokeOutcome> {
    const revoked = returnedRows<ApiKeyRecord>(
      await sql.query(
        `UPDATE api_keys SET revoked_at = $3 WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL
         RETURNING ${COLUMNS}`,
        [workspaceId, id, at],
      ),
    );
    if (revoked[0]) return { outcome: 'revoked', key: toRow(revoked[0]) };
    const [existing] = await sql.query<ApiKeyRecord[]>(
      `SELECT ${COLUMNS} FROM api_keys WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    return existing ? { outcome: 'already-revoked', key: toRow(existing) } : { outcome: 'not-found' };
  },

  /**
   * Records when keys were used, in one statement, skipping each key whose recorded use is less than
   * `minIntervalSeconds` older: last-used times are coarse on purpose, so a busy key costs no write per
   * request. Returns the ids written.
   */
  async recordUse(sql: SqlRunner, uses: readonly KeyUse[], minIntervalSeconds: number): Promise<string[]> {
    if (uses.length === 0) return [];
    const rows = returnedRows<{ id: string }>(
      await sql.query(
        `UPDATE api_keys k SET last_used_at = u.at
         FROM UNNEST($1::text[], $2::timestamptz[]) AS u(id, at)
         WHERE k.id = u.id
           AND (k.last_used_at IS NULL OR k.last_used_at <= u.at - make_interval(secs => $3))
         RETURNING k.id`,
        [uses.map((u) => u.id), uses.map((u) => u.at), minIntervalSeconds],
      ),
    );
    return rows.map((r) => r.id);
  },
};
