import { describe, expect, it } from '@jest/globals';
import kafkajs from 'kafkajs';
import {
  KafkaClosedError,
  KafkaError,
  KafkaProduceError,
  isRetriableCause,
  toKafkaError,
} from './kafka-errors.js';

const {
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSNonRetriableError,
  KafkaJSRequestTimeoutError,
} = kafkajs;

/** What kafkajs's retrier throws once it gives up on `cause`. */
function exhausted(cause: Error): Error {
  return new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 2, retryTime: 300 });
}

describe('kafka errors', () => {
  it('calls a broker that stayed unreachable through all retries retriable', () => {
    const error = toKafkaError(exhausted(new KafkaJSConnectionError('connect ECONNREFUSED')), 'produce');
    expect(error).toBeInstanceOf(KafkaProduceError);
    expect(error.retriable).toBe(true);
    expect(error.reason).toBe('KafkaJSConnectionError');
  });

  it('calls request timeouts retriable', () => {
    const timeout = new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out');
    expect(isRetriableCause(timeout)).toBe(true);
    expect(isRetriableCause(exhausted(timeout))).toBe(true);
  });

  it('keeps the protocol flag: MESSAGE_TOO_LARGE is final, NOT_LEADER_OR_FOLLOWER is not', () => {
    const tooLarge = new KafkaJSProtocolError(
      Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false }),
    );
    const notLeader = new KafkaJSProtocolError(
      Object.assign(new Error('not leader'), { type: 'NOT_LEADER_OR_FOLLOWER', code: 6, retriable: true }),
    );
    // kafkajs's retrier wraps a non-retriable error this way (the typings omit the `cause` option).
    const wrapped = Object.assign(new KafkaJSNonRetriableError(tooLarge), { cause: tooLarge });
    expect(toKafkaError(wrapped, 'produce')).toMatchObject({
      retriable: false,
      reason: 'MESSAGE_TOO_LARGE',
    });
    expect(toKafkaError(exhausted(notLeader), 'produce')).toMatchObject({
      retriable: true,
      reason: 'NOT_LEADER_OR_FOLLOWER',
    });
  });

  it('treats unknown errors as not retriable and keeps the original as cause', () => {
    const original = new TypeError('boom');
    const error = toKafkaError(original, 'consume', 'handler');
    expect(error).toBeInstanceOf(KafkaError);
    expect(error).toMatchObject({
      retriable: false,
      reason: 'TypeError',
      operation: 'consume',
      message: 'handler: boom',
    });
    expect(error.cause).toBe(original);
    expect(isRetriableCause('a string')).toBe(false);
  });

  it('passes errors of this library through unchanged', () => {
    const closed = new KafkaClosedError('closed', 'produce');
    expect(toKafkaError(closed, 'produce')).toBe(closed);
    expect(isRetriableCause(closed)).toBe(false);
  });
});
