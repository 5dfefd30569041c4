import {
  CLOUDEVENTS_SPEC_VERSION,
  CONTACT_ERASED,
  contactHashOf,
  createEventValidator,
  type CanonicalEvent,
  type ContactErased,
} from '@leadscore/contracts';
import {
  auditLogRepository,
  contactAliasRepository,
  contactErasureRepository,
  type ErasedRows,
} from '@leadscore/persistence';
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
 * service erases the archive when it reaches the event. Repeating it is harmless. A person is all their
 * keys: the contact the key was merged into and every contact merged into that one are erased with it
 * (identity stitching), each with its tombstone and its own event.
 */
export class EraseContact {
  private readonly validator = createEventValidator();

  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, contactKey: string): Promise<ContactErased> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const erasureId = `erasure-${randomUUID()}`;
    return this.context.dataSource.transaction(async (sql) => {
      // The person's other keys, read before anything is erased: erasing removes the merges themselves.
      const { survivor, aliases } = await contactAliasRepository.identitiesOf(sql, {
        workspaceId: caller.workspaceId,
        contactId: contact,
      });
      const identities = [survivor, ...aliases].filter((key) => key !== contact);
      const erasures: { key: string; id: string; at: Date; rows: ErasedRows }[] = [];
      for (const [index, key] of [contact, ...identities].entries()) {
        // The erasure time is taken once every store is emptied (the erasure waited for the batches
        // writing the contact): whatever they published is dated before it, and so erased downstream too.
        const id = index === 0 ? erasureId : `${erasureId}-${index}`;
        const erased = await contactErasureRepository.erase(sql, {
          workspaceId: caller.workspaceId,
          contactId: key,
          erasureId: id,
          erasedAt: () => this.context.now(),
        });
        erasures.push({ key, id, at: erased.erasedAt, rows: erased.rows });
      }
      await auditLogRepository.append(
        sql,
        erasures.map((erasure) => ({
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'contact.erased',
          target: `erased:${contactHashOf(caller.workspaceId, erasure.key)}`,
          details: { erasureId: erasure.id, erasedAt: erasure.at.toISOString(), erased: erasure.rows },
          at: erasure.at,
        })),
      );
      for (const erasure of erasures) {
        const event: CanonicalEvent = {
          specversion: CLOUDEVENTS_SPEC_VERSION,
          id: erasure.id,
          source: API_EVENT_SOURCE,
          type: CONTACT_ERASED,
          time: erasure.at.toISOString(),
          subject: erasure.key,
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
      }
      const [first] = erasures;
      if (!first) throw new Error('an erasure erased no key');
      return {
        erasureId,
        contact,
        ...(identities.length > 0 ? { identities } : {}),
        erasedAt: first.at.toISOString(),
        erased: erasures.map((erasure) => erasure.rows).reduce(sumRows),
        archive: 'pending',
      };
    });
  }
}

function sumRows(a: ErasedRows, b: ErasedRows): ErasedRows {
  return {
    scores: a.scores + b.scores,
    ranks: a.ranks + b.ranks,
    profiles: a.profiles + b.profiles,
    lifecycleStates: a.lifecycleStates + b.lifecycleStates,
    webhookDeliveries: a.webhookDeliveries + b.webhookDeliveries,
    auditTargets: a.auditTargets + b.auditTargets,
    aliases: a.aliases + b.aliases,
    accountMemberships: a.accountMemberships + b.accountMemberships,
  };
}
