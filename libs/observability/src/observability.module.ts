import { type DynamicModule, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ObservabilityController } from './observability.controller.js';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability.options.js';
import { ReadinessService } from './readiness.service.js';

/**
 * `ObservabilityModule.forRoot({ service, registry, readinessChecks })` in a service's root module
 * serves /metrics, /healthz and /readyz, and makes `Registry` and `ReadinessService` injectable
 * everywhere in the app.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [ObservabilityController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: Registry, useValue: options.registry },
        ReadinessService,
      ],
      exports: [Registry, ReadinessService],
    };
  }
}
