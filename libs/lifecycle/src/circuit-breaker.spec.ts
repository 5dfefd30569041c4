import { describe, expect, it } from '@jest/globals';
import {
  admitAttempt,
  blockedUntil,
  recordAttempt,
  CLOSED_CIRCUIT,
  type CircuitState,
} from './circuit-breaker.js';

const policy = { failureThreshold: 3, openMs: 1_000 };

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, and a success in between resets the count', () => {
    let c: CircuitState = CLOSED_CIRCUIT;
    c = recordAttempt(policy, c, false, 0);
    c = recordAttempt(policy, c, false, 0);
    c = recordAttempt(policy, c, true, 0);
    expect(c).toEqual(CLOSED_CIRCUIT);
    for (let i = 0; i < 3; i++) c = recordAttempt(policy, c, false, 100);
    expect(c).toEqual({ state: 'open', openUntilMs: 1_100 });
    expect(admitAttempt(c, 1_099).allowed).toBe(false);
    expect(blockedUntil(c, 1_099)).toBe(1_100);
  });

  it('lets one probe through when the open time is over; its result closes or reopens the circuit', () => {
    const open: CircuitState = { state: 'open', openUntilMs: 1_000 };
    const probe = admitAttempt(open, 1_000);
    expect(probe).toEqual({ allowed: true, circuit: { state: 'half-open', probeInFlight: true } });
    expect(admitAttempt(probe.circuit, 1_001).allowed).toBe(false);
    expect(recordAttempt(policy, probe.circuit, true, 1_050)).toEqual(CLOSED_CIRCUIT);
    expect(recordAttempt(policy, probe.circuit, false, 1_050)).toEqual({ state: 'open', openUntilMs: 2_050 });
  });
});
