/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/update-settings-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/update-settings-request.schema.json, for validators (no file I/O at runtime). */
export const updateSettingsRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/update-settings-request.schema.json",
  "title": "UpdateSettingsRequest",
  "description": "Body of PATCH /v1/settings (admin scope): the settings to change; a field left out stays as it is, null unsets it.",
  "type": "object",
  "minProperties": 1,
  "additionalProperties": false,
  "properties": {
    "timeZone": {
      "type": [
        "string",
        "null"
      ],
      "maxLength": 64,
      "description": "IANA time zone, e.g. `Europe/Berlin`: decay's schedules that name no zone run in it (null: DECAY_WORKSPACE_TIME_ZONES, else UTC)."
    },
    "defaultCountry": {
      "type": [
        "string",
        "null"
      ],
      "pattern": "^[A-Za-z]{2}$",
      "description": "ISO 3166 alpha-2 country, e.g. `US`: ingest reads phone numbers without a country code as numbers of it (null: ingest's bootstrap configuration)."
    },
    "trackingFormFields": {
      "type": [
        "array",
        "null"
      ],
      "maxItems": 100,
      "uniqueItems": true,
      "items": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64
      },
      "description": "Names of the form fields the tracking snippet may capture on form submissions (null: none); never passwords, tokens or payment fields."
    }
  }
};
