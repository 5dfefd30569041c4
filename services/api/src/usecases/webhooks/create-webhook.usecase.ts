import { randomBytes } from 'node:crypto';
import { sealWebhookSecret } from '@leadscore/access';
import { generateWebhookSecret } from '@leadscore/lifecycle';
import type { CreateWebhookRequest, WebhookCreated } from '@leadscore/contracts';
import { auditLogRepository, webhookSubscriptionRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { auditedUrl, webhookView } from './webhook.view.js';
import { checkFilter, checkWebhookUrl, subscriptionOrFail } from './webhook-subscriptions.js';

/**
 * An admin subscribes a CRM receiver: the URL passes the SSRF guard, the subscription gets a new
 * `whsec_` secret, shown in this answer only and stored sealed; audited `webhook.created` (never the secret).
 */
export class CreateWebhook {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, command: CreateWebhookRequest): Promise<WebhookCreated> {
    const filter = { events: command.events, tiers: command.tiers ?? null, stages: command.stages ?? null };
    checkFilter(filter);
    await checkWebhookUrl(this.context.webhooks, command.url);
    const at = this.context.now();
    const id = `wh_${randomBytes(8).toString('hex')}`;
    const secret = generateWebhookSecret();
    return this.context.dataSource.transaction(async (sql) => {
      await webhookSubscriptionRepository.create(
        sql,
        {
          id,
          workspaceId: caller.workspaceId,
          url: command.url,
          // Stored sealed (SETTINGS_ENCRYPTION_KEY); threshold opens it to sign.
          secrets: [
            sealWebhookSecret(this.context.settingsCipher, secret, {
              workspaceId: caller.workspaceId,
              subscriptionId: id,
            }),
          ],
          ...filter,
          enabled: command.enabled ?? true,
          description: command.description ?? null,
        },
        at,
      );
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'webhook.created',
          target: id,
          details: {
            url: auditedUrl(command.url),
            ...filter,
            enabled: command.enabled ?? true,
            description: command.description ?? null,
          },
          at,
        },
      ]);
      return { subscription: webhookView(await subscriptionOrFail(sql, caller.workspaceId, id)), secret };
    });
  }
}
