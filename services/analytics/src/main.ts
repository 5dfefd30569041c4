import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AnalyticsQueryRunner,
  analyticsConnectionFromEnv,
  clusterOf,
  createAnalyticsClient,
} from '@leadscore/analytics';
import { analyticsConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { PinoNestLogger, enableGracefulShutdown } from '@leadscore/observability';
import { connectKafkaInfrastructure, consumerReadiness } from '@leadscore/service-kit';
import { AnalyticsModule } from './app/analytics.module.js';
import { AnalyticsRuntime } from './app/analytics.runtime.js';

const config = loadConfigOrExit(analyticsConfigSchema);
const { logger, registry, kafka } = await connectKafkaInfrastructure({
  service: 'analytics',
  logLevel: config.LOG_LEVEL,
  kafkaBrokers: config.KAFKA_BROKERS,
});
// The embedded engine allows one data path per process, and this is the only process that opens it.
const connection = analyticsConnectionFromEnv(
  { CLICKHOUSE_URL: config.CLICKHOUSE_URL, CLICKHOUSE_CLUSTER: config.CLICKHOUSE_CLUSTER },
  config.CLICKHOUSE_DATA_PATH,
);
const clickhouse = createAnalyticsClient(connection);
const runtime = new AnalyticsRuntime({
  kafka,
  clickhouse,
  database: config.ANALYTICS_DATABASE,
  cluster: clusterOf(connection),
  eventsTtlDays: config.ANALYTICS_EVENTS_TTL_DAYS,
  consumerGroup: config.ANALYTICS_CONSUMER_GROUP,
  topics: {
    events: config.ANALYTICS_EVENTS_TOPIC,
    scoreChanges: config.ANALYTICS_SCORE_CHANGED_TOPIC,
    lifecycleChanges: config.ANALYTICS_LIFECYCLE_TOPIC,
    deadLetters: config.ANALYTICS_DEAD_LETTER_TOPIC,
  },
  maxWaitTimeMs: config.ANALYTICS_MAX_WAIT_MS,
  maxBytesPerPartition: config.ANALYTICS_MAX_BATCH_BYTES,
  partitionsConsumedConcurrently: config.ANALYTICS_CONCURRENT_PARTITIONS,
  sessionTimeoutMs: config.ANALYTICS_SESSION_TIMEOUT_MS,
  logger,
  registry,
  onFatalError: (error) => {
    // Exit so the supervisor restarts us; the offsets stored in the archive make the restart lose nothing.
    logger.fatal({ err: error.message }, 'analytics consumer stopped; exiting');
    process.exit(1);
  },
});

const app = await NestFactory.create<NestFastifyApplication>(
  AnalyticsModule.forRoot({
    runtime,
    queries: new AnalyticsQueryRunner(clickhouse, config.ANALYTICS_DATABASE),
    registry,
    readinessChecks: [
      consumerReadiness(() => runtime.isRunning),
      {
        name: 'clickhouse',
        check: async () =>
          (await clickhouse.ping()).success ? { ok: true } : { ok: false, reason: 'no answer' },
      },
    ],
  }),
  new FastifyAdapter(),
  { logger: new PinoNestLogger(logger) },
);
enableGracefulShutdown(app);
await runtime.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'analytics listening');
