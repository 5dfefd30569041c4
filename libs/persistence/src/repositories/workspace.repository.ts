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
    return row && workspaceRowOf(row);
  },

  /** Every workspace, by id: the operator's view (a deployment has tens of workspaces, not millions). */
  async list(sql: SqlRunner): Promise<WorkspaceRow[]> {
    const rows = await sql.query<WorkspaceRecord[]>(
      'SELECT id, name, created_at FROM workspaces ORDER BY id',
    );
    return rows.map(workspaceRowOf);
  },
};

function workspaceRowOf(record: WorkspaceRecord): WorkspaceRow {
  return { id: record.id, name: record.name, createdAt: record.created_at };
}
