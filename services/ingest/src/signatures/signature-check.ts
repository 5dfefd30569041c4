/**
 * Outcome of a provider signature check. `reason` says what is wrong and `fix` what to do about it;
 * both are safe to show to the caller.
 */
export type SignatureCheck =
  { readonly valid: true } | { readonly valid: false; readonly reason: string; readonly fix: string };

export const VALID: SignatureCheck = { valid: true };

/** The fix for a signature that does not match: almost always the secret. */
export const CHECK_SECRET = 'check the webhook secret configured for this workspace';

export function invalid(reason: string, fix: string = CHECK_SECRET): SignatureCheck {
  return { valid: false, reason, fix };
}

/** 3725 → "3,725". */
function seconds(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Rejects timestamps further than `toleranceSeconds` from `nowMs` in either direction (replays, and
 * clocks far ahead), saying by how much. `timestamp` is Unix seconds as the providers send it;
 * `field` names where it came from (the header, or `signature.timestamp`).
 */
export function checkFreshness(
  timestamp: string | undefined,
  nowMs: number,
  toleranceSeconds: number,
  field: string,
): SignatureCheck {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return invalid(
      timestamp === undefined
        ? `the ${field} is missing`
        : `the ${field} ${JSON.stringify(timestamp.slice(0, 40))} is not Unix seconds`,
      'send the timestamp the provider signed, unchanged (a proxy may have dropped or rewritten it)',
    );
  }
  const skew = nowMs / 1000 - Number(timestamp);
  if (Math.abs(skew) <= toleranceSeconds) return VALID;
  // Rounded up: 300.4 s away is reported as 301, never as the 300 that would have been accepted.
  const off = seconds(Math.ceil(Math.abs(skew)));
  return invalid(
    `the ${field} ${timestamp} is ${off} s ${skew > 0 ? 'older than' : 'ahead of'} this server's clock; ` +
      `at most ${seconds(toleranceSeconds)} s are accepted (INGEST_SIGNATURE_TOLERANCE_SECONDS)`,
    'the signature itself was not checked: this is a replayed or long-delayed delivery, or a clock that is off — check the clocks of the sender and of this server (NTP), then resend',
  );
}
