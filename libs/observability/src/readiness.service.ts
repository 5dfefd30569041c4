import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability.options.js';
import { type ReadinessCheck, type ReadinessReport, runReadinessChecks } from './readiness-check.js';

const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

export type ReadinessState =
  | { readonly status: 'draining'; readonly reason: string }
  | ({ readonly status: 'ready' | 'not_ready' } & ReadinessReport);

/**
 * Whether this process should receive traffic: the named checks, unless shutdown has begun, in which
 * case it answers "draining" at once and for good.
 */
@Injectable()
export class ReadinessService implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly checks: ReadinessCheck[];
  private draining: { reason: string; since: number } | undefined;

  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {
    this.checks = [...(options.readinessChecks ?? [])];
  }

  /** Adds a check from a provider that owns the dependency (e.g. the Kafka producer, in onModuleInit). */
  addCheck(check: ReadinessCheck): void {
    if (this.checks.some((c) => c.name === check.name))
      throw new Error(`readiness check "${check.name}" already exists`);
    this.checks.push(check);
  }

  /** From now on /readyz answers 503; called on SIGTERM (see `enableGracefulShutdown`) and on close. */
  startDraining(reason: string): void {
    this.draining ??= { reason, since: Date.now() };
  }

  get isDraining(): boolean {
    return this.draining !== undefined;
  }

  async state(): Promise<ReadinessState> {
    if (this.draining) return { status: 'draining', reason: this.draining.reason };
    const report = await runReadinessChecks(
      this.checks,
      this.options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    );
    return { status: report.ready ? 'ready' : 'not_ready', ...report };
  }

  onModuleDestroy(): void {
    this.startDraining('shutting down');
  }

  /** Runs after every module's onModuleDestroy and before the HTTP server closes: the drain window. */
  async beforeApplicationShutdown(): Promise<void> {
    const since = this.draining?.since ?? Date.now();
    const remaining = (this.options.drainDelayMs ?? 0) - (Date.now() - since);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}
