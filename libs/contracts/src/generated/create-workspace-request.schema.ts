/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-workspace-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/create-workspace-request.schema.json, for validators (no file I/O at runtime). */
export const createWorkspaceRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/create-workspace-request.schema.json",
  "title": "CreateWorkspaceRequest",
  "description": "Body of POST /v1/workspaces (operator token): a new workspace; its first admin key comes back once in the response.",
  "type": "object",
  "required": [
    "id",
    "name"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$",
      "description": "The workspace id used everywhere (events, keys, topics): 1 to 64 characters of a-z, 0-9, `_` and `-`, starting with a letter or digit. Cannot change later."
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "description": "A name for people."
    }
  }
};
