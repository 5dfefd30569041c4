import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import { ScorerRuntime } from './scorer.runtime.js';

export interface ScorerModuleOptions {
  readonly runtime: ScorerRuntime;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const SCORER_RUNTIME = Symbol('SCORER_RUNTIME');

/** HTTP surface of the scorer: /metrics, /healthz, /readyz; on shutdown the consumer finishes its batch. */
@Module({})
export class ScorerModule implements OnApplicationShutdown {
  constructor(@Inject(SCORER_RUNTIME) private readonly runtime: ScorerRuntime) {}

  static forRoot(options: ScorerModuleOptions): DynamicModule {
    return {
      module: ScorerModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'scorer',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      providers: [{ provide: SCORER_RUNTIME, useValue: options.runtime }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
