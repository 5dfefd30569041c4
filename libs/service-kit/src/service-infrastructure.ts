import { type LogLevel, type ServiceName } from '@leadscore/config';
import { createKafkaClient, waitForKafkaReady, type KafkaClient } from '@leadscore/kafka';
import {
  createLogger,
  createMetricsRegistry,
  kafkaClientMetricsHooks,
  kafkaLogAdapter,
  type Logger,
  type ReadinessCheck,
} from '@leadscore/observability';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { type Registry } from 'prom-client';

export interface KafkaInfrastructureOptions {
  readonly service: ServiceName;
  readonly logLevel: LogLevel;
  readonly kafkaBrokers: readonly string[];
}

export interface KafkaInfrastructure {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly kafka: KafkaClient;
}

export interface ServiceInfrastructureOptions extends KafkaInfrastructureOptions {
  readonly databaseUrl: string;
  /** PostgreSQL connections in the pool (default 10). */
  readonly poolSize?: number;
}

export interface ServiceInfrastructure extends KafkaInfrastructure {
  readonly dataSource: DataSource;
}

/**
 * The start every Kafka service shares: a logger and a metrics registry named for the service, a Kafka
 * client that logs through it and reports its metrics, and a wait until Kafka answers.
 */
export async function connectKafkaInfrastructure(
  options: KafkaInfrastructureOptions,
): Promise<KafkaInfrastructure> {
  const logger = createLogger({ service: options.service, level: options.logLevel });
  const registry = createMetricsRegistry({ service: options.service });
  const kafka = createKafkaClient({
    brokers: [...options.kafkaBrokers],
    clientId: `leadscore-${options.service}`,
    logger: kafkaLogAdapter(logger),
  });
  kafka.instrumentation.subscribe(kafkaClientMetricsHooks(registry));
  await waitForKafkaReady(kafka);
  return { logger, registry, kafka };
}

/** Kafka as connectKafkaInfrastructure gives it, and the database with its migrations applied. */
export async function connectServiceInfrastructure(
  options: ServiceInfrastructureOptions,
): Promise<ServiceInfrastructure> {
  const { logger, registry, kafka } = await connectKafkaInfrastructure(options);
  const dataSource = await openDatabase({
    url: options.databaseUrl,
    applicationName: `leadscore-${options.service}`,
    ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
  });
  return { logger, registry, kafka, dataSource };
}

/** Ready while PostgreSQL answers a query. */
export function postgresReadiness(dataSource: DataSource): ReadinessCheck {
  return {
    name: 'postgres',
    check: async () => {
      await dataSource.query('SELECT 1');
      return { ok: true };
    },
  };
}

/** Ready while the service's Kafka consumer runs. */
export function consumerReadiness(isRunning: () => boolean): ReadinessCheck {
  return {
    name: 'kafka-consumer',
    check: () => Promise.resolve(isRunning() ? { ok: true } : { ok: false, reason: 'not consuming' }),
  };
}
