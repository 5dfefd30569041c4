import { join } from 'node:path';
import { startKafkaServer, type KafkaServer, type KafkaServerOptions } from './kafka-server.js';
import { startPostgresServer, type PostgresServer, type PostgresServerOptions } from './postgres-server.js';
import { makeTempDir, removeDir } from './temp-dir.js';

export interface KafkaAndPostgres {
  kafka: KafkaServer;
  postgres: PostgresServer;
}

/**
 * Starts Kafka and PostgreSQL side by side. If either fails, the other is stopped as soon as its own
 * start settles, and the error names every failure: nothing this call started outlives a failed call.
 */
export async function startKafkaAndPostgres(options: {
  kafka: KafkaServerOptions;
  postgres: PostgresServerOptions;
}): Promise<KafkaAndPostgres> {
  const [kafka, postgres] = await Promise.allSettled([
    startKafkaServer(options.kafka),
    startPostgresServer(options.postgres),
  ]);
  if (kafka.status === 'fulfilled' && postgres.status === 'fulfilled') {
    return { kafka: kafka.value, postgres: postgres.value };
  }
  const failures: string[] = [];
  if (kafka.status === 'fulfilled') await kafka.value.stop();
  else failures.push(`Kafka: ${messageOf(kafka.reason)}`);
  if (postgres.status === 'fulfilled') await postgres.value.stop();
  else failures.push(`PostgreSQL: ${messageOf(postgres.reason)}`);
  throw new Error(`could not start ${failures.join('; ')}`);
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

export interface TestInfrastructure extends KafkaAndPostgres {
  /** The temp dir holding both servers' data, removed by stop(). */
  readonly dir: string;
  stop(): Promise<void>;
}

export interface TestInfrastructureOptions {
  /** Settings for one of the servers (a test forces a failure through them). */
  kafka?: Partial<KafkaServerOptions>;
  postgres?: Partial<PostgresServerOptions>;
}

/** One throwaway Kafka and one PostgreSQL on free ports in a temp dir, removed again by stop(). */
export async function startTestInfrastructure(
  options: TestInfrastructureOptions = {},
): Promise<TestInfrastructure> {
  const dir = makeTempDir('test-infra');
  let servers: KafkaAndPostgres;
  try {
    servers = await startKafkaAndPostgres({
      kafka: { dataDir: join(dir, 'kafka'), heap: '768m', ...options.kafka },
      postgres: { dataDir: join(dir, 'postgres'), persistent: false, ...options.postgres },
    });
  } catch (error) {
    removeDir(dir);
    throw error;
  }
  return {
    ...servers,
    dir,
    async stop() {
      await Promise.allSettled([servers.kafka.stop(), servers.postgres.stop()]);
      removeDir(dir);
    },
  };
}
