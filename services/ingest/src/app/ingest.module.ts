import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { BatchingProducer } from '@leadscore/kafka';
import { ObservabilityModule, type Logger, type ReadinessCheck } from '@leadscore/observability';
import type { Registry } from 'prom-client';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { EventsController } from '../controllers/events.controller.js';
import { ClickEndpoint } from '../controllers/click.route.js';
import { PageViewEndpoint } from '../controllers/page-view.route.js';
import { PixelEndpoint } from '../controllers/pixel.route.js';
import { TrackedRequests } from '../controllers/tracked-request.js';
import { SegmentController } from '../controllers/segment.controller.js';
import { TrackerController } from '../controllers/tracker.controller.js';
import { WebhooksController } from '../controllers/webhooks.controller.js';
import { EventIngestion } from './event-ingestion.js';
import { EventPublisher } from './event.publisher.js';
import { INGEST_SETTINGS, type IngestSettings } from './ingest.settings.js';
import {
  BATCHING_PRODUCER,
  CLOCK,
  CONTACT_ALIASES,
  INGEST_LOGGER,
  WORKSPACE_DIRECTORY,
  type Clock,
} from './ingest.tokens.js';
import { NO_ALIASES, type ContactAliases } from '../identity/contact-aliases.js';

export interface IngestModuleOptions {
  readonly settings: IngestSettings;
  readonly directory: WorkspaceDirectory;
  /** Connected by the caller; disconnected (flushed) here once the HTTP server has closed. */
  readonly producer: BatchingProducer;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly readinessChecks?: readonly ReadinessCheck[];
  readonly clock?: Clock;
  /** Merged-away contacts and their survivors (default: none known; the scorer forwards their events). */
  readonly aliases?: ContactAliases;
}

/**
 * After Nest closed the HTTP server (in-flight requests done): flushes and disconnects the producer,
 * then waits until every send answered before its ack (pixel opens) has its outcome counted and,
 * if Kafka refused it, logged.
 */
class ProducerShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(BATCHING_PRODUCER) private readonly producer: BatchingProducer,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info(
      { signal, awaitingAck: this.publisher.pendingDetached() },
      'flushing the Kafka producer',
    );
    try {
      await this.producer.disconnect();
    } finally {
      await this.publisher.drain();
    }
  }
}

@Module({})
export class IngestModule {
  static forRoot(options: IngestModuleOptions): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'ingest',
          registry: options.registry,
          readinessChecks: options.readinessChecks ?? [],
        }),
      ],
      controllers: [EventsController, SegmentController, TrackerController, WebhooksController],
      providers: [
        { provide: INGEST_SETTINGS, useValue: options.settings },
        { provide: WORKSPACE_DIRECTORY, useValue: options.directory },
        { provide: BATCHING_PRODUCER, useValue: options.producer },
        { provide: INGEST_LOGGER, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock ?? Date.now },
        { provide: CONTACT_ALIASES, useValue: options.aliases ?? NO_ALIASES },
        EventPublisher,
        EventIngestion,
        TrackedRequests,
        PixelEndpoint,
        ClickEndpoint,
        PageViewEndpoint,
        ProducerShutdown,
      ],
    };
  }
}
