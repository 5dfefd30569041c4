import 'reflect-metadata';
import { apiConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { createLogger, createMetricsRegistry, enableGracefulShutdown } from '@leadscore/observability';
import { openDatabase } from '@leadscore/persistence';
import { postgresReadiness } from '@leadscore/service-kit';
import { createApiApp } from './app/api.app.js';

const config = loadConfigOrExit(apiConfigSchema);
const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
const registry = createMetricsRegistry({ service: 'api' });
// Workspaces, keys and the audit log live in PostgreSQL; this slice of the api does not use Kafka yet.
const dataSource = await openDatabase({ url: config.DATABASE_URL, applicationName: 'leadscore-api' });

const app = await createApiApp({
  context: { dataSource, now: () => new Date() },
  operatorToken: config.OPERATOR_TOKEN,
  registry,
  logger,
  readinessChecks: [postgresReadiness(dataSource)],
});
enableGracefulShutdown(app);
app
  .getHttpAdapter()
  .getInstance()
  .addHook('onClose', async () => {
    await dataSource.destroy();
  });
await app.listen({ host: config.HOST, port: config.PORT });
if (config.OPERATOR_TOKEN === undefined) {
  logger.info('OPERATOR_TOKEN is not set: POST /v1/workspaces is switched off (answers 403)');
}
logger.info({ host: config.HOST, port: config.PORT }, 'api listening');
