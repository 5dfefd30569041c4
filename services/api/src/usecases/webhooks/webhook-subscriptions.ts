import type { WorkspaceId } from '@leadscore/access';
import type { WebhookSubscriptionRow } from '@leadscore/persistence';
import {
  webhookSubscriptionRepository,
  type ManagedWebhookSubscription,
  type SqlRunner,
} from '@leadscore/persistence';
import type { ApiWebhooks } from '../../app/api.context.js';
import { fail } from '../../http/problem-details.js';

/** The subscription, or 404 (another workspace's is answered exactly like none). */
export async function subscriptionOrFail(
  sql: SqlRunner,
  workspaceId: WorkspaceId,
  id: string,
): Promise<ManagedWebhookSubscription> {
  const found = await webhookSubscriptionRepository.find(sql, workspaceId, id);
  if (!found) return notFound(id);
  return found;
}

export function notFound(id: string): never {
  return fail(
    'not-found',
    `No webhook subscription "${id.slice(0, 80)}" in this workspace; GET /v1/webhooks lists them.`,
  );
}

/**
 * Refuses (400, field `url`) a URL the SSRF guard refuses: not http(s), http in production, or one that
 * is or resolves to a loopback, private, link-local... address (the reason says which and how to allow it).
 */
export async function checkWebhookUrl(webhooks: ApiWebhooks, url: string): Promise<void> {
  const check = await webhooks.guard.check(url);
  if (check.ok) return;
  fail('invalid-request', `url: ${check.reason}.`, [{ field: 'url', expected: check.reason }]);
}

type Filter = Pick<WebhookSubscriptionRow, 'events' | 'tiers' | 'stages'>;

/**
 * `tiers` narrows tier transitions, `stages` stage transitions (contacts' or accounts'): each only with
 * its kind in `events`.
 */
export function checkFilter(filter: Filter): void {
  if (filter.tiers && !filter.events.some((kind) => kind === 'tier' || kind === 'account-tier'))
    fail(
      'invalid-request',
      'tiers: only tier transitions are filtered by tier; add "tier" or "account-tier" to events, or drop tiers.',
      [{ field: 'tiers', expected: 'null or absent unless events holds "tier" or "account-tier"' }],
    );
  if (filter.stages && !filter.events.some((kind) => kind === 'stage' || kind === 'account-stage'))
    fail(
      'invalid-request',
      'stages: only stage transitions are filtered by stage; add "stage" or "account-stage" to events, or drop stages.',
      [{ field: 'stages', expected: 'null or absent unless events holds "stage" or "account-stage"' }],
    );
}
