/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/update-user-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/update-user-request.schema.json, for validators (no file I/O at runtime). */
export const updateUserRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/update-user-request.schema.json",
  "title": "UpdateUserRequest",
  "description": "Body of PATCH /v1/users/{id} (admin): a new role. The workspace keeps at least one admin user once it has one.",
  "type": "object",
  "required": [
    "role"
  ],
  "additionalProperties": false,
  "properties": {
    "role": {
      "type": "string",
      "enum": [
        "viewer",
        "editor",
        "admin"
      ],
      "description": "`viewer`: reads (scopes `read`); `editor`: also applies scoring models (`models:write`); `admin`: also manages users, keys, webhooks, settings and erasure (`admin`)."
    }
  }
};
