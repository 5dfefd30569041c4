/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace-created.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/workspace-created.schema.json, for validators (no file I/O at runtime). */
export const workspaceCreatedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/workspace-created.schema.json",
  "title": "WorkspaceCreated",
  "description": "Response of POST /v1/workspaces: the workspace and its first admin key, shown this once.",
  "type": "object",
  "required": [
    "workspace",
    "adminKey"
  ],
  "additionalProperties": false,
  "properties": {
    "workspace": {
      "$ref": "workspace.schema.json"
    },
    "adminKey": {
      "$ref": "key-created.schema.json"
    }
  }
};
