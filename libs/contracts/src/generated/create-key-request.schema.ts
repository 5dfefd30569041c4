/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/create-key-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/create-key-request.schema.json, for validators (no file I/O at runtime). */
export const createKeyRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/create-key-request.schema.json",
  "title": "CreateKeyRequest",
  "description": "Body of POST /v1/keys (admin scope): a new key of the caller's workspace.",
  "type": "object",
  "required": [
    "kind"
  ],
  "additionalProperties": false,
  "properties": {
    "kind": {
      "type": "string",
      "enum": [
        "publishable",
        "secret"
      ],
      "description": "`publishable`: for web pages and pixels, `events:write` only. `secret`: server to server."
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
      },
      "minItems": 1,
      "maxItems": 4,
      "description": "Default: `events:write` for publishable keys, `events:write` and `read` for secret keys."
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "description": "What the key is for, shown in listings."
    }
  }
};
