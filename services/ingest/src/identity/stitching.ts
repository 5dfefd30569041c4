import { createHash } from 'node:crypto';
import { contactSubject, type CanonicalEvent } from '@leadscore/contracts';
import { type AcceptedEvent } from '../batch/event-batch.js';
import { type ContactAliases } from './contact-aliases.js';

const MAX_ID_LENGTH = 256;
const MERGE_ID_PREFIX = 'merge:';

/** The id of the merge an identify asks for: derived from the identify's, so a resend dedupes. */
export function mergeIdOf(identifyId: string): string {
  const id = `${MERGE_ID_PREFIX}${identifyId}`;
  return id.length <= MAX_ID_LENGTH
    ? id
    : `${MERGE_ID_PREFIX}sha256:${createHash('sha256').update(identifyId).digest('hex')}`;
}

function anonymousIdOf(event: CanonicalEvent): string | undefined {
  if (event.type !== 'contact.identified') return undefined;
  const identities = (event.data as { identities?: { anonymous_id?: unknown } }).identities;
  const id = identities?.anonymous_id;
  if (typeof id !== 'string') return undefined;
  const subject = contactSubject('anon', id);
  return subject.ok ? subject.value : undefined;
}

/**
 * Identity at ingest, on the accepted events of one request, in order. An event of a contact that was
 * merged into another is keyed by the survivor (its Kafka partition, and so its order, are the
 * survivor's). An identify that names a known contact and carries the visitor's anonymous id asks for
 * the anonymous contact to be merged into the known one: a `contact.merged` event follows it (unless
 * that merge is already known here); the scorer applies it once.
 */
export function stitchIdentities(
  accepted: readonly AcceptedEvent[],
  aliases: ContactAliases,
): AcceptedEvent[] {
  const stitched: AcceptedEvent[] = [];
  for (const entry of accepted) {
    const survivor = aliases.survivorOf(entry.event.workspace, entry.event.subject);
    const event = survivor === undefined ? entry.event : { ...entry.event, subject: survivor };
    stitched.push(
      survivor === undefined ? entry : { index: entry.index, event, value: JSON.stringify(event) },
    );
    const anonymous = anonymousIdOf(event);
    if (
      anonymous === undefined ||
      anonymous === event.subject ||
      aliases.survivorOf(event.workspace, anonymous) === event.subject
    )
      continue;
    const merge: CanonicalEvent = {
      specversion: event.specversion,
      id: mergeIdOf(event.id),
      source: event.source,
      type: 'contact.merged',
      time: event.time,
      subject: event.subject,
      workspace: event.workspace,
      data: { merged_subject: anonymous },
    };
    stitched.push({ index: entry.index, event: merge, value: JSON.stringify(merge) });
  }
  return stitched;
}
