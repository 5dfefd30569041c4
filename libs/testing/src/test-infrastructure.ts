import { join } from 'node:path';
import { startKafkaServer, type KafkaServer } from './kafka-server.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';
import { makeTempDir, removeDir } from './temp-dir.js';

export interface TestInfrastructure {
  kafka: KafkaServer;
  postgres: PostgresServer;
  stop(): Promise<void>;
}

/** One throwaway Kafka and one PostgreSQL on free ports in a temp dir, removed again by stop(). */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const dir = makeTempDir('test-infra');
  const [kafka, postgres] = await Promise.all([
    startKafkaServer({ dataDir: join(dir, 'kafka'), heap: '768m' }),
    startPostgresServer({ dataDir: join(dir, 'postgres'), persistent: false }),
  ]);
  return {
    kafka,
    postgres,
    async stop() {
      await Promise.allSettled([kafka.stop(), postgres.stop()]);
      removeDir(dir);
    },
  };
}
