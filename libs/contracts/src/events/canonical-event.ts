import type { CloudEventEnvelope } from '../generated/cloudevent.js';
import type { ContactEventDataByType } from '../generated/contact.js';
import type { EmailEventDataByType } from '../generated/email.js';
import type { SmsEventDataByType } from '../generated/sms.js';
import type { WebEventDataByType } from '../generated/web.js';
import type { WebinarEventDataByType } from '../generated/webinar.js';
import { contactKey } from '../topics.js';

/**
 * Composition of the types generated from schemas/events (never a second copy of them): the data
 * payload of every canonical event type, keyed by type.
 */
export type CanonicalEventDataByType = EmailEventDataByType &
  SmsEventDataByType &
  WebEventDataByType &
  WebinarEventDataByType &
  ContactEventDataByType;

export type CanonicalEventType = keyof CanonicalEventDataByType;

/** A canonical event of one type: the CloudEvents envelope with `type` and `data` tied together. */
export type CanonicalEventOf<T extends CanonicalEventType> = Omit<CloudEventEnvelope, 'type' | 'data'> & {
  type: T;
  data: CanonicalEventDataByType[T];
};

/** Any canonical event; narrow on `type` to get its data. */
export type CanonicalEvent = { [T in CanonicalEventType]: CanonicalEventOf<T> }[CanonicalEventType];

export const CLOUDEVENTS_SPEC_VERSION = '1.0';

/** The Kafka message key of an event: `workspace:subject` (per-contact ordering). */
export function eventKey(event: Pick<CloudEventEnvelope, 'workspace' | 'subject'>): string {
  return contactKey(event.workspace, event.subject);
}

/** The family of an event type, e.g. `email` for `email.opened`. */
export function eventFamily(type: string): string {
  const dot = type.indexOf('.');
  return dot < 0 ? type : type.slice(0, dot);
}
