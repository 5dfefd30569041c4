import type { Workspace } from '@leadscore/contracts';
import type { WorkspaceRow } from '@leadscore/persistence';

/** A workspace as the api shows it. */
export function workspaceView(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
