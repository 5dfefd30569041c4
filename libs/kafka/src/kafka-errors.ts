/**
 * Typed errors of this library. Every error carries `retriable`: callers (HTTP 503 vs 400, consumer
 * retry vs dead-letter) decide from that flag alone, never from kafkajs class names.
 */

export type KafkaOperation = 'connect' | 'produce' | 'consume' | 'admin';

export interface KafkaErrorDetails {
  readonly operation: KafkaOperation;
  readonly retriable: boolean;
  /** kafkajs error name or Kafka protocol error type, e.g. `KafkaJSConnectionError`, `MESSAGE_TOO_LARGE`. */
  readonly reason: string;
  readonly cause?: unknown;
}

export class KafkaError extends Error {
  readonly operation: KafkaOperation;
  readonly retriable: boolean;
  readonly reason: string;

  constructor(message: string, details: KafkaErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'KafkaError';
    this.operation = details.operation;
    this.retriable = details.retriable;
    this.reason = details.reason;
  }
}

/** Kafka did not acknowledge a produced batch; every caller whose messages were in it gets this. */
export class KafkaProduceError extends KafkaError {
  constructor(message: string, details: Omit<KafkaErrorDetails, 'operation'>) {
    super(message, { ...details, operation: 'produce' });
    this.name = 'KafkaProduceError';
  }
}

/** The producer or consumer was used after disconnect() / stop() began. Not retriable on this instance. */
export class KafkaClosedError extends KafkaError {
  constructor(message: string, operation: KafkaOperation) {
    super(message, { operation, retriable: false, reason: 'CLOSED' });
    this.name = 'KafkaClosedError';
  }
}

/** The broker did not become ready (group coordinator answering) within the allowed time. */
export class KafkaNotReadyError extends KafkaError {
  constructor(message: string, cause?: unknown) {
    super(message, { operation: 'connect', retriable: true, reason: 'NOT_READY', cause });
    this.name = 'KafkaNotReadyError';
  }
}

/** kafkajs errors that mean "the broker could not be reached or did not answer in time". */
const TRANSIENT_ERROR_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSTimeout',
  'KafkaJSStaleTopicMetadataAssignment',
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly retriable?: unknown;
  readonly type?: unknown;
  readonly cause?: unknown;
  readonly originalError?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/**
 * Whether retrying the same operation later can succeed. kafkajs marks an exhausted retry loop
 * (`KafkaJSNumberOfRetriesExceeded`) and its wrappers as non-retriable only to stop its own retrier;
 * what matters to our callers is the error underneath: a broker that was down may be up later.
 */
export function isRetriableCause(error: unknown, depth = 0): boolean {
  const e = asErrorLike(error);
  if (!e || depth > 5) return false;
  if (e instanceof KafkaError) return e.retriable;
  const name = typeof e.name === 'string' ? e.name : '';
  if (name === 'KafkaJSNumberOfRetriesExceeded' || name === 'KafkaJSNonRetriableError') {
    const inner = e.cause ?? e.originalError;
    // A wrapper without a cause says nothing about the broker: trust its own flag.
    return inner !== undefined && inner !== error ? isRetriableCause(inner, depth + 1) : e.retriable === true;
  }
  if (TRANSIENT_ERROR_NAMES.has(name)) return true;
  if (name === 'KafkaJSAggregateError') return false;
  return e.retriable === true;
}

/** The most specific reason: a protocol error type (`NOT_LEADER_OR_FOLLOWER`) or the innermost error name. */
export function kafkaErrorReason(error: unknown, depth = 0): string {
  const e = asErrorLike(error);
  if (!e) return 'UNKNOWN';
  if (e instanceof KafkaError) return e.reason;
  if (typeof e.type === 'string') return e.type;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const inner = e.cause ?? e.originalError;
  if (
    (name === 'KafkaJSNumberOfRetriesExceeded' || name === 'KafkaJSNonRetriableError') &&
    inner &&
    inner !== error &&
    depth < 5
  ) {
    return kafkaErrorReason(inner, depth + 1);
  }
  return name;
}

function messageOf(error: unknown): string {
  const e = asErrorLike(error);
  return typeof e?.message === 'string' ? e.message : String(error);
}

/** Maps anything kafkajs threw to a typed error of this library (unchanged if it already is one). */
export function toKafkaError(error: unknown, operation: KafkaOperation, context?: string): KafkaError {
  if (error instanceof KafkaError) return error;
  const details = { retriable: isRetriableCause(error), reason: kafkaErrorReason(error), cause: error };
  const message = context ? `${context}: ${messageOf(error)}` : messageOf(error);
  return operation === 'produce'
    ? new KafkaProduceError(message, details)
    : new KafkaError(message, { ...details, operation });
}
