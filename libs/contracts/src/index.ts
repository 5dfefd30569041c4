export {
  Topics,
  TOPIC_DECLARATIONS,
  Headers,
  contactKey,
  type TopicName,
  type TopicDeclaration,
} from './topics.js';
