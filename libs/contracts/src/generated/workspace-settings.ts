/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/workspace-settings.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET and PATCH /v1/settings: the caller's workspace's settings, and which provider secrets it stored (never the secrets).
 */
export interface WorkspaceSettings {
  /**
   * IANA time zone of decay's schedules that name none; null: not set.
   */
  timeZone: string | null;
  /**
   * ISO 3166 alpha-2 country of national phone numbers at ingest; null: not set.
   */
  defaultCountry: string | null;
  /**
   * Form fields the tracking snippet may capture (read by the snippet once it exists); null: none.
   */
  trackingFormFields: string[] | null;
  /**
   * When these settings last changed; null: never.
   */
  updatedAt: string | null;
  providers: {
    sendgrid: ProviderSecretStatus;
    twilio: ProviderSecretStatus;
    zoom: ProviderSecretStatus;
    mailgun: ProviderSecretStatus;
  };
}
/**
 * Whether a workspace has a provider's webhook secret, and how to recognise it: never the secret itself.
 */
export interface ProviderSecretStatus {
  provider: 'sendgrid' | 'twilio' | 'zoom' | 'mailgun';
  /**
   * True when the workspace stored a secret through the api; ingest then checks this provider's webhooks with it (within one reload). False: ingest uses its bootstrap configuration's, if any.
   */
  configured: boolean;
  /**
   * The secret's last 4 characters, e.g. `…1234`; null when not configured.
   */
  hint: string | null;
  updatedAt: string | null;
}
