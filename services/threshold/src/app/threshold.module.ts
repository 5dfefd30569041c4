import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import { ThresholdRuntime } from './threshold.runtime.js';

export interface ThresholdModuleOptions {
  readonly runtime: ThresholdRuntime;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const THRESHOLD_RUNTIME = Symbol('THRESHOLD_RUNTIME');

/** HTTP surface of threshold: /metrics, /healthz, /readyz; on shutdown the consumer finishes its batch. */
@Module({})
export class ThresholdModule implements OnApplicationShutdown {
  constructor(@Inject(THRESHOLD_RUNTIME) private readonly runtime: ThresholdRuntime) {}

  static forRoot(options: ThresholdModuleOptions): DynamicModule {
    return {
      module: ThresholdModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'threshold',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      providers: [{ provide: THRESHOLD_RUNTIME, useValue: options.runtime }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
