import {
  CLOUDEVENTS_SPEC_VERSION,
  CONTACT_ERASED,
  contactHashOf,
  createEventValidator,
  type CanonicalEvent,
  type ContactErased,
} from '@leadscore/contracts';
import { auditLogRepository, contactErasureRepository } from '@leadscore/persistence';
import { randomUUID } from 'node:crypto';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { failRetryable } from '../http/problem-details.js';
import { contactKeyOf } from './contact-key.js';
import { API_EVENT_SOURCE, PUBLISH_RETRY_AFTER_SECONDS, publishEvent } from './publish-event.js';

/**
 * DELETE /v1/contacts/{contact}: erases the contact from every PostgreSQL store and leaves its tombstone
 * (libs/persistence `contactErasureRepository`), records the audit row `contact.erased` (no personal data:
 * the target is the contact's hash) and publishes `contact.erased` on leads.events.v1, in order with the
 * contact's events — in one transaction that commits only once Kafka acknowledged the event (503 and
 * nothing erased otherwise). Consumers honour the tombstone for what is still in flight; the analytics
 * service erases the archive when it reaches the event. Repeating it is harmless.
 */
export class EraseContact {
  private readonly validator = createEventValidator();

  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, contactKey: string): Promise<ContactErased> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const erasureId = `erasure-${randomUUID()}`;
    return this.context.dataSource.transaction(async (sql) => {
      // The erasure time is taken once every store is emptied (the erasure waited for the batches writing
      // the contact): whatever they published is dated before it, and so erased downstream too.
      const erased = await contactErasureRepository.erase(sql, {
        workspaceId: caller.workspaceId,
        contactId: contact,
        erasureId,
        erasedAt: () => this.context.now(),
      });
      const erasedAt = erased.erasedAt.toISOString();
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'contact.erased',
          target: `erased:${contactHashOf(caller.workspaceId, contact)}`,
          details: { erasureId, erasedAt, erased: erased.rows },
          at: erased.erasedAt,
        },
      ]);
      const event: CanonicalEvent = {
        specversion: CLOUDEVENTS_SPEC_VERSION,
        id: erasureId,
        source: API_EVENT_SOURCE,
        type: CONTACT_ERASED,
        time: erasedAt,
        subject: contact,
        workspace: caller.workspaceId,
        datacontenttype: 'application/json',
        data: {},
      };
      const validation = this.validator.validate(event);
      if (!validation.valid)
        throw new Error(
          `built a contact.erased event its schema refuses: ${JSON.stringify(validation.issues)}`,
        );
      try {
        await publishEvent(this.context, event);
      } catch (error) {
        failRetryable(
          'unavailable',
          `Kafka did not acknowledge the contact.erased event (${error instanceof Error ? error.message : String(error)}); nothing is erased. Retry after ${PUBLISH_RETRY_AFTER_SECONDS} s (erasing again is harmless).`,
          PUBLISH_RETRY_AFTER_SECONDS,
        );
      }
      return { erasureId, contact, erasedAt, erased: erased.rows, archive: 'pending' };
    });
  }
}
