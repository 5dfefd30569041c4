/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/provider-secret-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of PUT /v1/settings/providers/{provider} (admin scope): the provider's webhook secret, stored encrypted and never shown again. SendGrid: the verification key of its Signed Event Webhook (base64 DER); Twilio: the account's auth token; Zoom: the app's secret token; Mailgun: the HTTP webhook signing key.
 */
export interface ProviderSecretRequest {
  /**
   * The secret exactly as the provider shows it (no spaces).
   */
  secret: string;
}
