import type { IngestConfig } from '@leadscore/config';
import { Topics } from '@leadscore/contracts';
import type { RateLimit } from '../auth/workspace-rate-limiter.js';

/** Everything the ingest app needs besides its collaborators; built from IngestConfig in main.ts, by hand in tests. */
export interface IngestSettings {
  /** Kafka topic of accepted events: `Topics.events`; tests use a unique one. */
  readonly eventsTopic: string;
  readonly pixelSecret: string;
  readonly bodyLimitBytes: number;
  readonly maxBatchEvents: number;
  readonly maxEventBytes: number;
  readonly rateLimit: RateLimit;
  readonly produceTimeoutMs: number;
  readonly signatureToleranceSeconds: number;
  /** Public base URL providers call (Twilio signs it); undefined = scheme and Host of the request. */
  readonly publicUrl: string | undefined;
}

export const INGEST_SETTINGS = Symbol('INGEST_SETTINGS');

export function settingsFromConfig(config: IngestConfig): IngestSettings {
  return {
    eventsTopic: Topics.events,
    pixelSecret: config.INGEST_PIXEL_SECRET,
    bodyLimitBytes: config.INGEST_BODY_LIMIT_BYTES,
    maxBatchEvents: config.INGEST_MAX_BATCH_EVENTS,
    maxEventBytes: config.INGEST_MAX_EVENT_BYTES,
    rateLimit: { eventsPerSecond: config.INGEST_RATE_LIMIT_EVENTS_PER_SECOND, burst: config.INGEST_RATE_LIMIT_BURST },
    produceTimeoutMs: config.INGEST_PRODUCE_TIMEOUT_MS,
    signatureToleranceSeconds: config.INGEST_SIGNATURE_TOLERANCE_SECONDS,
    publicUrl: config.INGEST_PUBLIC_URL,
  };
}
