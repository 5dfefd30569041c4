import { WEBHOOK_PROVIDERS, type WebhookProvider } from '@leadscore/access';
import type { ProviderSecretStatus, WorkspaceSettings } from '@leadscore/contracts';
import type { ProviderSecretInfo, WorkspaceSettingsRow } from '@leadscore/persistence';

/** A provider's secret as the api shows it: whether it is set and its hint, never the secret. */
export function providerSecretStatus(
  provider: WebhookProvider,
  info: ProviderSecretInfo | undefined,
): ProviderSecretStatus {
  return {
    provider,
    configured: info !== undefined,
    hint: info?.hint ?? null,
    updatedAt: info?.updatedAt.toISOString() ?? null,
  };
}

/** The secret's last 4 characters: enough to recognise it, too few to use it (secrets have 16 or more). */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}

/** A workspace's settings as GET /v1/settings answers them. */
export function settingsView(
  row: WorkspaceSettingsRow | undefined,
  secrets: readonly ProviderSecretInfo[],
): WorkspaceSettings {
  const status = (provider: WebhookProvider) =>
    providerSecretStatus(
      provider,
      secrets.find((s) => s.provider === provider),
    );
  const [sendgrid, twilio, zoom, mailgun] = WEBHOOK_PROVIDERS.map(status) as [
    ProviderSecretStatus,
    ProviderSecretStatus,
    ProviderSecretStatus,
    ProviderSecretStatus,
  ];
  return {
    timeZone: row?.timeZone ?? null,
    defaultCountry: row?.defaultCountry ?? null,
    trackingFormFields: row?.trackingFormFields ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    providers: { sendgrid, twilio, zoom, mailgun },
  };
}
