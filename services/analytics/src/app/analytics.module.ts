import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import { AnalyticsRuntime } from './analytics.runtime.js';

export interface AnalyticsModuleOptions {
  readonly runtime: AnalyticsRuntime;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const ANALYTICS_RUNTIME = Symbol('ANALYTICS_RUNTIME');

/** HTTP surface of analytics: /metrics, /healthz, /readyz; on shutdown the consumer finishes its batch. */
@Module({})
export class AnalyticsModule implements OnApplicationShutdown {
  constructor(@Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime) {}

  static forRoot(options: AnalyticsModuleOptions): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'analytics',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      providers: [{ provide: ANALYTICS_RUNTIME, useValue: options.runtime }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
