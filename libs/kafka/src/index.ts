export {
  createKafkaClient,
  type KafkaClient,
  type KafkaClientOptions,
  type KafkaRetryOptions,
} from './kafka-client.factory.js';
export {
  silentLogger,
  stderrLogger,
  type KafkaLogger,
  type KafkaLogLevel,
  type LogFields,
} from './kafka.logger.js';
export {
  KafkaError,
  KafkaProduceError,
  KafkaClosedError,
  KafkaNotReadyError,
  isRetriableCause,
  toKafkaError,
  type KafkaOperation,
} from './kafka-errors.js';
export {
  KafkaInstrumentation,
  type KafkaInstrumentationEvents,
  type KafkaInstrumentationEventName,
  type KafkaInstrumentationHooks,
} from './kafka.instrumentation.js';
export {
  ensureTopics,
  type TopicSpec,
  type EnsureTopicsOptions,
  type EnsureTopicsResult,
} from './topic.admin.js';
export { waitForKafkaReady, type WaitForKafkaReadyOptions } from './kafka-readiness.admin.js';
export {
  createBatchingProducer,
  type BatchingProducer,
  type BatchingProducerOptions,
} from './batching.producer.js';
export { type ProducedMessage } from './send-batch.planner.js';
export {
  createBatchConsumer,
  type BatchConsumer,
  type BatchConsumerOptions,
  type BatchHandler,
} from './batch.consumer.js';
export { type ConsumedBatch, type ConsumedMessage } from './consumed-batch.mapper.js';
export { type PartitionAssignment, type StoredOffsetsLookup } from './partition-seek.gate.js';
export { collectHeaderValuesSince, highWatermarks, type HeaderScanOptions } from './topic-tail.reader.js';
