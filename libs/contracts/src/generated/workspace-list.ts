/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/workspaces (operator): every workspace, by id.
 */
export interface WorkspaceList {
  workspaces: Workspace[];
}
/**
 * A workspace (tenant): its models, keys, contacts and settings are its own.
 */
export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}
