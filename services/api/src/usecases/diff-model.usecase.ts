import { diffModels, type ModelDiff, type ScoringModel } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import type { ModelText } from '../http/model-body.js';
import { requireValidModel } from './model-input.js';

/** What applying this model would change against the live version of the same id (nothing is stored). */
export class DiffModel {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, input: ModelText): Promise<ModelDiff> {
    const model = requireValidModel(input, caller.workspaceId);
    const live = await scoringModelRepository.live(
      this.context.dataSource.manager,
      caller.workspaceId,
      model.id,
    );
    // Stored documents were validated before they were recorded (by the api or by the scorer).
    return diffModels(live?.document as ScoringModel | undefined, model);
  }
}
