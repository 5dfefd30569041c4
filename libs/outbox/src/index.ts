export { OutboxPublisher } from './outbox.publisher.js';
