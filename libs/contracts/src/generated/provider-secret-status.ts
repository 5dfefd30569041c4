/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/provider-secret-status.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

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
