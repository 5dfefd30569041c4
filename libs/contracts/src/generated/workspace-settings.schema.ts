/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace-settings.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/workspace-settings.schema.json, for validators (no file I/O at runtime). */
export const workspaceSettingsSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/workspace-settings.schema.json",
  "title": "WorkspaceSettings",
  "description": "Response of GET and PATCH /v1/settings: the caller's workspace's settings, and which provider secrets it stored (never the secrets).",
  "type": "object",
  "required": [
    "timeZone",
    "defaultCountry",
    "trackingFormFields",
    "updatedAt",
    "providers"
  ],
  "additionalProperties": false,
  "properties": {
    "timeZone": {
      "type": [
        "string",
        "null"
      ],
      "description": "IANA time zone of decay's schedules that name none; null: not set."
    },
    "defaultCountry": {
      "type": [
        "string",
        "null"
      ],
      "description": "ISO 3166 alpha-2 country of national phone numbers at ingest; null: not set."
    },
    "trackingFormFields": {
      "type": [
        "array",
        "null"
      ],
      "items": {
        "type": "string"
      },
      "description": "Form fields the tracking snippet may capture (read by the snippet once it exists); null: none."
    },
    "updatedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "description": "When these settings last changed; null: never."
    },
    "providers": {
      "type": "object",
      "required": [
        "sendgrid",
        "twilio",
        "zoom",
        "mailgun"
      ],
      "additionalProperties": false,
      "properties": {
        "sendgrid": {
          "$ref": "provider-secret-status.schema.json"
        },
        "twilio": {
          "$ref": "provider-secret-status.schema.json"
        },
        "zoom": {
          "$ref": "provider-secret-status.schema.json"
        },
        "mailgun": {
          "$ref": "provider-secret-status.schema.json"
        }
      }
    }
  }
};
