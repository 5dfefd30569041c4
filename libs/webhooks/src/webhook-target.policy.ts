/** The configuration variable that lets webhooks reach private networks (api and threshold read it). */
export const ALLOW_PRIVATE_NETWORKS_VARIABLE = 'WEBHOOK_ALLOW_PRIVATE_NETWORKS';

/** Where webhooks may go. */
export interface WebhookTargetPolicy {
  /** Loopback, private, link-local, ... addresses allowed (a receiver inside the operator's network). */
  readonly allowPrivateNetworks: boolean;
  /** Only https URLs (NODE_ENV=production). */
  readonly requireHttps: boolean;
}

/** The policy of a service from its configuration (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`, `NODE_ENV`). */
export function webhookTargetPolicyOf(config: {
  readonly WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' | 'false';
  readonly NODE_ENV: string;
}): WebhookTargetPolicy {
  return {
    allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    requireHttps: config.NODE_ENV === 'production',
  };
}
