import { type KafkaError } from './kafka-errors.js';
import { type KafkaLogger } from './kafka.logger.js';

/**
 * The closed catalog of events this library reports. libs/observability turns them into Prometheus
 * metrics; tests use them to observe behaviour (e.g. that sends were coalesced). Adding an event means
 * adding it here, so every subscriber sees the full list in one place.
 */
export interface KafkaInstrumentationEvents {
  /** One `sendBatch` request that Kafka acknowledged. */
  batchProduced: {
    readonly messages: number;
    /** How many `send()` calls this request carried (coalescing factor). */
    readonly sends: number;
    readonly bytes: number;
    readonly durationMs: number;
  };
  /** One `sendBatch` request that failed; every caller in it was rejected with `error`. */
  produceFailed: {
    readonly messages: number;
    readonly sends: number;
    readonly durationMs: number;
    readonly error: KafkaError;
  };
  /** One batch the handler durably handled. */
  batchConsumed: {
    readonly groupId: string;
    readonly topic: string;
    readonly partition: number;
    readonly messages: number;
    readonly firstOffset: string;
    readonly lastOffset: string;
    readonly durationMs: number;
  };
  /** Messages behind the end of the partition after a batch: high watermark − next offset. */
  consumerLag: {
    readonly groupId: string;
    readonly topic: string;
    readonly partition: number;
    readonly lag: number;
  };
  /** The consumer joined (or re-joined) its group with this assignment. */
  groupJoined: {
    readonly groupId: string;
    readonly memberId: string;
    readonly assignment: Readonly<Record<string, readonly number[]>>;
  };
  /** A partition was positioned at an externally stored offset after a group join. */
  partitionSought: {
    readonly groupId: string;
    readonly topic: string;
    readonly partition: number;
    readonly offset: string;
  };
}

export type KafkaInstrumentationEventName = keyof KafkaInstrumentationEvents;

type HookName<E extends string> = `on${Capitalize<E>}`;

/** Subscriber hooks: `onBatchProduced`, `onBatchConsumed`, `onConsumerLag`, ... all optional. */
export type KafkaInstrumentationHooks = {
  readonly [E in KafkaInstrumentationEventName as HookName<E>]?: (
    event: KafkaInstrumentationEvents[E],
  ) => void;
};

/** Fan-out of instrumentation events to subscribers; a throwing subscriber is logged, never fatal. */
export class KafkaInstrumentation {
  private readonly subscribers = new Set<KafkaInstrumentationHooks>();

  constructor(private readonly logger: KafkaLogger) {}

  /** Registers hooks; returns the function that removes them again. */
  subscribe(hooks: KafkaInstrumentationHooks): () => void {
    this.subscribers.add(hooks);
    return () => {
      this.subscribers.delete(hooks);
    };
  }

  emit<E extends KafkaInstrumentationEventName>(event: E, payload: KafkaInstrumentationEvents[E]): void {
    const hookName = `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as HookName<E>;
    for (const subscriber of this.subscribers) {
      const hook = subscriber[hookName] as ((payload: KafkaInstrumentationEvents[E]) => void) | undefined;
      if (!hook) continue;
      try {
        hook(payload);
      } catch (error) {
        this.logger.error('kafka instrumentation subscriber threw', { event, error: String(error) });
      }
    }
  }
}
