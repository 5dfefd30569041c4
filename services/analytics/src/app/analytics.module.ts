import {
  Controller,
  Get,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import type { AnalyticsQueryRunner } from '@leadscore/analytics';
import { ARCHIVE_QUERIES, ArchiveQueriesController } from '../queries/archive-queries.controller.js';
import { AnalyticsRuntime } from './analytics.runtime.js';

export interface AnalyticsModuleOptions {
  readonly runtime: AnalyticsRuntime;
  /** The archive's named queries, served under /internal/v1 to the api. */
  readonly queries: AnalyticsQueryRunner;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const ANALYTICS_RUNTIME = Symbol('ANALYTICS_RUNTIME');

/** GET /internal/v1/offsets: where the archive ends per topic and partition (operators, tests). */
@Controller('internal/v1/offsets')
class ArchiveOffsetsController {
  constructor(@Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime) {}

  @Get()
  offsets(): ReturnType<AnalyticsRuntime['archivedOffsets']> {
    return this.runtime.archivedOffsets();
  }
}

/**
 * HTTP surface of analytics: the archive's queries (/internal/v1, for the api), /metrics, /healthz,
 * /readyz; on shutdown the consumer finishes its batch.
 */
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
      controllers: [ArchiveQueriesController, ArchiveOffsetsController],
      providers: [
        { provide: ANALYTICS_RUNTIME, useValue: options.runtime },
        { provide: ARCHIVE_QUERIES, useValue: options.queries },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
