import { describe, expect, it } from '@jest/globals';
import { TokenBucketLimiter } from './token-bucket.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refills at the configured rate, one bucket per key', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 10, burst: 20 });
    expect(limiter.take('acme', 20, 0)).toEqual({
      allowed: true,
      remaining: 0,
      resetSeconds: 2,
      retryAfterSeconds: 0,
    });
    expect(limiter.take('acme', 5, 0)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(limiter.take('globex', 5, 0)).toMatchObject({ allowed: true, remaining: 15, resetSeconds: 1 });
    expect(limiter.take('acme', 5, 500)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('says how long to wait for a large request, and never allows one above the burst', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 10, burst: 100 });
    limiter.take('acme', 100, 0);
    expect(limiter.take('acme', 50, 0)).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
    expect(limiter.take('acme', 101, 60_000)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts remaining whole tokens and the seconds until the bucket is full', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 0.5, burst: 3 });
    expect(limiter.take('k', 1, 0)).toMatchObject({ remaining: 2, resetSeconds: 2 });
    expect(limiter.take('k', 1, 0)).toMatchObject({ remaining: 1, resetSeconds: 4 });
    expect(limiter.take('k', 1, 1000)).toMatchObject({ remaining: 0, resetSeconds: 5 });
    expect(limiter.take('k', 1, 1000)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('adds nothing when the clock goes back', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 1, burst: 1 });
    expect(limiter.take('k', 1, 10_000).allowed).toBe(true);
    expect(limiter.take('k', 1, 5_000).allowed).toBe(false);
    expect(limiter.take('k', 1, 10_500).allowed).toBe(false);
    expect(limiter.take('k', 1, 11_000).allowed).toBe(true);
  });

  it('forgets the least recently used buckets beyond its size, which then start full', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 1, burst: 1 }, 2);
    limiter.take('a', 1, 0);
    limiter.take('b', 1, 0);
    expect(limiter.take('a', 1, 0).allowed).toBe(false);
    limiter.take('c', 1, 0); // drops b, the least recently used
    expect(limiter.take('a', 1, 0).allowed).toBe(false);
    expect(limiter.take('b', 1, 0).allowed).toBe(true);
  });

  it('peeks without taking', () => {
    const limiter = new TokenBucketLimiter({ perSecond: 1, burst: 2 });
    expect(limiter.peek('k', 1, 0)).toMatchObject({ allowed: true, remaining: 2 });
    limiter.take('k', 2, 0);
    expect(limiter.peek('k', 1, 0)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.peek('k', 1, 1000)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('k', 1, 1000)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses a rate that would never refill', () => {
    expect(() => new TokenBucketLimiter({ perSecond: 0, burst: 1 })).toThrow(/perSecond > 0/);
  });
});
