import { randomBytes } from 'node:crypto';
import { openWebhookSecret, SettingsDecryptionError } from '@leadscore/access';
import { performance } from 'node:perf_hooks';
import { signWebhook } from '@leadscore/lifecycle';
import type { WebhookPingResult } from '@leadscore/contracts';
import { signingSecrets } from '@leadscore/persistence';
import { sendWebhook } from '@leadscore/webhooks';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { fail } from '../../http/problem-details.js';
import { subscriptionOrFail } from './webhook-subscriptions.js';

/** The event type of a ping; receivers should answer 2xx and otherwise ignore it. */
export const PING_EVENT_TYPE = 'webhook.ping';

/**
 * Sends a signed `webhook.ping` to a subscription now, through the same SSRF guard and signing as
 * threshold's deliveries (signed by every secret valid now), and answers with what the receiver
 * answered, how long it took, or why it was refused. Not stored as a delivery; changes nothing.
 */
export class PingWebhook {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<WebhookPingResult> {
    const subscription = await subscriptionOrFail(this.context.dataSource.manager, caller.workspaceId, id);
    const at = this.context.now();
    const suffix = randomBytes(12).toString('hex');
    const webhookId = `msg_ping_${suffix}`;
    const body = JSON.stringify({
      specversion: '1.0',
      id: `ping_${suffix}`,
      source: 'leadscore/api',
      type: PING_EVENT_TYPE,
      time: at.toISOString(),
      workspace: caller.workspaceId,
      data: { subscriptionId: subscription.id },
    });
    const owner = { workspaceId: caller.workspaceId, subscriptionId: subscription.id };
    let secrets: string[];
    try {
      secrets = signingSecrets(subscription, at).map((stored) =>
        openWebhookSecret(this.context.settingsCipher, stored, owner),
      );
    } catch (error) {
      if (error instanceof SettingsDecryptionError) fail('conflict', `${error.message}.`);
      throw error;
    }
    const headers = signWebhook(secrets, webhookId, Math.floor(at.getTime() / 1000), body);
    const started = performance.now();
    const sent = await sendWebhook(
      this.context.webhooks.guard,
      subscription.url,
      headers,
      body,
      this.context.webhooks.pingTimeoutMs,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    if (sent.result.kind === 'refused')
      return {
        outcome: 'refused',
        webhookId,
        statusCode: null,
        latencyMs: null,
        responseExcerpt: null,
        error: sent.error,
      };
    const delivered = sent.statusCode !== null && sent.statusCode >= 200 && sent.statusCode < 300;
    return {
      outcome: delivered ? 'delivered' : 'failed',
      webhookId,
      statusCode: sent.statusCode,
      latencyMs,
      responseExcerpt: sent.responseExcerpt,
      error: sent.error,
    };
  }
}
