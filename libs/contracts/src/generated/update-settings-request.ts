/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/update-settings-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of PATCH /v1/settings (admin scope): the settings to change; a field left out stays as it is, null unsets it.
 */
export interface UpdateSettingsRequest {
  /**
   * IANA time zone, e.g. `Europe/Berlin`: decay's schedules that name no zone run in it (null: DECAY_WORKSPACE_TIME_ZONES, else UTC).
   */
  timeZone?: string | null;
  /**
   * ISO 3166 alpha-2 country, e.g. `US`: ingest reads phone numbers without a country code as numbers of it (null: ingest's bootstrap configuration).
   */
  defaultCountry?: string | null;
  /**
   * Names of the form fields the tracking snippet may capture on form submissions (null: none); never passwords, tokens or payment fields.
   *
   * @maxItems 100
   */
  trackingFormFields?: string[] | null;
}
