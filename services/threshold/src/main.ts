import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SettingsCipher, parseSettingsKey } from '@leadscore/access';
import { loadConfigOrExit, thresholdConfigSchema } from '@leadscore/config';
import { PinoNestLogger, enableGracefulShutdown } from '@leadscore/observability';
import { connectServiceInfrastructure, consumerReadiness, postgresReadiness } from '@leadscore/service-kit';
import { WebhookTargetGuard, webhookTargetPolicyOf } from '@leadscore/webhooks';
import { ThresholdModule } from './app/threshold.module.js';
import { ThresholdRuntime } from './app/threshold.runtime.js';

const config = loadConfigOrExit(thresholdConfigSchema);
const { logger, registry, kafka, dataSource } = await connectServiceInfrastructure({
  service: 'threshold',
  logLevel: config.LOG_LEVEL,
  kafkaBrokers: config.KAFKA_BROKERS,
  databaseUrl: config.DATABASE_URL,
});
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
    accountScoreChanged: config.THRESHOLD_ACCOUNT_SCORE_CHANGED_TOPIC,
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
    guard: new WebhookTargetGuard(webhookTargetPolicyOf(config)),
    settingsCipher: new SettingsCipher(
      parseSettingsKey(config.SETTINGS_ENCRYPTION_KEY),
      config.SETTINGS_ENCRYPTION_PREVIOUS_KEYS.map(parseSettingsKey),
    ),
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
    readinessChecks: [postgresReadiness(dataSource), consumerReadiness(() => runtime.isRunning)],
  }),
  new FastifyAdapter(),
  { logger: new PinoNestLogger(logger) },
);
enableGracefulShutdown(app);
await runtime.start();
setInterval(() => void runtime.refreshGauges().catch(() => undefined), 5_000).unref();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'threshold listening');
