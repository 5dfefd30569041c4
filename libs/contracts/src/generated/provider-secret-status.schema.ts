/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/provider-secret-status.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/provider-secret-status.schema.json, for validators (no file I/O at runtime). */
export const providerSecretStatusSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/provider-secret-status.schema.json",
  "title": "ProviderSecretStatus",
  "description": "Whether a workspace has a provider's webhook secret, and how to recognise it: never the secret itself.",
  "type": "object",
  "required": [
    "provider",
    "configured",
    "hint",
    "updatedAt"
  ],
  "additionalProperties": false,
  "properties": {
    "provider": {
      "type": "string",
      "enum": [
        "sendgrid",
        "twilio",
        "zoom",
        "mailgun"
      ]
    },
    "configured": {
      "type": "boolean",
      "description": "True when the workspace stored a secret through the api; ingest then checks this provider's webhooks with it (within one reload). False: ingest uses its bootstrap configuration's, if any."
    },
    "hint": {
      "type": [
        "string",
        "null"
      ],
      "description": "The secret's last 4 characters, e.g. `…1234`; null when not configured."
    },
    "updatedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time"
    }
  }
};
