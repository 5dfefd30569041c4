import 'reflect-metadata';
import { ingestConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { createBatchingProducer, createKafkaClient, waitForKafkaReady } from '@leadscore/kafka';
import {
  createLogger,
  createMetricsRegistry,
  enableGracefulShutdown,
  kafkaClientMetricsHooks,
  kafkaLogAdapter,
} from '@leadscore/observability';
import { SettingsCipher, parseSettingsKey } from '@leadscore/access';
import { contactAliasRepository, createDataSource, type DataSource } from '@leadscore/persistence';
import { DatabaseKeyDirectory } from './auth/database-key-directory.js';
import { DatabaseContactAliases } from './identity/contact-aliases.js';
import { workspaceDirectoryFromConfig } from './auth/workspace-directory.config.js';
import { loadWorkspaceSnapshot } from './auth/workspace-snapshot.js';
import { createIngestApp } from './app/ingest.app.js';
import { settingsFromConfig } from './app/ingest.settings.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(ingestConfigSchema);
  const logger = createLogger({ service: 'ingest', level: config.LOG_LEVEL });
  const settings = settingsFromConfig(config);
  const bootstrap = workspaceDirectoryFromConfig(config.INGEST_WORKSPACES, config.NODE_ENV === 'production');
  if (config.INGEST_WORKSPACES === undefined) {
    logger.warn(
      { production: config.NODE_ENV === 'production' },
      'INGEST_WORKSPACES is not set: besides the keys in PostgreSQL, only the local development workspace (or none in production) can send events',
    );
  }
  // Opens the provider secrets the api sealed: the same SETTINGS_ENCRYPTION_KEY as the api's.
  const settingsCipher = new SettingsCipher(
    parseSettingsKey(config.SETTINGS_ENCRYPTION_KEY),
    config.SETTINGS_ENCRYPTION_PREVIOUS_KEYS.map(parseSettingsKey),
  );
  // Read only: the api (and every other service) migrates the schema; until then a load fails and is retried.
  let dataSource: DataSource | undefined;
  const directory = new DatabaseKeyDirectory({
    bootstrap,
    refreshMs: config.INGEST_KEYS_REFRESH_MS,
    logger,
    load: async () => {
      if (!dataSource?.isInitialized) {
        const candidate = createDataSource({
          url: config.DATABASE_URL,
          poolSize: 2,
          applicationName: 'leadscore-ingest',
        });
        await candidate.initialize();
        dataSource = candidate;
      }
      return loadWorkspaceSnapshot(dataSource.manager, settingsCipher);
    },
  });
  await directory.start();
  const aliases = new DatabaseContactAliases({
    refreshMs: config.INGEST_KEYS_REFRESH_MS,
    logger,
    load: async (since, limit) => {
      // The same read-only connection as the keys' (opened by their first load).
      if (!dataSource?.isInitialized) return [];
      return contactAliasRepository.since(dataSource.manager, since, limit);
    },
  });
  await aliases.start();
  const registry = createMetricsRegistry({ service: 'ingest' });
  const kafka = createKafkaClient({
    brokers: [...config.KAFKA_BROKERS],
    clientId: 'leadscore-ingest',
    logger: kafkaLogAdapter(logger),
    // Bounded retries: a request waits at most INGEST_PRODUCE_TIMEOUT_MS and then answers 503.
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    connectionTimeoutMs: 2_000,
  });
  kafka.instrumentation.subscribe(kafkaClientMetricsHooks(registry));
  const producer = createBatchingProducer(kafka, { lingerMs: config.INGEST_PRODUCE_LINGER_MS });
  try {
    await producer.connect();
  } catch (error) {
    // Requests answer 503 until the broker is back; /readyz says why.
    logger.error({ err: error }, 'Kafka producer could not connect at start');
  }
  const app = await createIngestApp({
    settings,
    directory,
    aliases,
    producer,
    registry,
    logger,
    readinessChecks: [
      {
        name: 'kafka',
        check: async () => {
          await waitForKafkaReady(kafka, { timeoutMs: 1_500 });
          return { ok: true };
        },
      },
    ],
  });
  enableGracefulShutdown(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      await directory.stop();
      await dataSource?.destroy();
    });
  await app.listen({ host: config.HOST, port: config.PORT });
  logger.info({ host: config.HOST, port: config.PORT, topic: settings.eventsTopic }, 'ingest listening');
}

await main();
