/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/audit-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/audit-page.schema.json, for validators (no file I/O at runtime). */
export const auditPageSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/audit-page.schema.json",
  "title": "AuditPage",
  "description": "Response of GET /v1/audit: admin actions of the caller's workspace, newest first.",
  "type": "object",
  "required": [
    "entries",
    "nextCursor"
  ],
  "additionalProperties": false,
  "properties": {
    "entries": {
      "type": "array",
      "items": {
        "title": "AuditEntry",
        "type": "object",
        "required": [
          "id",
          "actor",
          "action",
          "target",
          "details",
          "at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "actor": {
            "type": "string",
            "description": "The key id that acted, or `operator`."
          },
          "action": {
            "type": "string",
            "description": "`workspace.created`, `key.created` or `key.revoked`."
          },
          "target": {
            "type": [
              "string",
              "null"
            ],
            "description": "The workspace or key acted on."
          },
          "details": {
            "type": "object"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          }
        }
      }
    },
    "nextCursor": {
      "type": [
        "string",
        "null"
      ],
      "description": "Pass as `?cursor=` for the next (older) page; null on the last page."
    }
  }
};
