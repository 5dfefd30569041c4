import { sealWebhookSecret } from '@leadscore/access';
import { generateWebhookSecret } from '@leadscore/lifecycle';
import type { RotateWebhookSecretRequest, WebhookSecretRotated } from '@leadscore/contracts';
import { auditLogRepository, webhookSubscriptionRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { webhookView } from './webhook.view.js';
import { notFound } from './webhook-subscriptions.js';

/** How long the previous secret signs beside the new one unless the request says otherwise: one day. */
export const DEFAULT_SECRET_OVERLAP_SECONDS = 86_400;

/**
 * An admin rotates a subscription's secret: the new one (shown in this answer only) signs every
 * webhook from now on, the current one beside it until the overlap ends (then threshold and pings drop
 * it); a previous secret still overlapping from an earlier rotation stops at once. With an overlap of
 * 0 the current secret stops now. Audited `webhook.secret-rotated` (never a secret).
 */
export class RotateWebhookSecret {
  constructor(private readonly context: ApiContext) {}

  async execute(
    caller: Caller,
    id: string,
    command: RotateWebhookSecretRequest,
  ): Promise<WebhookSecretRotated> {
    const at = this.context.now();
    const overlapSeconds = command.overlapSeconds ?? DEFAULT_SECRET_OVERLAP_SECONDS;
    const expires = new Date(at.getTime() + overlapSeconds * 1000);
    const secret = generateWebhookSecret();
    return this.context.dataSource.transaction(async (sql) => {
      let rotated = await webhookSubscriptionRepository.rotateSecret(
        sql,
        caller.workspaceId,
        id,
        sealWebhookSecret(this.context.settingsCipher, secret, {
          workspaceId: caller.workspaceId,
          subscriptionId: id,
        }),
        expires,
        at,
      );
      if (!rotated) return notFound(id);
      if (overlapSeconds === 0) {
        await webhookSubscriptionRepository.dropPreviousSecret(sql, caller.workspaceId, id, at);
        rotated = { ...rotated, secrets: rotated.secrets.slice(0, 1), previousSecretExpiresAt: null };
      }
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'webhook.secret-rotated',
          target: id,
          details: {
            overlapSeconds,
            previousSecretExpiresAt: rotated.previousSecretExpiresAt?.toISOString() ?? null,
          },
          at,
        },
      ]);
      return { subscription: webhookView(rotated), secret };
    });
  }
}
