/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/models: the live version of every model of the caller's workspace, by id.
 */
export interface ModelList {
  models: ModelVersion[];
}
/**
 * One recorded version of a scoring model of the caller's workspace (without its document).
 */
export interface ModelVersion {
  /**
   * The model's id.
   */
  id: string;
  version: number;
  /**
   * The model's name in this version.
   */
  name: string;
  /**
   * Whether this is the highest version, the one the scorer uses.
   */
  live: boolean;
  appliedAt: string;
  /**
   * The key id that applied it through the api; null for a version published on leads.models.v1 without the api (recorded by the scorer).
   */
  appliedBy: string | null;
  /**
   * The format it was sent in; null when not applied through the api.
   */
  sourceFormat: 'yaml' | 'json' | null;
}
