import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { OPERATOR_TOKEN } from '@leadscore/service-kit';
import { type Registry } from 'prom-client';
import { DECAY_RUNTIME, DecayController } from './decay.controller.js';
import { DecayRuntime } from './decay.runtime.js';

export interface DecayModuleOptions {
  readonly runtime: DecayRuntime;
  /** OPERATOR_TOKEN: POST /v1/decay/run requires it as a bearer token; undefined = the endpoint answers 403. */
  readonly operatorToken: string | undefined;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

/**
 * HTTP surface of decay: POST /v1/decay/run (operator token), /metrics, /healthz, /readyz (open); on
 * shutdown the pass stops between ranges.
 */
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
      providers: [
        { provide: DECAY_RUNTIME, useValue: options.runtime },
        { provide: OPERATOR_TOKEN, useValue: options.operatorToken },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
