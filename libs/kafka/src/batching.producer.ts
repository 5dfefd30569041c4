import { type Producer } from 'kafkajs';
import { newKafkajsProducer, type KafkaClient, type KafkaRetryOptions } from './kafka-client.factory.js';
import { KafkaClosedError, toKafkaError, type KafkaError } from './kafka-errors.js';
import {
  estimateMessageBytes,
  planRequests,
  takeSendsForFlush,
  type BatchLimits,
  type PlannedRequest,
  type ProducedMessage,
} from './send-batch.planner.js';

export interface BatchingProducerOptions {
  /** How long the first send of a batch waits for others to join it (default 2 ms). */
  readonly lingerMs?: number;
  /** Flush at once when this many messages are waiting; also the per-request cap (default 5000). */
  readonly maxBatchMessages?: number;
  /**
   * Flush at once when this many estimated bytes are waiting; also the per-request cap (default
   * 512 KiB), kept well below the broker's 1 MiB `message.max.bytes`.
   */
  readonly maxBatchBytes?: number;
  /** Milliseconds the broker may wait for all in-sync replicas to acknowledge (default 30000). */
  readonly ackTimeoutMs?: number;
  /** Retry policy of the underlying producer (defaults to the client's). */
  readonly retry?: KafkaRetryOptions;
}

/**
 * An idempotent, acks=all producer that coalesces concurrent `send()` calls into few `sendBatch`
 * requests. Each `send()` resolves only after Kafka acknowledged every one of its messages, and
 * rejects with a {@link KafkaError} (with `retriable`) if any of them was not.
 * Guarded by the `kafka-produce` benchmark (tools/bench).
 */
export interface BatchingProducer {
  connect(): Promise<void>;
  send(topic: string, messages: readonly ProducedMessage[]): Promise<void>;
  /** Stops accepting sends, flushes everything pending, then disconnects. */
  disconnect(): Promise<void>;
}

interface QueuedSend {
  readonly topic: string;
  readonly messages: readonly ProducedMessage[];
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: KafkaError) => void;
  /** Requests of the current flush that still carry messages of this send. */
  openRequests: number;
  settled: boolean;
}

const DEFAULTS = { lingerMs: 2, maxBatchMessages: 5_000, maxBatchBytes: 512 * 1024, ackTimeoutMs: 30_000 };

export function createBatchingProducer(
  client: KafkaClient,
  options: BatchingProducerOptions = {},
): BatchingProducer {
  const lingerMs = options.lingerMs ?? DEFAULTS.lingerMs;
  const limits: BatchLimits = {
    maxMessages: options.maxBatchMessages ?? DEFAULTS.maxBatchMessages,
    maxBytes: options.maxBatchBytes ?? DEFAULTS.maxBatchBytes,
  };
  const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULTS.ackTimeoutMs;
  // Idempotence with one request in flight: no duplicates on retry and no reordering within a partition.
  const newProducer = (): Producer =>
    newKafkajsProducer(client, {
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      ...(options.retry ? { retry: { ...options.retry } } : {}),
    });
  let producer = newProducer();
  /**
   * After a request that was never acknowledged, kafkajs rolls its sequence numbers back although the
   * broker may have written the batch; the next batch would then reuse those numbers and could be
   * dropped by the broker as a "duplicate". A fresh producer id (new kafkajs producer) rules that out;
   * the price is a possible duplicate of the failed batch if its caller retries (consumers dedupe on id).
   */
  let producerIdSuspect = false;
  const { instrumentation, logger } = client;

  async function replaceProducer(): Promise<void> {
    await producer
      .disconnect()
      .catch((error: unknown) => logger.debug('kafka producer disconnect failed', { error: String(error) }));
    producer = newProducer();
    await producer.connect();
    producerIdSuspect = false;
  }

  const queue: QueuedSend[] = [];
  let queuedMessages = 0;
  let queuedBytes = 0;
  let lingerTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let closing = false;

  function settle(send: QueuedSend, error?: KafkaError): void {
    if (send.settled) return;
    send.settled = true;
    if (error) send.reject(error);
    else send.resolve();
  }

  async function sendRequest(request: PlannedRequest<QueuedSend>): Promise<void> {
    const started = performance.now();
    try {
      if (producerIdSuspect) await replaceProducer();
      await producer.sendBatch({
        acks: -1,
        timeout: ackTimeoutMs,
        topicMessages: [...request.topicMessages].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (cause) {
      producerIdSuspect = true;
      const error = toKafkaError(
        cause,
        'produce',
        `Kafka did not acknowledge ${request.messageCount} messages`,
      );
      instrumentation.emit('produceFailed', {
        messages: request.messageCount,
        sends: request.sends.size,
        durationMs: performance.now() - started,
        error,
      });
      throw error;
    }
    instrumentation.emit('batchProduced', {
      messages: request.messageCount,
      sends: request.sends.size,
      bytes: request.bytes,
      durationMs: performance.now() - started,
    });
  }

  async function flushOnce(): Promise<void> {
    const sends = takeSendsForFlush(queue, limits);
    for (const send of sends) {
      queuedMessages -= send.messages.length;
      queuedBytes -= send.bytes;
    }
    const requests = planRequests(sends, limits);
    for (const request of requests) for (const send of request.sends) send.openRequests += 1;
    for (const [index, request] of requests.entries()) {
      try {
        await sendRequest(request);
      } catch (cause) {
        const error = toKafkaError(cause, 'produce');
        // Later requests are not sent: a caller that retries must not find its later messages
        // already in Kafka ahead of the failed ones.
        for (const later of requests.slice(index)) for (const send of later.sends) settle(send, error);
        logger.warn('kafka produce failed', {
          messages: request.messageCount,
          retriable: error.retriable,
          reason: error.reason,
        });
        return;
      }
      for (const send of request.sends) {
        send.openRequests -= 1;
        if (send.openRequests === 0) settle(send);
      }
    }
  }

  function startFlushing(): void {
    if (lingerTimer) {
      clearTimeout(lingerTimer);
      lingerTimer = undefined;
    }
    if (flushing) return;
    flushing = (async () => {
      // Sends that arrive while a request is in flight form the next batch: under load, batches grow
      // by themselves without any extra waiting.
      while (queue.length > 0) await flushOnce();
    })().finally(() => {
      flushing = undefined;
      // A send queued between the loop's last check and here would otherwise wait forever.
      if (queue.length > 0) schedule();
    });
  }

  function schedule(): void {
    if (flushing) return;
    if (queuedMessages >= limits.maxMessages || queuedBytes >= limits.maxBytes || lingerMs <= 0) {
      startFlushing();
    } else {
      lingerTimer ??= setTimeout(startFlushing, lingerMs);
    }
  }

  return {
    async connect() {
      try {
        await producer.connect();
      } catch (error) {
        throw toKafkaError(error, 'connect', 'producer could not connect');
      }
    },

    send(topic, messages) {
      if (closing)
        return Promise.reject(new KafkaClosedError('send() after producer.disconnect()', 'produce'));
      if (messages.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const bytes = messages.reduce((sum, message) => sum + estimateMessageBytes(message), 0);
        queue.push({ topic, messages, bytes, resolve, reject, openRequests: 0, settled: false });
        queuedMessages += messages.length;
        queuedBytes += bytes;
        schedule();
      });
    },

    async disconnect() {
      closing = true;
      while (queue.length > 0 || flushing) {
        if (!flushing) startFlushing();
        await flushing;
      }
      await producer.disconnect();
    },
  };
}
