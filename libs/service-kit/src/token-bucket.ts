/**
 * Token buckets by key (a workspace, an API key id, a client address), in this process: instances
 * behind a load balancer each hold their own buckets. A bucket holds up to `burst` tokens and refills
 * at `perSecond`; a request takes `cost` tokens or is refused. Time is a parameter (milliseconds), so
 * tests need no clock. Pure and synchronous: no timers, no I/O.
 */
export interface TokenBucketRate {
  /** Tokens added per second (the sustained rate). */
  readonly perSecond: number;
  /** Capacity of a bucket: what a key may spend at once after being idle. */
  readonly burst: number;
}

export interface TokenBucketDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request (0 when refused). */
  readonly remaining: number;
  /** Seconds (rounded up) until the bucket is full again. */
  readonly resetSeconds: number;
  /** Refused: seconds (rounded up, at least 1) until `cost` tokens are there; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept at most by default: beyond, the least recently used ones are dropped (they refill as new). */
export const DEFAULT_MAX_BUCKETS = 100_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: TokenBucketRate,
    private readonly maxBuckets: number = DEFAULT_MAX_BUCKETS,
  ) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1))
      throw new Error(`a token bucket needs perSecond > 0 and burst >= 1 (got ${JSON.stringify(rate)})`);
  }

  /** Takes `cost` tokens from the key's bucket when it holds them; a cost above `burst` is never allowed. */
  take(key: string, cost: number, nowMs: number): TokenBucketDecision {
    return this.decide(key, cost, nowMs, true);
  }

  /** What `take` would answer, taking nothing (e.g. whether an address may try another key at all). */
  peek(key: string, cost: number, nowMs: number): TokenBucketDecision {
    return this.decide(key, cost, nowMs, false);
  }

  private decide(key: string, cost: number, nowMs: number, taking: boolean): TokenBucketDecision {
    const { perSecond, burst } = this.rate;
    const bucket = this.refilled(key, nowMs);
    const allowed = bucket.tokens >= cost;
    if (allowed && taking) bucket.tokens -= cost;
    const missing = Math.min(cost, burst) - bucket.tokens;
    return {
      allowed,
      remaining: allowed ? Math.floor(bucket.tokens) : 0,
      resetSeconds: Math.ceil((burst - bucket.tokens) / perSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(missing / perSecond)),
    };
  }

  /** The key's bucket refilled up to now, and most recently used (kept longest). */
  private refilled(key: string, nowMs: number): Bucket {
    const { perSecond, burst } = this.rate;
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      // A clock that went back adds nothing (and takes nothing).
      const elapsedMs = Math.max(0, nowMs - bucket.updatedMs);
      bucket.tokens = Math.min(burst, bucket.tokens + (elapsedMs / 1000) * perSecond);
      bucket.updatedMs = Math.max(bucket.updatedMs, nowMs);
    } else {
      bucket = { tokens: burst, updatedMs: nowMs };
      if (this.buckets.size >= this.maxBuckets) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    }
    this.buckets.set(key, bucket);
    return bucket;
  }
}
