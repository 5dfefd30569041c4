/** How a webhook endpoint is retried: exponential backoff with jitter, capped, a fixed number of attempts. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failed one the delivery is dead-lettered. */
  readonly maxAttempts: number;
  /** Backoff before the second attempt; doubles per attempt. */
  readonly baseDelayMs: number;
  /** Ceiling of the backoff, and of a Retry-After the receiver asks for. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 6 * 60 * 60 * 1000,
};

/** What one attempt came back with. */
export type AttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter?: string | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network-error' }
  /** Never sent: the target was refused before connecting (e.g. a private address; libs/webhooks). */
  | { readonly kind: 'refused'; readonly reason: string };

export type AttemptDecision =
  | { readonly action: 'delivered' }
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'dead-letter'; readonly reason: string };

/**
 * Timeouts, network errors, 5xx and 429 are worth another try; 2xx is done; any other 4xx is final, and
 * so is a refused target (only its subscription's URL or the operator's configuration can change that).
 */
export function isRetriable(result: AttemptResult): boolean {
  if (result.kind === 'refused') return false;
  if (result.kind !== 'response') return true;
  return result.status === 429 || result.status >= 500;
}

/**
 * Retry-After as milliseconds from `nowMs`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Anything
 * unparsable is ignored (undefined) rather than trusted.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Backoff after failed attempt number `attempt` (1-based): base·2^(attempt−1), capped, with "equal
 * jitter" (half fixed, half random) so that endpoints that failed together do not retry together.
 * `random` returns [0, 1); it is injected so the schedule is deterministic under test.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** What to do after attempt number `attempt` (1-based) came back with `result`. */
export function decideAfterAttempt(
  policy: RetryPolicy,
  attempt: number,
  result: AttemptResult,
  random: () => number,
  nowMs: number,
): AttemptDecision {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300)
    return { action: 'delivered' };
  if (result.kind === 'refused') return { action: 'dead-letter', reason: `refused: ${result.reason}` };
  const what = result.kind === 'response' ? `HTTP ${result.status}` : result.kind;
  if (!isRetriable(result)) return { action: 'dead-letter', reason: `${what} is not retried` };
  if (attempt >= policy.maxAttempts)
    return { action: 'dead-letter', reason: `${what} on the last of ${policy.maxAttempts} attempts` };
  const backoff = backoffDelayMs(policy, attempt, random);
  const asked = result.kind === 'response' ? parseRetryAfter(result.retryAfter, nowMs) : undefined;
  const delayMs = asked === undefined ? backoff : Math.min(policy.maxDelayMs, Math.max(backoff, asked));
  return { action: 'retry', delayMs };
}
