import { Headers, eventKey, type CanonicalEvent } from '@leadscore/contracts';
import type { ApiContext } from '../app/api.context.js';

/** CloudEvents `source` of the events the api publishes: consumers dedupe on workspace + source + id. */
export const API_EVENT_SOURCE = 'leadscore/api';
/** How long a route waits for Kafka's ack before answering 503 (the producer retries meanwhile). */
export const PUBLISH_TIMEOUT_MS = 10_000;
export const PUBLISH_RETRY_AFTER_SECONDS = 5;

/**
 * Publishes one event on leads.events.v1, keyed like every event of its contact; resolves once Kafka
 * acknowledged it and rejects after PUBLISH_TIMEOUT_MS without an ack (the caller answers 503 and rolls
 * back what it recorded with it).
 */
export async function publishEvent(context: ApiContext, event: CanonicalEvent): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no Kafka ack within ${PUBLISH_TIMEOUT_MS} ms`)),
      PUBLISH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([
      context.producer.send(context.topics.events, [
        {
          key: eventKey(event),
          value: JSON.stringify(event),
          headers: {
            [Headers.contentType]: 'application/cloudevents+json; charset=utf-8',
            [Headers.eventType]: event.type,
            [Headers.eventId]: event.id,
          },
        },
      ]),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
