import 'reflect-metadata';
import { SettingsCipher, parseSettingsKey } from '@leadscore/access';
import { apiConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { createLogger, createMetricsRegistry, enableGracefulShutdown } from '@leadscore/observability';
import { Topics } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, waitForKafkaReady } from '@leadscore/kafka';
import { kafkaLogAdapter } from '@leadscore/observability';
import { openDatabase } from '@leadscore/persistence';
import { postgresReadiness } from '@leadscore/service-kit';
import { WebhookTargetGuard, webhookTargetPolicyOf } from '@leadscore/webhooks';
import { createApiApp } from './app/api.app.js';
import { ModelDocuments } from './scores/model-documents.js';
import { ScoreStatsCache } from './scores/score-stats.js';
import { fileURLToPath } from 'node:url';
import { ArchiveGateway } from './archive/archive-gateway.js';
import { PipelineMetricsGateway } from './pipeline/pipeline-metrics-gateway.js';

/** A ping answers while the caller waits: a receiver gets as long as one threshold attempt by default. */
const WEBHOOK_PING_TIMEOUT_MS = 10_000;

const config = loadConfigOrExit(apiConfigSchema);
const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
const registry = createMetricsRegistry({ service: 'api' });
const dataSource = await openDatabase({ url: config.DATABASE_URL, applicationName: 'leadscore-api' });
const kafka = createKafkaClient({
  brokers: [...config.KAFKA_BROKERS],
  clientId: 'leadscore-api',
  logger: kafkaLogAdapter(logger),
  // Bounded: a route that publishes answers 503 rather than hanging while Kafka is away.
  retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
  connectionTimeoutMs: 2_000,
});
const producer = createBatchingProducer(kafka);
try {
  await producer.connect();
} catch (error) {
  // Routes that publish answer 503 until the broker is back; /readyz says why.
  logger.error({ err: error }, 'Kafka producer could not connect at start');
}

const settingsCipher = new SettingsCipher(
  parseSettingsKey(config.SETTINGS_ENCRYPTION_KEY),
  config.SETTINGS_ENCRYPTION_PREVIOUS_KEYS.map(parseSettingsKey),
);
const app = await createApiApp({
  context: {
    dataSource,
    producer,
    topics: { events: Topics.events, models: Topics.models },
    webhooks: {
      guard: new WebhookTargetGuard(webhookTargetPolicyOf(config)),
      pingTimeoutMs: WEBHOOK_PING_TIMEOUT_MS,
    },
    settingsCipher,
    scoreStats: new ScoreStatsCache(dataSource, config.API_SCORE_STATS_MAX_AGE_MS, () => new Date()),
    modelDocuments: new ModelDocuments(dataSource),
    archive: new ArchiveGateway(config.ANALYTICS_URL),
    backtestMaxContacts: config.API_BACKTEST_MAX_CONTACTS,
    rescoreTransitionsPerSecond: config.API_RESCORE_TRANSITIONS_PER_SECOND,
    pipelineMetrics: new PipelineMetricsGateway(config.PIPELINE_METRICS_URLS),
    now: () => new Date(),
  },
  operatorToken: config.OPERATOR_TOKEN,
  rateLimit: { perSecond: config.API_RATE_LIMIT_PER_SECOND, burst: config.API_RATE_LIMIT_BURST },
  trustedProxies: config.API_TRUSTED_PROXIES,
  // services/api/dist/main.js → apps/console/dist of the same checkout (or image).
  consoleDir: config.CONSOLE_DIR ?? fileURLToPath(new URL('../../../apps/console/dist', import.meta.url)),
  registry,
  logger,
  readinessChecks: [
    postgresReadiness(dataSource),
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
    await producer.disconnect();
    await dataSource.destroy();
  });
await app.listen({ host: config.HOST, port: config.PORT });
if (config.OPERATOR_TOKEN === undefined) {
  logger.info('OPERATOR_TOKEN is not set: POST /v1/workspaces is switched off (answers 403)');
}
// The key id is what provider_secrets.key_id holds for secrets sealed now (a rotation's progress).
logger.info({ host: config.HOST, port: config.PORT, settingsKeyId: settingsCipher.keyId }, 'api listening');
