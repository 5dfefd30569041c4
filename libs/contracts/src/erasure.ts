import { createHash } from 'node:crypto';

/**
 * `contact.erased` on leads.events.v1, keyed `workspace:contact` so it follows the contact's other events:
 * the api publishes it when a contact is erased (DELETE /v1/contacts/{contact}), and every consumer
 * forgets the contact. Ingest refuses it from its callers.
 */
export const CONTACT_ERASED = 'contact.erased';

/**
 * How every store names an erased contact in its tombstone without keeping the key: sha256 of workspace,
 * NUL and contact key, in hex. PostgreSQL and the ClickHouse archive use the same, so one erasure reads
 * the same in both.
 */
export function contactHashOf(workspace: string, contact: string): string {
  return createHash('sha256').update(`${workspace}\u0000${contact}`).digest('hex');
}
