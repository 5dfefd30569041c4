/**
 * A circuit breaker per webhook endpoint, as plain data: after `failureThreshold` consecutive failures
 * the circuit opens and the endpoint gets no attempts for `openMs`; then one probe is let through
 * (half-open): success closes it, failure opens it again. Time is a parameter.
 */
export interface CircuitPolicy {
  readonly failureThreshold: number;
  readonly openMs: number;
}

export const DEFAULT_CIRCUIT_POLICY: CircuitPolicy = { failureThreshold: 5, openMs: 30_000 };

export type CircuitState =
  | { readonly state: 'closed'; readonly consecutiveFailures: number }
  | { readonly state: 'open'; readonly openUntilMs: number }
  | { readonly state: 'half-open'; readonly probeInFlight: boolean };

export const CLOSED_CIRCUIT: CircuitState = { state: 'closed', consecutiveFailures: 0 };

/** Whether an attempt may start now, and the state after starting it. */
export function admitAttempt(
  circuit: CircuitState,
  nowMs: number,
): { allowed: boolean; circuit: CircuitState } {
  switch (circuit.state) {
    case 'closed':
      return { allowed: true, circuit };
    case 'open':
      if (nowMs < circuit.openUntilMs) return { allowed: false, circuit };
      return { allowed: true, circuit: { state: 'half-open', probeInFlight: true } };
    case 'half-open':
      if (circuit.probeInFlight) return { allowed: false, circuit };
      return { allowed: true, circuit: { state: 'half-open', probeInFlight: true } };
  }
}

/** The state after an attempt finished; `success` means the endpoint answered in time without 5xx/429. */
export function recordAttempt(
  policy: CircuitPolicy,
  circuit: CircuitState,
  success: boolean,
  nowMs: number,
): CircuitState {
  if (success) return CLOSED_CIRCUIT;
  if (circuit.state === 'closed' && circuit.consecutiveFailures + 1 < policy.failureThreshold) {
    return { state: 'closed', consecutiveFailures: circuit.consecutiveFailures + 1 };
  }
  if (circuit.state === 'open') return circuit;
  return { state: 'open', openUntilMs: nowMs + policy.openMs };
}

/** When an open circuit lets the next probe through (undefined when attempts may start now). */
export function blockedUntil(circuit: CircuitState, nowMs: number): number | undefined {
  if (circuit.state === 'open' && nowMs < circuit.openUntilMs) return circuit.openUntilMs;
  return undefined;
}
