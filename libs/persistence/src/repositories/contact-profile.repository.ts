import { type WorkspaceContact } from './contact-score.repository.js';
import { type SqlRunner } from './sql-types.js';

export interface ContactProfileRow extends WorkspaceContact {
  traits: Record<string, unknown>;
  updatedAt: Date;
}

interface ContactProfileRecord {
  workspace_id: string;
  contact_id: string;
  traits: Record<string, unknown>;
  updated_at: Date;
}

/** Contact profiles, set-based like the scores they feed. */
export const contactProfileRepository = {
  async loadMany(sql: SqlRunner, contacts: WorkspaceContact[]): Promise<ContactProfileRow[]> {
    if (contacts.length === 0) return [];
    const rows = await sql.query<ContactProfileRecord[]>(
      `SELECT p.* FROM contact_profiles p
       JOIN UNNEST($1::text[], $2::text[]) AS t(w, c) ON p.workspace_id = t.w AND p.contact_id = t.c`,
      [contacts.map((c) => c.workspaceId), contacts.map((c) => c.contactId)],
    );
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      contactId: r.contact_id,
      traits: r.traits,
      updatedAt: r.updated_at,
    }));
  },

  async upsertMany(sql: SqlRunner, rows: ContactProfileRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO contact_profiles (workspace_id, contact_id, traits, updated_at)
       SELECT * FROM UNNEST($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[])
       ON CONFLICT (workspace_id, contact_id) DO UPDATE SET traits = EXCLUDED.traits, updated_at = EXCLUDED.updated_at`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.contactId),
        rows.map((r) => JSON.stringify(r.traits)),
        rows.map((r) => r.updatedAt),
      ],
    );
  },
};
