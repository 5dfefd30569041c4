import type { ModelList } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { modelVersionView } from './model-version.view.js';

/** The caller's workspace's models, each with its live version, by id. */
export class ListModels {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller): Promise<ModelList> {
    const rows = await scoringModelRepository.listLive(this.context.dataSource.manager, caller.workspaceId);
    return { models: rows.map((row) => modelVersionView(row, row.version)) };
  }
}
