import { MappingFailure } from '../batch/event-batch.js';
import type { IdentityRules } from '../identity/contact-identity.js';
import { isPlainObject } from '../http/request-body.js';
import { compact, str, subjectFor, type ProviderMapping } from './provider-mapping.js';

export const ZOOM_SOURCE = '/v1/webhooks/zoom';

const TYPES: Readonly<Record<string, { type: string; person: 'registrant' | 'participant' }>> = {
  'webinar.registration_created': { type: 'webinar.registered', person: 'registrant' },
  'webinar.participant_joined': { type: 'webinar.attended', person: 'participant' },
  'webinar.participant_left': { type: 'webinar.left', person: 'participant' },
};

/** Zoom webinar events → webinar.*; the contact is the registrant's or participant's email. */
export function mapZoomEvent(body: Record<string, unknown>, rules: IdentityRules): ProviderMapping {
  const event = str(body['event']) ?? '';
  const mapping = TYPES[event];
  if (!mapping) return { candidates: [], ignored: 1 };
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
    return {
      candidates: [
        new MappingFailure([
          { field: 'payload.object', expected: `a webinar id, a ${mapping.person} and event_ts` },
        ]),
      ],
      ignored: 0,
    };
  }
  const subject = subjectFor('email', person['email'], `payload.object.${mapping.person}.email`, rules, id);
  if (subject instanceof MappingFailure) return { candidates: [subject], ignored: 0 };
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
  return {
    candidates: [compact({ id, source: ZOOM_SOURCE, subject, type: mapping.type, time, data })],
    ignored: 0,
  };
}
