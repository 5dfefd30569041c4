import type { WebhookSubscription } from '@leadscore/contracts';
import type { ManagedWebhookSubscription } from '@leadscore/persistence';

/** A subscription as the api shows it: never a secret. */
export function webhookView(row: ManagedWebhookSubscription): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    tiers: row.tiers,
    stages: row.stages,
    description: row.description,
    enabled: row.enabled,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A URL for the audit log: its query string may carry a receiver's token, so only that there was one
 * is recorded.
 */
export function auditedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a URL)';
  }
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}
