/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-erased.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of DELETE /v1/contacts/{contact}: the contact is erased from PostgreSQL, a tombstone keeps it erased, and the contact.erased event (its id the erasure's) tells every consumer; the archive deletes the contact's rows when the analytics service reaches that event.
 */
export interface ContactErased {
  /**
   * Names the erasure in the audit log and on the contact.erased event.
   */
  erasureId: string;
  /**
   * The contact key erased, normalised.
   */
  contact: string;
  /**
   * The person's other keys, erased with it (each with its own contact.erased event and tombstone): the contact it was merged into, and every contact merged into that one. Absent when there are none.
   */
  identities?: string[];
  /**
   * The contact's events and changes dated at or before it are erased, even those still in flight; later activity of the same key (a new consent) starts a new contact.
   */
  erasedAt: string;
  /**
   * Rows removed from each PostgreSQL store (0 when there was nothing, as on a repeated erasure).
   */
  erased: {
    scores: number;
    ranks: number;
    profiles: number;
    lifecycleStates: number;
    webhookDeliveries: number;
    /**
     * Audit rows that named the contact and now name the erasure's hash.
     */
    auditTargets: number;
    /**
     * Merges that named one of the person's keys (identity stitching), removed.
     */
    aliases: number;
    /**
     * The contact's places in accounts' roll-ups (one per model), removed; their accounts' member count and engagement sum drop by the contact's share at once, their published scores at their next change.
     */
    accountMemberships: number;
  };
  /**
   * The archive (ClickHouse) erases the contact when the analytics service consumes the contact.erased event.
   */
  archive: 'pending';
}
