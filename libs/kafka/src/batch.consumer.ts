import { type Consumer, type EachBatchPayload } from 'kafkajs';
import { toConsumedBatch, lagAfter, type ConsumedBatch } from './consumed-batch.mapper.js';
import { kafkajsOf, type KafkaClient, type KafkaRetryOptions } from './kafka-client.factory.js';
import { toKafkaError, type KafkaError } from './kafka-errors.js';
import { PartitionSeekGate, type StoredOffsetsLookup } from './partition-seek.gate.js';

/** Returns once the batch is durably handled (e.g. its PostgreSQL transaction committed). Throwing redelivers it. */
export type BatchHandler = (batch: ConsumedBatch) => Promise<void>;

export interface BatchConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: BatchHandler;
  /**
   * Commit each handled batch's offset to Kafka (default false). Leave it off when the handler stores
   * offsets with its results and `onPartitionsAssigned` returns them.
   */
  readonly commitOffsets?: boolean;
  /** Seek-on-join: looks up externally stored offsets for every assignment before any batch of it. */
  readonly onPartitionsAssigned?: StoredOffsetsLookup;
  /** Where a partition without any stored or committed offset starts (default true: the beginning). */
  readonly fromBeginning?: boolean;
  /** Batches of different partitions handled at the same time (default 1). */
  readonly partitionsConsumedConcurrently?: number;
  readonly sessionTimeoutMs?: number;
  readonly rebalanceTimeoutMs?: number;
  /** Also the period of heartbeats sent while a long batch is being handled (default 3000). */
  readonly heartbeatIntervalMs?: number;
  readonly maxBytesPerPartition?: number;
  readonly maxWaitTimeMs?: number;
  readonly retry?: KafkaRetryOptions;
  /** The consumer stopped for good (kafkajs gave up, or stored offsets could not be read). */
  readonly onFatalError?: (error: KafkaError) => void;
}

export interface BatchConsumer {
  /** Connects, subscribes and joins the group; batches flow once stored offsets are sought. */
  start(): Promise<void>;
  /** Finishes the batch in hand, leaves the group and disconnects. */
  stop(): Promise<void>;
}

/**
 * A consumer group member handing whole partition batches to `handler`, with autoCommit off, seek-on-join
 * and heartbeats during long batches. Guarded by the `kafka-consume` benchmark (tools/bench).
 */
export function createBatchConsumer(client: KafkaClient, options: BatchConsumerOptions): BatchConsumer {
  const { groupId, handler } = options;
  const { logger, instrumentation } = client;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
  const consumer: Consumer = kafkajsOf(client).consumer({
    groupId,
    allowAutoTopicCreation: false,
    heartbeatInterval: heartbeatIntervalMs,
    ...(options.sessionTimeoutMs !== undefined ? { sessionTimeout: options.sessionTimeoutMs } : {}),
    ...(options.rebalanceTimeoutMs !== undefined ? { rebalanceTimeout: options.rebalanceTimeoutMs } : {}),
    ...(options.maxBytesPerPartition !== undefined
      ? { maxBytesPerPartition: options.maxBytesPerPartition }
      : {}),
    ...(options.maxWaitTimeMs !== undefined ? { maxWaitTimeInMs: options.maxWaitTimeMs } : {}),
    ...(options.retry ? { retry: { ...options.retry } } : {}),
  });
  let stopping = false;

  const fail = (cause: unknown, context: string): void => {
    const error = toKafkaError(cause, 'consume', context);
    logger.error('kafka consumer stopped', { groupId, reason: error.reason, error: error.message });
    options.onFatalError?.(error);
  };

  const gate = new PartitionSeekGate({
    lookup: options.onPartitionsAssigned,
    logger,
    pause: (assignment) =>
      consumer.pause(assignment.map(({ topic, partitions }) => ({ topic, partitions: [...partitions] }))),
    resume: (assignment) =>
      consumer.resume(assignment.map(({ topic, partitions }) => ({ topic, partitions: [...partitions] }))),
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    onSought: (topic, partition, offset) =>
      instrumentation.emit('partitionSought', { groupId, topic, partition, offset }),
    onFailure: (error) => {
      fail(error, 'stored offsets could not be looked up after a group join');
      void consumer
        .stop()
        .catch((stopError: unknown) =>
          logger.error('kafka consumer stop failed', { groupId, error: String(stopError) }),
        );
    },
  });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    instrumentation.emit('groupJoined', {
      groupId,
      memberId: payload.memberId,
      assignment: payload.memberAssignment,
    });
    gate.onGroupJoin(payload.memberAssignment);
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart)
      logger.warn('kafka consumer crashed, kafkajs restarts it', { groupId, error: payload.error.message });
    else fail(payload.error, 'consumer crashed');
  });

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    if (!payload.isRunning() || payload.isStale() || batch.isEmpty()) return;
    if (!gate.isPositioned(topic, partition)) {
      // Not resolved: after the seek, this range is fetched again from the stored position.
      logger.warn('batch of a partition not yet sought after join skipped', { groupId, topic, partition });
      return;
    }
    const consumed = toConsumedBatch(batch);
    const started = performance.now();
    // A handler may take longer than the session timeout allows between heartbeats.
    const beat = setInterval(() => {
      payload
        .heartbeat()
        .catch((error: unknown) =>
          logger.debug('heartbeat during batch failed', { groupId, error: String(error) }),
        );
    }, heartbeatIntervalMs);
    try {
      await handler(consumed);
    } finally {
      clearInterval(beat);
    }
    payload.resolveOffset(batch.lastOffset());
    if (options.commitOffsets) {
      await payload.commitOffsetsIfNecessary({
        topics: [{ topic, partitions: [{ partition, offset: consumed.nextOffset }] }],
      });
    }
    const firstOffset = consumed.messages[0]?.offset ?? consumed.nextOffset;
    instrumentation.emit('batchConsumed', {
      groupId,
      topic,
      partition,
      messages: consumed.messages.length,
      firstOffset,
      lastOffset: batch.lastOffset(),
      durationMs: performance.now() - started,
    });
    instrumentation.emit('consumerLag', { groupId, topic, partition, lag: lagAfter(consumed) });
    // kafkajs heartbeats after every batch by itself.
  }

  return {
    async start() {
      try {
        await consumer.connect();
        await consumer.subscribe({
          topics: [...options.topics],
          fromBeginning: options.fromBeginning ?? true,
        });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
          eachBatch,
        });
      } catch (error) {
        throw toKafkaError(error, 'consume', `consumer ${groupId} could not start`);
      }
    },

    async stop() {
      if (stopping) return;
      stopping = true;
      gate.invalidate();
      // kafkajs's stop waits for the batch in hand, then leaves the group; disconnect closes sockets.
      await consumer.disconnect();
    },
  };
}
