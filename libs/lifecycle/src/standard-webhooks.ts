import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Header names of the Standard Webhooks specification (https://www.standardwebhooks.com). */
export const WebhookHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

const SECRET_PREFIX = 'whsec_';

export class InvalidWebhookSecretError extends Error {
  constructor(reason: string) {
    super(`invalid webhook secret: ${reason}; expected "whsec_" followed by base64 of 24 to 64 random bytes`);
    this.name = 'InvalidWebhookSecretError';
  }
}

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks' form). */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The key bytes of a `whsec_<base64>` secret. */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new InvalidWebhookSecretError('missing the "whsec_" prefix');
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new InvalidWebhookSecretError('not base64');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24 || key.length > 64) throw new InvalidWebhookSecretError(`${key.length} bytes`);
  return key;
}

/** One `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` signature. */
export function signatureOf(
  secret: string,
  webhookId: string,
  timestampSeconds: number,
  body: string,
): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${webhookId}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * The three headers of one attempt. During a secret rotation an endpoint has two valid secrets: the
 * header then carries one signature per secret, space-separated, and the receiver accepts either.
 */
export function signWebhook(
  secrets: readonly string[],
  webhookId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  if (secrets.length === 0) throw new InvalidWebhookSecretError('the subscription has no secret');
  return {
    [WebhookHeaders.id]: webhookId,
    [WebhookHeaders.timestamp]: String(timestampSeconds),
    [WebhookHeaders.signature]: secrets
      .map((s) => signatureOf(s, webhookId, timestampSeconds, body))
      .join(' '),
  };
}

/**
 * The webhook id of one message to one subscription: stable across retries and restarts (derived, not
 * random), so a receiver that dedupes by `webhook-id` applies each message once.
 */
export function webhookIdOf(subscriptionId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${subscriptionId}\n${eventId}`).digest('hex').slice(0, 32)}`;
}
