import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { decayConfigSchema, loadConfigOrExit } from '@leadscore/config';
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
import { DecayModule } from './app/decay.module.js';
import { DecayRuntime } from './app/decay.runtime.js';

const config = loadConfigOrExit(decayConfigSchema);
const logger = createLogger({ service: 'decay', level: config.LOG_LEVEL });
const registry = createMetricsRegistry({ service: 'decay' });
const kafka = createKafkaClient({
  brokers: [...config.KAFKA_BROKERS],
  clientId: 'leadscore-decay',
  logger: kafkaLogAdapter(logger),
});
kafka.instrumentation.subscribe(kafkaClientMetricsHooks(registry));

await waitForKafkaReady(kafka);
const dataSource = await openDatabase({ url: config.DATABASE_URL, applicationName: 'leadscore-decay' });
const runtime = new DecayRuntime({
  kafka,
  dataSource,
  logger,
  registry,
  rangeSize: config.DECAY_RANGE_SIZE,
  checkIntervalMs: config.DECAY_CHECK_INTERVAL_MS,
  onLeadershipLost: () => process.exit(1),
});

const app = await NestFactory.create<NestFastifyApplication>(
  DecayModule.forRoot({
    runtime,
    registry,
    readinessChecks: [
      { name: 'postgres', check: async () => (await dataSource.query('SELECT 1'), { ok: true }) },
      {
        name: 'decay-loop',
        check: () => Promise.resolve(runtime.isRunning ? { ok: true } : { ok: false, reason: 'not running' }),
      },
    ],
  }),
  new FastifyAdapter(),
  { logger: new PinoNestLogger(logger) },
);
enableGracefulShutdown(app);
await runtime.start();
await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'decay listening');
