import type { ContactArchive, ContactLifecycleLog } from '@leadscore/contracts';
import { contactReadRepository, webhookDeliveryRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { contactKeyOf } from './contact-key.js';

/** The newest deliveries shown with a contact; the export (GET …/export) has all of them. */
const DELIVERIES_SHOWN = 200;

/**
 * GET /v1/contacts/{contact}/lifecycle: the contact's tier and stage transitions (the archive keeps
 * them all; PostgreSQL only the state now) and the newest webhook deliveries about it, newest first;
 * 404 for a contact the workspace knows nothing of (like the other reads of one contact).
 */
export class ReadContactLifecycle {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, contactKey: string): Promise<ContactLifecycleLog> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const sql = this.context.dataSource.manager;
    const [archive, deliveries, scores] = await Promise.all([
      this.context.archive.get<ContactArchive>(
        caller.workspaceId,
        `/contacts/${encodeURIComponent(contact)}/archive`,
      ),
      webhookDeliveryRepository.ofContact(sql, caller.workspaceId, contact, DELIVERIES_SHOWN),
      contactReadRepository.load(sql, caller.workspaceId, contact),
    ]);
    if (archive.lifecycleChanges.length + deliveries.length + scores.length === 0)
      fail(
        'not-found',
        `No contact "${contact}" in this workspace: no score, transition or webhook delivery (GET /v1/contacts/{contact}/export tells everything held).`,
      );
    return {
      contact,
      transitions: archive.lifecycleChanges
        .map((change) => ({
          model: change.model,
          kind: change.kind,
          from: change.previous,
          to: change.current,
          ...(change.previousName === undefined ? {} : { fromName: change.previousName }),
          ...(change.currentName === undefined ? {} : { toName: change.currentName }),
          at: change.time,
          sequence: change.sequence,
        }))
        .reverse(),
      deliveries: deliveries.map((delivery) => ({
        webhookId: delivery.webhookId,
        subscriptionId: delivery.subscriptionId,
        eventType: delivery.eventType,
        status: delivery.status,
        createdAt: delivery.createdAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      })),
    };
  }
}
