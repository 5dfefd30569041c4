import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, decayConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { PinoNestLogger, enableGracefulShutdown } from '@leadscore/observability';
import { connectServiceInfrastructure, postgresReadiness } from '@leadscore/service-kit';
import { DecayModule } from './app/decay.module.js';
import { DecayRuntime } from './app/decay.runtime.js';
import { parseWorkspaceTimeZones, type WorkspaceTimeZones } from './decay/workspace-time-zones.js';

const config = loadConfigOrExit(decayConfigSchema);
let workspaceTimeZones: WorkspaceTimeZones;
try {
  workspaceTimeZones = parseWorkspaceTimeZones(config.DECAY_WORKSPACE_TIME_ZONES);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const { logger, registry, kafka, dataSource } = await connectServiceInfrastructure({
  service: 'decay',
  logLevel: config.LOG_LEVEL,
  kafkaBrokers: config.KAFKA_BROKERS,
  databaseUrl: config.DATABASE_URL,
});
const runtime = new DecayRuntime({
  kafka,
  dataSource,
  logger,
  registry,
  rangeSize: config.DECAY_RANGE_SIZE,
  checkIntervalMs: config.DECAY_CHECK_INTERVAL_MS,
  workspaceTimeZones,
  onLeadershipLost: () => process.exit(1),
});

const app = await NestFactory.create<NestFastifyApplication>(
  DecayModule.forRoot({
    runtime,
    registry,
    operatorToken: config.OPERATOR_TOKEN,
    readinessChecks: [
      postgresReadiness(dataSource),
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
if (config.OPERATOR_TOKEN === undefined) {
  logger.info('OPERATOR_TOKEN is not set: POST /v1/decay/run is switched off (answers 403)');
}
logger.info(
  { host: config.HOST, port: config.PORT, workspaceTimeZones: Object.fromEntries(workspaceTimeZones) },
  'decay listening',
);
