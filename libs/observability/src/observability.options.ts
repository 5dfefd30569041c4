import { type Registry } from 'prom-client';
import { type ReadinessCheck } from './readiness-check.js';

export interface ObservabilityOptions {
  readonly service: string;
  /** The process's registry, from `createMetricsRegistry`; served at /metrics and injectable as `Registry`. */
  readonly registry: Registry;
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** Per-check timeout for /readyz; default 2000 ms. */
  readonly checkTimeoutMs?: number;
  /**
   * How long after shutdown starts /readyz keeps answering 503 before the HTTP server closes, so load
   * balancers see it and stop sending traffic; default 0. Production: a little over the probe period.
   */
  readonly drainDelayMs?: number;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
