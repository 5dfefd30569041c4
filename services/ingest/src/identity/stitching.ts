import { createHash } from 'node:crypto';
import { contactSubject, normalizeEmail, type CanonicalEvent } from '@leadscore/contracts';
import { type AcceptedEvent } from '../batch/event-batch.js';
import { type ContactAliases } from './contact-aliases.js';

const MAX_ID_LENGTH = 256;

/** The id of an event ingest derives from another (`merge:`, `identify:`): the same one for a resend. */
function derivedIdOf(prefix: string, id: string): string {
  const derived = `${prefix}:${id}`;
  return derived.length <= MAX_ID_LENGTH
    ? derived
    : `${prefix}:sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/** The id of the merge an identify asks for. */
export const mergeIdOf = (identifyId: string): string => derivedIdOf('merge', identifyId);

function anonymousIdOf(event: CanonicalEvent): string | undefined {
  if (event.type !== 'contact.identified') return undefined;
  const identities = (event.data as { identities?: { anonymous_id?: unknown } }).identities;
  const id = identities?.anonymous_id;
  if (typeof id !== 'string') return undefined;
  const subject = contactSubject('anon', id);
  return subject.ok ? subject.value : undefined;
}

/**
 * An anonymous visitor's form submission that names an email (a field whose name says email) tells who
 * the visitor is: the identify it stands for, keyed by that email, with the submitted fields as traits
 * (for a publishable key, only the workspace's `trackingFormFields`, already filtered).
 */
function identifyOfForm(event: CanonicalEvent): CanonicalEvent | undefined {
  if (event.type !== 'web.form_submitted' || !event.subject.startsWith('anon:')) return undefined;
  const fields = (event.data as { fields?: Record<string, string | number | boolean | null> }).fields;
  if (!fields) return undefined;
  for (const [name, value] of Object.entries(fields)) {
    if (!/e-?mail/i.test(name) || typeof value !== 'string') continue;
    const email = normalizeEmail(value);
    if (!email.ok) continue;
    return {
      specversion: event.specversion,
      id: derivedIdOf('identify', event.id),
      source: event.source,
      type: 'contact.identified',
      time: event.time,
      subject: `email:${email.value}`,
      workspace: event.workspace,
      data: {
        identities: { email: email.value, anonymous_id: event.subject.slice('anon:'.length) },
        traits: { ...fields },
      },
    };
  }
  return undefined;
}

const acceptedOf = (index: number, event: CanonicalEvent): AcceptedEvent => ({
  index,
  event,
  value: JSON.stringify(event),
});

/**
 * Identity at ingest, on the accepted events of one request, in order. An event of a contact that was
 * merged into another is keyed by the survivor (its Kafka partition, and so its order, are the
 * survivor's). An identify that names a known contact and carries the visitor's anonymous id asks for
 * the anonymous contact to be merged into the known one: a `contact.merged` event follows it (unless
 * that merge is already known here); the scorer applies it once. An anonymous visitor's form that
 * names an email is such an identify too (`identifyOfForm`), sent after the submission.
 */
export function stitchIdentities(
  accepted: readonly AcceptedEvent[],
  aliases: ContactAliases,
): AcceptedEvent[] {
  const stitched: AcceptedEvent[] = [];
  const add = (entry: AcceptedEvent): void => {
    stitched.push(entry);
    const { event } = entry;
    const anonymous = anonymousIdOf(event);
    if (
      anonymous !== undefined &&
      anonymous !== event.subject &&
      aliases.survivorOf(event.workspace, anonymous) !== event.subject
    )
      stitched.push(
        acceptedOf(entry.index, {
          specversion: event.specversion,
          id: mergeIdOf(event.id),
          source: event.source,
          type: 'contact.merged',
          time: event.time,
          subject: event.subject,
          workspace: event.workspace,
          data: { merged_subject: anonymous },
        }),
      );
    const identify = identifyOfForm(event);
    if (identify) add(resolved(acceptedOf(entry.index, identify)));
  };
  const resolved = (entry: AcceptedEvent): AcceptedEvent => {
    const survivor = aliases.survivorOf(entry.event.workspace, entry.event.subject);
    return survivor === undefined ? entry : acceptedOf(entry.index, { ...entry.event, subject: survivor });
  };
  for (const entry of accepted) add(resolved(entry));
  return stitched;
}
