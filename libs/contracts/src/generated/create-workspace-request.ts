/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-workspace-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/workspaces (operator token): a new workspace; its first admin key comes back once in the response.
 */
export interface CreateWorkspaceRequest {
  /**
   * The workspace id used everywhere (events, keys, topics): 1 to 64 characters of a-z, 0-9, `_` and `-`, starting with a letter or digit. Cannot change later.
   */
  id: string;
  /**
   * A name for people.
   */
  name: string;
}
