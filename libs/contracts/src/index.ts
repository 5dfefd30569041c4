export {
  Topics,
  TOPIC_DECLARATIONS,
  Headers,
  contactKey,
  type TopicName,
  type TopicDeclaration,
} from './topics.js';
export {
  CLOUDEVENTS_SPEC_VERSION,
  eventKey,
  eventFamily,
  type CanonicalEvent,
  type CanonicalEventOf,
  type CanonicalEventType,
  type CanonicalEventDataByType,
} from './events/canonical-event.js';
export {
  createEventValidator,
  type EventValidator,
  type EventValidation,
  type EventValidationIssue,
} from './events/event-validator.js';
export { EVENT_SCHEMAS, familyEventTypes, type EventSchemaDocuments } from './events/event-schemas.js';
