import { Inject, Injectable } from '@nestjs/common';
import { Headers as KafkaHeaders, eventKey } from '@leadscore/contracts';
import { KafkaError, type BatchingProducer } from '@leadscore/kafka';
import type { Logger } from '@leadscore/observability';
import type { AcceptedEvent } from '../batch/event-batch.js';
import { fail } from '../http/problem-details.js';
import { INGEST_SETTINGS, type IngestSettings } from './ingest.settings.js';
import { BATCHING_PRODUCER, INGEST_LOGGER } from './ingest.tokens.js';

const RETRY_AFTER_SECONDS = 5;

/**
 * Puts accepted events on the events topic through the batching producer, which coalesces
 * concurrent requests into few acks=-1 produce calls (benchmark: tools/bench/src/ingest.ts). Resolves
 * only once Kafka acknowledged every event; otherwise throws a 503 problem with Retry-After.
 */
@Injectable()
export class EventPublisher {
  constructor(
    @Inject(BATCHING_PRODUCER) private readonly producer: BatchingProducer,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(INGEST_LOGGER) private readonly logger: Logger,
  ) {}

  async publish(events: readonly AcceptedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const messages = events.map(({ event, value }) => ({
      key: eventKey(event),
      value,
      headers: {
        [KafkaHeaders.contentType]: 'application/cloudevents+json; charset=utf-8',
        [KafkaHeaders.eventType]: event.type,
        [KafkaHeaders.eventId]: event.id,
      },
    }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no Kafka ack within ${this.settings.produceTimeoutMs} ms`)), this.settings.produceTimeoutMs);
    });
    try {
      await Promise.race([this.producer.send(this.settings.eventsTopic, messages), timeout]);
    } catch (error) {
      const reason = error instanceof KafkaError ? `${error.reason}${error.retriable ? '' : ' (not retriable)'}` : error instanceof Error ? error.message : String(error);
      this.logger.error(
        { err: error, events: events.length, firstEventId: events[0]?.event.id, workspace: events[0]?.event.workspace },
        'events not acknowledged by Kafka; answering 503',
      );
      fail('kafka-unavailable', `Kafka did not acknowledge the events (${reason}); none of this request's events count as accepted. Retry after ${RETRY_AFTER_SECONDS} s with the same event ids.`, {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
