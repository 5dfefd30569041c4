import type { IngestConfig } from '@leadscore/config';
import { Topics } from '@leadscore/contracts';

/**
 * Events per second per workspace, in this process (ingest instances behind a load balancer each hold
 * their own share): a token bucket of libs/service-kit.
 */
export interface RateLimit {
  readonly eventsPerSecond: number;
  readonly burst: number;
}

/** Everything the ingest app needs besides its collaborators; built from IngestConfig in main.ts, by hand in tests. */
export interface IngestSettings {
  /** Kafka topic of accepted events: `Topics.events`; tests use a unique one. */
  readonly eventsTopic: string;
  /** Kafka topic of rejected events with the reason in headers: `Topics.eventsDeadLetter`; tests use a unique one. */
  readonly deadLetterTopic: string;
  readonly pixelSecret: string;
  readonly bodyLimitBytes: number;
  readonly maxBatchEvents: number;
  readonly maxEventBytes: number;
  readonly rateLimit: RateLimit;
  readonly produceTimeoutMs: number;
  /**
   * Answered pixel opens that may wait for their Kafka ack at once; beyond that a pixel request waits
   * for its own ack, so a slow or stopped broker pushes back on clients instead of filling memory.
   */
  readonly maxDetachedSends: number;
  readonly signatureToleranceSeconds: number;
  /** Public base URL providers call (Twilio signs it); undefined = scheme and Host of the request. */
  readonly publicUrl: string | undefined;
}

export const INGEST_SETTINGS = Symbol('INGEST_SETTINGS');

/** ~1 KB each: at most about 10 MB of opens held while Kafka is slow. */
export const DEFAULT_MAX_DETACHED_SENDS = 10_000;

export function settingsFromConfig(config: IngestConfig): IngestSettings {
  return {
    eventsTopic: Topics.events,
    deadLetterTopic: Topics.eventsDeadLetter,
    pixelSecret: config.INGEST_PIXEL_SECRET,
    bodyLimitBytes: config.INGEST_BODY_LIMIT_BYTES,
    maxBatchEvents: config.INGEST_MAX_BATCH_EVENTS,
    maxEventBytes: config.INGEST_MAX_EVENT_BYTES,
    rateLimit: {
      eventsPerSecond: config.INGEST_RATE_LIMIT_EVENTS_PER_SECOND,
      burst: config.INGEST_RATE_LIMIT_BURST,
    },
    produceTimeoutMs: config.INGEST_PRODUCE_TIMEOUT_MS,
    maxDetachedSends: DEFAULT_MAX_DETACHED_SENDS,
    signatureToleranceSeconds: config.INGEST_SIGNATURE_TOLERANCE_SECONDS,
    publicUrl: config.INGEST_PUBLIC_URL,
  };
}
