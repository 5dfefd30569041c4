/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/api-key.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/api-key.schema.json, for validators (no file I/O at runtime). */
export const apiKeySchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/api-key.schema.json",
  "title": "ApiKey",
  "description": "A key as listed by GET /v1/keys: never the key itself or its hash.",
  "type": "object",
  "required": [
    "id",
    "kind",
    "name",
    "prefix",
    "scopes",
    "createdAt",
    "createdBy",
    "revokedAt",
    "lastUsedAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "description": "The key id (DELETE /v1/keys/{id}; the actor in the audit log)."
    },
    "kind": {
      "type": "string",
      "enum": [
        "publishable",
        "secret"
      ]
    },
    "name": {
      "type": [
        "string",
        "null"
      ]
    },
    "prefix": {
      "type": "string",
      "description": "The start of the key, to recognise it: `sk_<id>_abcd…`."
    },
    "scopes": {
      "type": "array",
      "items": {
        "type": "string",
        "enum": [
          "events:write",
          "read",
          "models:write",
          "admin"
        ]
      }
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    },
    "createdBy": {
      "type": "string",
      "description": "The key id that created it, `operator` or `local-stack`."
    },
    "revokedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "lastUsedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "description": "Coarse: updated at most once a minute."
    }
  }
};
