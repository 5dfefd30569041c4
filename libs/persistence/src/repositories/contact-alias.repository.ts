import { workspaceContactKey, type WorkspaceContact } from './contact-score.repository.js';
import { type SqlRunner } from './sql-types.js';

/** Partition of the events topic → the scorer's next offset there, as a decimal string. */
export type EventPositions = Readonly<Record<string, string>>;

/** A contact merged into another: every later event of it belongs to the survivor. */
export interface ContactAlias {
  readonly workspaceId: string;
  readonly alias: string;
  readonly survivor: string;
  /** The scorer's positions when the alias took effect: the alias's events before them were scored under it. */
  readonly through: EventPositions;
  readonly mergeEvent: { readonly source: string; readonly id: string };
  readonly requestedAt: Date;
  /** When the survivor's state was re-derived; null while the merge is under way. */
  readonly completedAt: Date | null;
}

interface AliasRecord {
  workspace_id: string;
  alias: string;
  survivor: string;
  through: Record<string, string>;
  merge_event_source: string;
  merge_event_id: string;
  requested_at: Date;
  completed_at: Date | null;
}

const COLUMNS =
  'workspace_id, alias, survivor, through, merge_event_source, merge_event_id, requested_at, completed_at';

const aliasOf = (r: AliasRecord): ContactAlias => ({
  workspaceId: r.workspace_id,
  alias: r.alias,
  survivor: r.survivor,
  through: r.through,
  mergeEvent: { source: r.merge_event_source, id: r.merge_event_id },
  requestedAt: r.requested_at,
  completedAt: r.completed_at,
});

const keyOf = workspaceContactKey;

/**
 * Contact aliases (identity stitching). The scorer writes them: an alias takes effect (`begin`) under
 * the merged-away contact's exclusive lock, so that every batch scoring that contact either committed
 * before (its events are in `through`) or reads the alias after (and forwards them to the survivor).
 */
export const contactAliasRepository = {
  keyOf,

  /** The aliases among `contacts`, by `keyOf(contact)`. */
  async aliasesAmong(
    sql: SqlRunner,
    contacts: readonly WorkspaceContact[],
  ): Promise<Map<string, ContactAlias>> {
    if (contacts.length === 0) return new Map();
    const rows = await sql.query<AliasRecord[]>(
      `SELECT ${COLUMNS} FROM contact_aliases a
       JOIN unnest($1::text[], $2::text[]) AS t(w, c) ON a.workspace_id = t.w AND a.alias = t.c`,
      [contacts.map((c) => c.workspaceId), contacts.map((c) => c.contactId)],
    );
    return new Map(rows.map((r) => [keyOf({ workspaceId: r.workspace_id, contactId: r.alias }), aliasOf(r)]));
  },

  /**
   * Who `contact` is: the contact it was merged into (else itself), whether it was merged away, and the
   * keys merged into that survivor — any key of a person finds all of them.
   */
  async identitiesOf(
    sql: SqlRunner,
    contact: WorkspaceContact,
  ): Promise<{ survivor: string; mergedAway: boolean; aliases: string[] }> {
    const alias = (await contactAliasRepository.aliasesAmong(sql, [contact])).get(keyOf(contact));
    const survivor = alias?.survivor ?? contact.contactId;
    const merged = await contactAliasRepository.mergedInto(sql, { ...contact, contactId: survivor });
    return { survivor, mergedAway: alias !== undefined, aliases: merged.map((entry) => entry.alias) };
  },

  /** Every contact merged into `survivor` (directly or through a chain, which `begin` flattens). */
  async mergedInto(sql: SqlRunner, survivor: WorkspaceContact): Promise<ContactAlias[]> {
    const rows = await sql.query<AliasRecord[]>(
      `SELECT ${COLUMNS} FROM contact_aliases WHERE workspace_id = $1 AND survivor = $2 ORDER BY alias`,
      [survivor.workspaceId, survivor.contactId],
    );
    return rows.map(aliasOf);
  },

  /** The contacts merged into any of `survivors` (one workspace), each with its survivor. */
  async mergedIntoAny(
    sql: SqlRunner,
    workspaceId: string,
    survivors: readonly string[],
  ): Promise<ContactAlias[]> {
    if (survivors.length === 0) return [];
    const rows = await sql.query<AliasRecord[]>(
      `SELECT ${COLUMNS} FROM contact_aliases WHERE workspace_id = $1 AND survivor = ANY($2::text[]) ORDER BY alias`,
      [workspaceId, survivors],
    );
    return rows.map(aliasOf);
  },

  /**
   * Makes `alias` an alias of `survivor` (in the caller's transaction, which holds the alias's
   * exclusive lock); the contacts merged into `alias` before now belong to `survivor` too.
   */
  async begin(sql: SqlRunner, entry: Omit<ContactAlias, 'completedAt'>): Promise<void> {
    await sql.query(`INSERT INTO contact_aliases (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`, [
      entry.workspaceId,
      entry.alias,
      entry.survivor,
      JSON.stringify(entry.through),
      entry.mergeEvent.source,
      entry.mergeEvent.id,
      entry.requestedAt.toISOString(),
    ]);
    await sql.query('UPDATE contact_aliases SET survivor = $3 WHERE workspace_id = $1 AND survivor = $2', [
      entry.workspaceId,
      entry.alias,
      entry.survivor,
    ]);
  },

  async complete(sql: SqlRunner, contact: WorkspaceContact, at: Date): Promise<void> {
    await sql.query('UPDATE contact_aliases SET completed_at = $3 WHERE workspace_id = $1 AND alias = $2', [
      contact.workspaceId,
      contact.contactId,
      at.toISOString(),
    ]);
  },

  /** Aliases that took effect after `since` (ingest's reload), oldest first, at most `limit`. */
  async since(sql: SqlRunner, since: Date, limit: number): Promise<ContactAlias[]> {
    const rows = await sql.query<AliasRecord[]>(
      `SELECT ${COLUMNS} FROM contact_aliases WHERE requested_at > $1 ORDER BY requested_at LIMIT $2`,
      [since.toISOString(), limit],
    );
    return rows.map(aliasOf);
  },
};
