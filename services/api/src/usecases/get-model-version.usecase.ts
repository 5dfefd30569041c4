import type { ModelVersionDetail, ScoringModel } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { modelNotFound } from './model-input.js';
import { modelVersionView } from './model-version.view.js';

/** One version of a model of the caller's workspace (`live`: the highest), its document and source. */
export class GetModelVersion {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string, version: number | 'live'): Promise<ModelVersionDetail> {
    const sql = this.context.dataSource.manager;
    const live = await scoringModelRepository.live(sql, caller.workspaceId, modelId);
    const row =
      version === 'live' || version === live?.version
        ? live
        : await scoringModelRepository.find(sql, caller.workspaceId, modelId, version);
    if (!live) return modelNotFound(modelId);
    if (!row)
      return fail(
        'not-found',
        `The model "${modelId}" has no version ${version}; GET /v1/models/${modelId}/versions lists them.`,
      );
    const document = row.document as ScoringModel;
    return {
      version: modelVersionView({ ...row, name: document.name }, live.version),
      document,
      source: row.source,
    };
  }
}
