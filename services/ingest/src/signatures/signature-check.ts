/** Outcome of a provider signature check; `reason` is safe to show to the caller. */
export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

export const VALID: SignatureCheck = { valid: true };

export function invalid(reason: string): SignatureCheck {
  return { valid: false, reason };
}

/**
 * Rejects timestamps further than `toleranceSeconds` from `nowMs` in either direction (replays, and
 * clocks far ahead). `timestamp` is Unix seconds as the providers send it.
 */
export function checkFreshness(
  timestamp: string | undefined,
  nowMs: number,
  toleranceSeconds: number,
): SignatureCheck {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return invalid('the signature timestamp is missing or not Unix seconds');
  }
  const ageSeconds = Math.abs(nowMs / 1000 - Number(timestamp));
  return ageSeconds > toleranceSeconds
    ? invalid(
        `the signature timestamp is ${Math.round(ageSeconds)} s away from now (at most ${toleranceSeconds} s allowed)`,
      )
    : VALID;
}
