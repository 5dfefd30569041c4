import type { CloudEventEnvelope } from '../generated/cloudevent.js';
import { cloudeventSchema } from '../generated/cloudevent.schema.js';
import type { ContactEventDataByType } from '../generated/contact.js';
import type { CustomEventData } from '../generated/custom.js';
import type { EmailEventDataByType } from '../generated/email.js';
import type { OutcomeEventDataByType } from '../generated/outcome.js';
import { outcomeSchema } from '../generated/outcome.schema.js';
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
  ContactEventDataByType &
  OutcomeEventDataByType;

export type CanonicalEventType = keyof CanonicalEventDataByType;

/** A canonical event of one type: the CloudEvents envelope with `type` and `data` tied together. */
export type CanonicalEventOf<T extends CanonicalEventType> = Omit<CloudEventEnvelope, 'type' | 'data'> & {
  type: T;
  data: CanonicalEventDataByType[T];
};

/** An outcome event type: what sales and the business did with a contact (outcome.schema.json). */
export type OutcomeEventType = keyof OutcomeEventDataByType;

/** Every outcome event type, in schema order (`outcome.sales_accepted`, ..., `outcome.lost`). */
export const OUTCOME_EVENT_TYPES = Object.keys(
  outcomeSchema['properties'] as Record<string, unknown>,
) as readonly OutcomeEventType[];

const outcomeTypes: ReadonlySet<string> = new Set(OUTCOME_EVENT_TYPES);

/** Whether a type is an outcome: the api records them, ingest refuses them, scoring models cannot name them. */
export function isOutcomeEventType(type: string): type is OutcomeEventType {
  return outcomeTypes.has(type);
}

/** The prefix of custom event types: `custom.<the team's own event name, verbatim>`. */
export const CUSTOM_EVENT_TYPE_PREFIX = 'custom.';

/**
 * A custom event type, e.g. `custom.Demo Requested`. The rules for the name (1–200 characters, no
 * control characters, no white space at either end) live in the envelope schema's `type` pattern.
 */
export type CustomEventType = `custom.${string}`;

/** A custom event: a team's own event name, its properties as `data` (custom.schema.json). */
export type CustomEvent = Omit<CloudEventEnvelope, 'type' | 'data'> & {
  type: CustomEventType;
  data: CustomEventData;
};

/** Any event of leads.events.v1: a canonical type or a custom event; narrow on `type` to get its data. */
export type CanonicalEvent =
  { [T in CanonicalEventType]: CanonicalEventOf<T> }[CanonicalEventType] | CustomEvent;

/** Whether a type is in the custom namespace (`custom.…`); the validator checks the name itself. */
export function isCustomEventType(type: string): type is CustomEventType {
  return type.startsWith(CUSTOM_EVENT_TYPE_PREFIX);
}

/** The envelope's `type` pattern (cloudevent.schema.json): canonical `<family>.<event>` or `custom.<name>`. */
const EVENT_TYPE_PATTERN = new RegExp(
  (cloudeventSchema['properties'] as { type: { pattern: string } }).type.pattern,
  'u',
);

/**
 * Whether `custom.<name>` is a custom event type the envelope accepts (1–200 characters after the
 * prefix, no control characters, no white space at either end): for mappers that build one from a
 * name they were sent (Segment `track`), so they can name the field that is wrong.
 */
export function isWellFormedCustomEventType(type: string): type is CustomEventType {
  return isCustomEventType(type) && EVENT_TYPE_PATTERN.test(type);
}

/** Narrows an event to a custom event. */
export function isCustomEvent(event: CanonicalEvent): event is CustomEvent {
  return isCustomEventType(event.type);
}

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
