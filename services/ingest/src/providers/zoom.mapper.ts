import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '@leadscore/contracts';
import { isPlainObject } from '../http/request-body.js';
import {
  compact,
  ignoredEvent,
  oneEvent,
  str,
  subjectFor,
  type Candidate,
  type IgnoreReasons,
  type ProviderMapping,
} from './provider-mapping.js';

export const ZOOM_SOURCE = '/v1/webhooks/zoom';

const TYPES: Readonly<Record<string, { type: string; person: 'registrant' | 'participant' }>> = {
  'webinar.registration_created': { type: 'webinar.registered', person: 'registrant' },
  'webinar.participant_joined': { type: 'webinar.attended', person: 'participant' },
  'webinar.participant_left': { type: 'webinar.left', person: 'participant' },
};

const ABOUT_THE_WEBINAR = (event: string) => (): string =>
  `Zoom "${event}": about the webinar, not a contact`;

/**
 * Zoom webinar events that are no lead event, and why (README: provider table); any other Zoom event
 * is ignored as `other`. Each is listed in the response and counted in
 * `leadscore_ingest_ignored_events_total{provider="zoom",kind}`.
 */
const IGNORED: IgnoreReasons<undefined> = {
  'webinar.created': ABOUT_THE_WEBINAR('webinar.created'),
  'webinar.updated': ABOUT_THE_WEBINAR('webinar.updated'),
  'webinar.deleted': ABOUT_THE_WEBINAR('webinar.deleted'),
  'webinar.started': ABOUT_THE_WEBINAR('webinar.started'),
  'webinar.ended': ABOUT_THE_WEBINAR('webinar.ended'),
  'webinar.registration_approved': () =>
    'Zoom "webinar.registration_approved": the host approved a registration already mapped to webinar.registered when it was created',
  'webinar.registration_denied': () =>
    'Zoom "webinar.registration_denied": a denied registration cannot undo webinar.registered yet, as leadscore has no event for it',
  'webinar.registration_cancelled': () =>
    'Zoom "webinar.registration_cancelled": a cancelled registration cannot undo webinar.registered yet, as leadscore has no event for it',
};

/**
 * The registration form's profile answers, as the contact traits fit rules match on (the names the
 * example models use: `jobTitle`, `purchaseTimeframe`, `state`, ...). Zoom sends "" for questions
 * the form did not ask; those are left out.
 */
const PROFILE_TRAITS: readonly (readonly [trait: string, registrantField: string])[] = [
  ['company', 'org'],
  ['jobTitle', 'job_title'],
  ['industry', 'industry'],
  ['employees', 'no_of_employees'],
  ['purchaseTimeframe', 'purchasing_time_frame'],
  ['roleInPurchaseProcess', 'role_in_purchase_process'],
  ['phone', 'phone'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['country', 'country'],
];

function profileTraits(registrant: Record<string, unknown>): Record<string, string> | undefined {
  const traits: Record<string, string> = {};
  for (const [trait, field] of PROFILE_TRAITS) {
    const value = str(registrant[field])?.trim();
    if (value) traits[trait] = value;
  }
  return Object.keys(traits).length > 0 ? traits : undefined;
}

/**
 * Zoom webinar events → webinar.*; the contact is the registrant's or participant's email. A
 * registration also carries the registrant's profile (organisation, job title, industry, company
 * size, purchase timeframe...): it becomes a `contact.updated` next to the `webinar.registered`, with
 * the registration's id + `:profile` (a redelivery dedupes like the registration).
 */
export function mapZoomEvent(body: Record<string, unknown>, rules: IdentityRules): ProviderMapping {
  const event = str(body['event']) ?? '';
  const mapping = Object.hasOwn(TYPES, event) ? TYPES[event] : undefined;
  if (!mapping)
    return { candidates: [], positions: [], ignored: [ignoredEvent('Zoom', event, IGNORED, undefined, 0)] };
  const payload = isPlainObject(body['payload']) ? body['payload'] : {};
  const object = isPlainObject(payload['object']) ? payload['object'] : {};
  const person = isPlainObject(object[mapping.person])
    ? (object[mapping.person] as Record<string, unknown>)
    : {};
  const webinarId = str(object['id']);
  const personId =
    str(person['participant_uuid']) ?? str(person['id']) ?? str(person['user_id']) ?? str(person['email']);
  const eventTs = str(body['event_ts']);
  const id = webinarId && personId && eventTs ? `${event}:${webinarId}:${personId}:${eventTs}` : undefined;
  if (!id) {
    return oneEvent(
      new MappingFailure([
        { field: 'payload.object', expected: `a webinar id, a ${mapping.person} and event_ts` },
      ]),
    );
  }
  const subject = subjectFor('email', person['email'], `payload.object.${mapping.person}.email`, rules, id);
  if (subject instanceof MappingFailure) return oneEvent(subject);
  const time = typeof body['event_ts'] === 'number' ? new Date(body['event_ts']).toISOString() : undefined;
  const data = compact({
    webinar_id: webinarId,
    topic: str(object['topic']),
    provider: 'zoom',
    participant_id: personId,
    starts_at: mapping.type === 'webinar.registered' ? str(object['start_time']) : undefined,
    joined_at: mapping.type === 'webinar.attended' ? str(person['join_time']) : undefined,
    left_at: mapping.type === 'webinar.left' ? str(person['leave_time']) : undefined,
  });
  const candidates: Candidate[] = [
    compact({ id, source: ZOOM_SOURCE, subject, type: mapping.type, time, data }),
  ];
  const traits = mapping.type === 'webinar.registered' ? profileTraits(person) : undefined;
  if (traits)
    candidates.push(
      compact({
        id: `${id}:profile`,
        source: ZOOM_SOURCE,
        subject,
        type: 'contact.updated',
        time,
        data: { traits },
      }),
    );
  return oneEvent(...candidates);
}
