/** Providers whose webhooks ingest checks with a per-workspace secret. */
export const WEBHOOK_PROVIDERS = ['sendgrid', 'twilio', 'zoom', 'mailgun'] as const;

export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export function isWebhookProvider(text: string): text is WebhookProvider {
  return (WEBHOOK_PROVIDERS as readonly string[]).includes(text);
}

/** The purpose a provider's secret is sealed under (SettingsCipher's associated data). */
export function providerSecretPurpose(provider: WebhookProvider): string {
  return `provider:${provider}`;
}
