import { TokenBucketLimiter, type TokenBucketRate } from '@leadscore/service-kit';
import type { FastifyReply } from 'fastify';
import { failRetryable } from '../http/problem-details.js';

/**
 * Failed authentications (missing, unknown or revoked keys) one client address may make: 20 at once,
 * then one a second. Past that the address is answered 429 without its key being looked up, which
 * slows key guessing and keeps it off PostgreSQL.
 */
export const AUTH_FAILURE_RATE: TokenBucketRate = { perSecond: 1, burst: 20 };

/**
 * Rate limits of the api, in this process (every instance behind a load balancer holds its own
 * buckets): a token bucket per API key id, taken once per authenticated request, and one per client
 * address for failed authentications. Every answer to an authenticated request carries the key's
 * quota in the header fields of draft-ietf-httpapi-ratelimit-headers-06 (`RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset`, `RateLimit-Policy`; draft -07 merged the first three into
 * one `RateLimit` field, which clients do not read yet).
 */
export class ApiRateLimits {
  private readonly perKey: TokenBucketLimiter;
  private readonly authFailures: TokenBucketLimiter;
  /** `RateLimit-Policy`: the burst, over the window in which an empty bucket refills, and the rate. */
  private readonly policy: string;

  constructor(
    readonly keyRate: TokenBucketRate,
    private readonly now: () => Date,
    authFailureRate: TokenBucketRate = AUTH_FAILURE_RATE,
  ) {
    this.perKey = new TokenBucketLimiter(keyRate);
    this.authFailures = new TokenBucketLimiter(authFailureRate);
    this.policy = `${keyRate.burst};w=${Math.ceil(keyRate.burst / keyRate.perSecond)};rate=${keyRate.perSecond}`;
  }

  /** 429 when this address failed to authenticate too often recently; its key is not even looked up. */
  admitAddress(address: string): void {
    const decision = this.authFailures.peek(address, 1, this.now().getTime());
    if (!decision.allowed)
      failRetryable(
        'rate-limited',
        `Too many requests from ${address} with a missing, unknown or revoked key; retry after ${decision.retryAfterSeconds} s with a valid key (Authorization: Bearer <key>). Keys come from an admin of your workspace (POST /v1/keys).`,
        decision.retryAfterSeconds,
      );
  }

  /** Counts a failed authentication against the address. */
  recordAuthFailure(address: string): void {
    this.authFailures.take(address, 1, this.now().getTime());
  }

  /** Takes one request from the key's bucket and writes the quota headers; 429 when the bucket is empty. */
  admitKey(keyId: string, reply: FastifyReply): void {
    const { burst, perSecond } = this.keyRate;
    const decision = this.perKey.take(keyId, 1, this.now().getTime());
    void reply
      .header('ratelimit-limit', String(burst))
      .header('ratelimit-remaining', String(decision.remaining))
      .header('ratelimit-reset', String(decision.resetSeconds))
      .header('ratelimit-policy', this.policy);
    if (!decision.allowed)
      failRetryable(
        'rate-limited',
        `This key made more than ${burst} requests at once or ${perSecond} per second; retry after ${decision.retryAfterSeconds} s (Retry-After). For a higher limit, ask the operator of this installation to raise API_RATE_LIMIT_PER_SECOND and API_RATE_LIMIT_BURST (per key and api instance).`,
        decision.retryAfterSeconds,
      );
  }
}
