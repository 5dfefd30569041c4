import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger } from '@leadscore/observability';
import { registerClickRoute } from '../controllers/click.route.js';
import { registerPageViewRoute } from '../controllers/page-view.route.js';
import { registerPixelRoute } from '../controllers/pixel.route.js';
import { configureIngestHttp } from '../http/http-setup.js';
import { IngestModule, type IngestModuleOptions } from './ingest.module.js';

/** Builds (not listens) the ingest app: main.ts and the integration tests share this. */
export async function createIngestApp(options: IngestModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.settings.bodyLimitBytes, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(IngestModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    bufferLogs: false,
    // Bodies are parsed by configureIngestHttp (raw bytes: providers sign bytes, not parsed JSON).
    bodyParser: false,
  });
  configureIngestHttp(app, options.logger, options.settings.bodyLimitBytes);
  registerPixelRoute(app);
  registerClickRoute(app);
  registerPageViewRoute(app);
  await app.init();
  return app;
}
