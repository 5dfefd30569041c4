import type { WorkspaceList } from '@leadscore/contracts';
import { workspaceRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import { workspaceView } from './workspace.view.js';

/** The operator (OPERATOR_TOKEN) lists every workspace, by id. */
export class ListWorkspaces {
  constructor(private readonly context: ApiContext) {}

  async execute(): Promise<WorkspaceList> {
    const rows = await workspaceRepository.list(this.context.dataSource.manager);
    return { workspaces: rows.map(workspaceView) };
  }
}
