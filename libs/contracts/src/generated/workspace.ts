/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A workspace (tenant): its models, keys, contacts and settings are its own.
 */
export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}
