/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/provider-secret-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/provider-secret-request.schema.json, for validators (no file I/O at runtime). */
export const providerSecretRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/provider-secret-request.schema.json",
  "title": "ProviderSecretRequest",
  "description": "Body of PUT /v1/settings/providers/{provider} (admin scope): the provider's webhook secret, stored encrypted and never shown again. SendGrid: the verification key of its Signed Event Webhook (base64 DER); Twilio: the account's auth token; Zoom: the app's secret token; Mailgun: the HTTP webhook signing key.",
  "type": "object",
  "required": [
    "secret"
  ],
  "additionalProperties": false,
  "properties": {
    "secret": {
      "type": "string",
      "minLength": 16,
      "maxLength": 4096,
      "pattern": "^\\S+$",
      "description": "The secret exactly as the provider shows it (no spaces)."
    }
  }
};
