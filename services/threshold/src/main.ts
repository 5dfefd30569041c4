import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit, thresholdConfigSchema } from '@leadscore/config';
import { createKafkaClient, waitForKafkaReady } from '@leadscore/kafka';
import {
  PinoNestLogger,
  createLogger,
  createMetricsRegistry,
  enableGracefulShutdown,
  kafkaClientMetricsHooks,
  kafkaLogAdapter,
} from '@leadscore/observability';
import { openDatabase } from '@leadscore/persistence';
import { ThresholdModule } from './app/threshold.module.js';
import { ThresholdRuntime } from './app/threshold.runtime.js';

const config = loadConfigOrExit(thresholdConfigSchema);
const logger = createLogger({ service: 'threshold', level: config.LOG_LEVEL });
const registry = createMetricsRegistry({ service: 'threshold' });
const kafka = createKafkaClient({
  brokers: [...config.KAFKA_BROKERS],
  clientId: 'leadscore-threshold',
  logger: kafkaLogAdapter(logger),
});
kafka.instrumentation.subscribe(kafkaClientMetricsHooks(registry));

await waitForKafkaReady(kafka);
const dataSource = await openDatabase({ url: config.DATABASE_URL, applicationName: 'leadscore-threshold' });
const runtime = new ThresholdRuntime({
  kafka,
  dataSource,
  logger,
  registry,
  consumerGroup: config.THRESHOLD_CONSUMER_GROUP,
  topics: {
    scoreChanged: config.THRESHOLD_SCORE_CHANGED_TOPIC,
    lifecycle: config.THRESHOLD_LIFECYCLE_TOPIC,
    events: config.THRESHOLD_EVENTS_TOPIC,
  },
  webhooks: {
    retry: {
      maxAttempts: config.THRESHOLD_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: config.THRESHOLD_WEBHOOK_BASE_DELAY_MS,
      maxDelayMs: config.THRESHOLD_WEBHOOK_MAX_DELAY_MS,
    },
    circuit: {
      failureThreshold: config.THRESHOLD_CIRCUIT_FAILURE_THRESHOLD,
      openMs: config.THRESHOLD_CIRCUIT_OPEN_MS,
    },
    timeoutMs: config.THRESHOLD_WEBHOOK_TIMEOUT_MS,
    leaseMs: config.THRESHOLD_WEBHOOK_LEASE_MS,
    pollMs: config.THRESHOLD_WEBHOOK_POLL_MS,
    endpointConcurrency: config.THRESHOLD_WEBHOOK_ENDPOINT_CONCURRENCY,
    concurrency: config.THRESHOLD_WEBHOOK_CONCURRENCY,
  },
  onFatalError: (error) => {
    // Exit so the supervisor restarts us; stored offsets and leased deliveries make the restart lose nothing.
    logger.fatal({ err: error.message }, 'threshold consumer stopped; exiting');
    process.exit(1);
  },
});

const app = await NestFactory.create<NestFastifyApplication>(
  ThresholdModule.forRoot({
    runtime,
    registry,
    readinessChecks: [
      { name: 'postgres', check: async () => (await dataSource.query('SELECT 1'), { ok: true }) },
      {
        name: 'kafka-consumer',
        check: () =>
          Promise.resolve(runtime.isRunning ? { ok: true } : { ok: false, reason: 'not consuming' }),
      },
    ],
  }),
  new FastifyAdapter(),
  { logger: new PinoNestLogger(logger) },
);
enableGracefulShutdown(app);
await runtime.start();
setInterval(() => void runtime.refreshGauges().catch(() => undefined), 5_000).unref();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'threshold listening');
