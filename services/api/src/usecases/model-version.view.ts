import type { ModelVersion } from '@leadscore/contracts';
import type { ScoringModelVersionRow } from '@leadscore/persistence';

/** A stored version as the api lists it; `live` when it is the model's highest version. */
export function modelVersionView(
  row: Omit<ScoringModelVersionRow, 'workspaceId'>,
  liveVersion: number,
): ModelVersion {
  return {
    id: row.modelId,
    version: row.version,
    name: row.name,
    live: row.version === liveVersion,
    appliedAt: row.appliedAt.toISOString(),
    appliedBy: row.appliedBy,
    sourceFormat: row.sourceFormat,
  };
}
