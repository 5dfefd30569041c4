/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/workspace-list.schema.json, for validators (no file I/O at runtime). */
export const workspaceListSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/workspace-list.schema.json",
  "title": "WorkspaceList",
  "description": "Response of GET /v1/workspaces (operator): every workspace, by id.",
  "type": "object",
  "required": [
    "workspaces"
  ],
  "additionalProperties": false,
  "properties": {
    "workspaces": {
      "type": "array",
      "items": {
        "$ref": "workspace.schema.json"
      }
    }
  }
};
