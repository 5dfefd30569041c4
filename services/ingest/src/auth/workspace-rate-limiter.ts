/**
 * Per-workspace token bucket, in events per second, in this process (ingest instances behind a load
 * balancer each hold their own share). Time is a parameter so tests need no clock.
 */
export interface RateLimit {
  readonly eventsPerSecond: number;
  readonly burst: number;
}

export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class WorkspaceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit) {}

  take(workspace: string, events: number, nowMs: number): RateDecision {
    const { eventsPerSecond, burst } = this.limit;
    let bucket = this.buckets.get(workspace);
    if (!bucket) {
      bucket = { tokens: burst, updatedMs: nowMs };
      this.buckets.set(workspace, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * eventsPerSecond);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= events) {
      bucket.tokens -= events;
      return { allowed: true };
    }
    const missing = Math.min(events, burst) - bucket.tokens;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / eventsPerSecond)) };
  }
}
