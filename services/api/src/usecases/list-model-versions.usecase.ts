import type { ModelVersionList } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { modelNotFound } from './model-input.js';
import { modelVersionView } from './model-version.view.js';

/** Every version of one model of the caller's workspace, newest first; 404 when it has none. */
export class ListModelVersions {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string): Promise<ModelVersionList> {
    const rows = await scoringModelRepository.versions(
      this.context.dataSource.manager,
      caller.workspaceId,
      modelId,
    );
    const live = rows[0];
    if (!live) return modelNotFound(modelId);
    return {
      id: modelId,
      liveVersion: live.version,
      versions: rows.map((row) => modelVersionView(row, live.version)),
    };
  }
}
