/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/workspace.schema.json, for validators (no file I/O at runtime). */
export const workspaceSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/workspace.schema.json",
  "title": "Workspace",
  "description": "A workspace (tenant): its models, keys, contacts and settings are its own.",
  "type": "object",
  "required": [
    "id",
    "name",
    "createdAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string"
    },
    "name": {
      "type": "string"
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    }
  }
};
