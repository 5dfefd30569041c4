import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import { DECAY_RUNTIME, DecayController } from './decay.controller.js';
import { DecayRuntime } from './decay.runtime.js';

export interface DecayModuleOptions {
  readonly runtime: DecayRuntime;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

/** HTTP surface of decay: POST /v1/decay/run, /metrics, /healthz, /readyz; on shutdown the pass stops between ranges. */
@Module({})
export class DecayModule implements OnApplicationShutdown {
  constructor(@Inject(DECAY_RUNTIME) private readonly runtime: DecayRuntime) {}

  static forRoot(options: DecayModuleOptions): DynamicModule {
    return {
      module: DecayModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'decay',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      controllers: [DecayController],
      providers: [{ provide: DECAY_RUNTIME, useValue: options.runtime }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
