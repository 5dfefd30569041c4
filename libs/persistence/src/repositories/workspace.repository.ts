import { type WorkspaceId } from '@leadscore/access';
import { type SqlRunner } from './sql-types.js';

export interface WorkspaceRow {
  id: WorkspaceId;
  name: string;
  createdAt: Date;
}

interface WorkspaceRecord {
  id: WorkspaceId;
  name: string;
  created_at: Date;
}

/** Workspaces (tenants), written by the api service and the local stack's seed. */
export const workspaceRepository = {
  /** Creates the workspace; false when one with this id exists already (it is left unchanged). */
  async create(sql: SqlRunner, row: WorkspaceRow): Promise<boolean> {
    const inserted = await sql.query<{ id: string }[]>(
      `INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [row.id, row.name, row.createdAt],
    );
    return inserted.length === 1;
  },

  async find(sql: SqlRunner, workspaceId: WorkspaceId): Promise<WorkspaceRow | undefined> {
    const [row] = await sql.query<WorkspaceRecord[]>(
      'SELECT id, name, created_at FROM workspaces WHERE id = $1',
      [workspaceId],
    );
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  },
};
