import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit, scorerConfigSchema } from '@leadscore/config';
import { PinoNestLogger, enableGracefulShutdown } from '@leadscore/observability';
import { connectServiceInfrastructure, consumerReadiness, postgresReadiness } from '@leadscore/service-kit';
import { ScorerModule } from './app/scorer.module.js';
import { ScorerRuntime } from './app/scorer.runtime.js';

const config = loadConfigOrExit(scorerConfigSchema);
const { logger, registry, kafka, dataSource } = await connectServiceInfrastructure({
  service: 'scorer',
  logLevel: config.LOG_LEVEL,
  kafkaBrokers: config.KAFKA_BROKERS,
  databaseUrl: config.DATABASE_URL,
  // Per partition in flight: its transaction, its outbox publisher's lock session and a query or two;
  // and the rescore worker's switch and publisher.
  poolSize: 4 * config.SCORER_PARTITIONS_CONCURRENTLY + 4,
});
const runtime = new ScorerRuntime({
  kafka,
  dataSource,
  logger,
  registry,
  consumerGroup: config.SCORER_CONSUMER_GROUP,
  topics: {
    events: config.SCORER_EVENTS_TOPIC,
    models: config.SCORER_MODELS_TOPIC,
    scoreChanged: config.SCORER_SCORE_CHANGED_TOPIC,
    deadLetter: config.SCORER_DEAD_LETTER_TOPIC,
  },
  analyticsUrl: config.SCORER_ANALYTICS_URL,
  sessionTimeoutMs: config.SCORER_SESSION_TIMEOUT_MS,
  partitionsConsumedConcurrently: config.SCORER_PARTITIONS_CONCURRENTLY,
  retention: {
    processedEventRetentionHours: config.SCORER_PROCESSED_EVENT_RETENTION_HOURS,
    publishedOutboxRetentionHours: config.SCORER_PUBLISHED_OUTBOX_RETENTION_HOURS,
  },
  rescore: {
    onFirstApply: config.SCORER_RESCORE_ON_FIRST_APPLY === 'on',
    transitionsPerSecond: config.SCORER_RESCORE_TRANSITIONS_PER_SECOND,
    leaseMs: config.SCORER_RESCORE_LEASE_MS,
    switchContacts: config.SCORER_RESCORE_SWITCH_CONTACTS,
  },
  onFatalError: (error) => {
    // Exit so the supervisor restarts us; stored offsets make the restart lose and repeat nothing.
    logger.fatal({ err: error.message }, 'scorer consumer stopped; exiting');
    process.exit(1);
  },
});

const app = await NestFactory.create<NestFastifyApplication>(
  ScorerModule.forRoot({
    runtime,
    registry,
    readinessChecks: [postgresReadiness(dataSource), consumerReadiness(() => runtime.isRunning)],
  }),
  new FastifyAdapter(),
  { logger: new PinoNestLogger(logger) },
);
enableGracefulShutdown(app);
await runtime.start();
setInterval(() => {
  runtime
    .refreshMetrics()
    .catch((error: unknown) => logger.warn({ err: String(error) }, 'metrics refresh failed'));
}, 5_000).unref();
setInterval(() => {
  runtime
    .prune()
    .then((pruned) => logger.info(pruned, 'housekeeping pruned expired rows'))
    .catch((error: unknown) => logger.warn({ err: String(error) }, 'housekeeping failed'));
}, 10 * 60_000).unref();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'scorer listening');
