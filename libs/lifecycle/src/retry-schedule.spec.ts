import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, decideAfterAttempt, parseRetryAfter, type RetryPolicy } from './retry-schedule.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 10_000 };
const now = Date.UTC(2026, 0, 1);

describe('retry schedule', () => {
  it('doubles the backoff per attempt with equal jitter from the injected random, capped', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(policy, a, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000,
    ]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(policy, a, () => 0.999999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000,
    ]);
  });

  it('retries timeouts, network errors, 5xx and 429, and nothing else', () => {
    const decide = (result: Parameters<typeof decideAfterAttempt>[2]) =>
      decideAfterAttempt(policy, 1, result, () => 0.5, now).action;
    expect(decide({ kind: 'timeout' })).toBe('retry');
    expect(decide({ kind: 'network-error' })).toBe('retry');
    expect(decide({ kind: 'response', status: 503 })).toBe('retry');
    expect(decide({ kind: 'response', status: 429 })).toBe('retry');
    expect(decide({ kind: 'response', status: 400 })).toBe('dead-letter');
    expect(decide({ kind: 'response', status: 410 })).toBe('dead-letter');
    expect(decide({ kind: 'response', status: 204 })).toBe('delivered');
  });

  it('dead-letters a refused target at once, with the refusal as the reason', () => {
    expect(
      decideAfterAttempt(
        policy,
        1,
        { kind: 'refused', reason: '127.0.0.1 is a loopback address' },
        () => 0.5,
        now,
      ),
    ).toEqual({ action: 'dead-letter', reason: 'refused: 127.0.0.1 is a loopback address' });
  });

  it('dead-letters after the last attempt', () => {
    expect(decideAfterAttempt(policy, 4, { kind: 'timeout' }, () => 0, now)).toEqual({
      action: 'dead-letter',
      reason: 'timeout on the last of 4 attempts',
    });
  });

  it('honours Retry-After (seconds or HTTP date) when it asks for more than the backoff, up to the cap', () => {
    const retry = (retryAfter: string) =>
      decideAfterAttempt(policy, 1, { kind: 'response', status: 429, retryAfter }, () => 0, now);
    expect(retry('3')).toEqual({ action: 'retry', delayMs: 3_000 });
    expect(retry('0')).toEqual({ action: 'retry', delayMs: 500 });
    expect(retry(new Date(now + 7_000).toUTCString())).toEqual({ action: 'retry', delayMs: 7_000 });
    expect(retry('3600')).toEqual({ action: 'retry', delayMs: 10_000 });
    expect(retry('soon')).toEqual({ action: 'retry', delayMs: 500 });
  });

  it('parses nothing from an empty Retry-After', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});
