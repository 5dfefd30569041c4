import { Inject, Injectable } from '@nestjs/common';
import { Headers as KafkaHeaders, eventKey } from '@leadscore/contracts';
import { KafkaError, type BatchingProducer, type ProducedMessage } from '@leadscore/kafka';
import { IngestMetrics, registerMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import { Registry } from 'prom-client';
import type { DeadLetter } from '../batch/dead-letter.js';
import type { AcceptedEvent } from '../batch/event-batch.js';
import { fail } from '../http/problem-details.js';
import type { IngestChannel } from './ingest-channel.js';
import { INGEST_SETTINGS, type IngestSettings } from './ingest.settings.js';
import { BATCHING_PRODUCER, INGEST_LOGGER } from './ingest.tokens.js';

const RETRY_AFTER_SECONDS = 5;

function toMessages(events: readonly AcceptedEvent[]): ProducedMessage[] {
  return events.map(({ event, value }) => ({
    key: eventKey(event),
    value,
    headers: {
      [KafkaHeaders.contentType]: 'application/cloudevents+json; charset=utf-8',
      [KafkaHeaders.eventType]: event.type,
      [KafkaHeaders.eventId]: event.id,
    },
  }));
}

/**
 * Puts accepted events on the events topic through the batching producer, which coalesces
 * concurrent requests into few acks=-1 produce calls (benchmark: tools/bench/src/ingest.bench.ts).
 * `publish` resolves only once Kafka acknowledged every event, otherwise throws a 503 problem with
 * Retry-After; `publishDetached` does not make its caller wait (see there).
 */
@Injectable()
export class EventPublisher {
  private readonly metrics: MetricsOf<typeof IngestMetrics>;
  private readonly pending = new Set<Promise<void>>();
  private eventsAwaitingAck = 0;

  constructor(
    @Inject(BATCHING_PRODUCER) private readonly producer: BatchingProducer,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(INGEST_LOGGER) private readonly logger: Logger,
    registry: Registry,
  ) {
    this.metrics = registerMetrics(registry, IngestMetrics);
  }

  async publish(events: readonly AcceptedEvent[]): Promise<void> {
    if (events.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no Kafka ack within ${this.settings.produceTimeoutMs} ms`)),
        this.settings.produceTimeoutMs,
      );
    });
    try {
      await Promise.race([this.producer.send(this.settings.eventsTopic, toMessages(events)), timeout]);
    } catch (error) {
      this.logger.error(
        {
          err: error,
          events: events.length,
          firstEventId: events[0]?.event.id,
          workspace: events[0]?.event.workspace,
        },
        'events not acknowledged by Kafka; answering 503',
      );
      fail(
        'kafka-unavailable',
        `Kafka did not acknowledge the events (${describe(error)}); none of this request's events count as accepted. Retry after ${RETRY_AFTER_SECONDS} s with the same event ids.`,
        {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Hands events to the producer without making the caller wait for the ack: for the pixel, whose
   * answer (the GIF) is the same whatever Kafka says, so waiting would only hold the connection.
   * Nothing is lost silently: acknowledged events count as accepted; events Kafka did not take
   * (after the producer's own retries) count in `leadscore_ingest_unacknowledged_events_total` and
   * are logged at error level with their ids. `drain()` waits for every outcome at shutdown.
   * Returns nothing, unless `settings.maxDetachedSends` are already waiting: then the promise of this
   * send's outcome, for the caller to wait on (it never rejects).
   */
  publishDetached(events: readonly AcceptedEvent[], channel: IngestChannel): Promise<void> | undefined {
    if (events.length === 0) return undefined;
    const tracked = this.detach(
      this.settings.eventsTopic,
      toMessages(events),
      () => this.metrics.receivedEvents.inc({ source: channel, result: 'accepted' }, events.length),
      (error) => {
        this.metrics.unacknowledgedEvents.inc({ source: channel, topic: 'events' }, events.length);
        this.logger.error(
          {
            err: error,
            channel,
            eventIds: events.map((e) => e.event.id),
            workspace: events[0]?.event.workspace,
          },
          `events already answered were not acknowledged by Kafka (${describe(error)})`,
        );
      },
    );
    return this.pending.size > this.settings.maxDetachedSends ? tracked : undefined;
  }

  /**
   * Copies rejected inputs to the dead-letter topic (reason in the `leadscore-dlq-reason` header),
   * detached like the pixel: the caller's answer already names every rejection, so it does not wait.
   * Written copies count in `leadscore_ingest_dead_lettered_events_total{reason}`, failed ones in
   * `leadscore_ingest_unacknowledged_events_total{topic="dead_letter"}` and the error log.
   */
  deadLetter(letters: readonly DeadLetter[], workspace: string, channel: IngestChannel): void {
    if (letters.length === 0) return;
    const messages = letters.map((letter) => ({
      key: workspace,
      value: letter.value,
      headers: {
        [KafkaHeaders.contentType]: 'application/json; charset=utf-8',
        [KafkaHeaders.deadLetterReason]: letter.detail,
        ...(letter.id === undefined ? {} : { [KafkaHeaders.eventId]: letter.id }),
        ...(letter.type === undefined ? {} : { [KafkaHeaders.eventType]: letter.type }),
      },
    }));
    void this.detach(
      this.settings.deadLetterTopic,
      messages,
      () => {
        for (const letter of letters) this.metrics.deadLetteredEvents.inc({ reason: letter.reason });
      },
      (error) => {
        this.metrics.unacknowledgedEvents.inc({ source: channel, topic: 'dead_letter' }, letters.length);
        this.logger.error(
          {
            err: error,
            channel,
            workspace,
            eventIds: letters.map((l) => l.id ?? `#${l.index}`),
            reasons: letters.map((l) => l.detail),
          },
          `rejected events could not be written to the dead-letter topic (${describe(error)})`,
        );
      },
    );
  }

  /** Sends, tracks the outcome until it is counted (and logged), and returns the tracked promise (never rejects). */
  private detach(
    topic: string,
    messages: readonly ProducedMessage[],
    onAcknowledged: () => void,
    onFailed: (error: unknown) => void,
  ): Promise<void> {
    const count = messages.length;
    const forget = (): void => {
      this.pending.delete(tracked);
      this.eventsAwaitingAck -= count;
      this.metrics.eventsAwaitingAck.set(this.eventsAwaitingAck);
    };
    // One reaction per outcome (not then + finally): one promise less per pixel open.
    const tracked: Promise<void> = this.producer.send(topic, messages).then(
      () => {
        try {
          onAcknowledged();
        } finally {
          forget();
        }
      },
      (error: unknown) => {
        try {
          onFailed(error);
        } finally {
          forget();
        }
      },
    );
    this.pending.add(tracked);
    this.eventsAwaitingAck += count;
    this.metrics.eventsAwaitingAck.set(this.eventsAwaitingAck);
    return tracked;
  }

  /** Detached sends still waiting for their outcome. */
  pendingDetached(): number {
    return this.pending.size;
  }

  /** Resolves once every detached send has its outcome (counted and, if failed, logged). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

function describe(error: unknown): string {
  if (error instanceof KafkaError) return `${error.reason}${error.retriable ? '' : ' (not retriable)'}`;
  return error instanceof Error ? error.message : String(error);
}
