// `npm start`: Kafka, PostgreSQL and ClickHouse as local instances with data under .local/, topics and
// database created, every built service started; Ctrl-C or `npm stop` stops it all cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAnalyticsClient } from '@leadscore/analytics';
import { TOPIC_DECLARATIONS } from '@leadscore/contracts';
import { assertPortFree, startKafkaAndPostgres, type KafkaAndPostgres } from '@leadscore/testing';
import { discoverServices, type ServiceEntry } from './service-catalog.js';
import { ensureDatabase } from './stack-database.js';
import { portFromEnv, stackSettings } from './stack-settings.js';
import { localConsolePassword, localOperatorToken } from './operator-token.js';
import { createStackTopics } from './stack-topics.js';
import { LOCAL_WORKSPACE, publishSampleModel } from './sample-model.js';
import { LOCAL_CONSOLE_ADMIN, seedLocalWorkspace } from './local-workspace.js';

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

// Every path out of here stops what was started: Ctrl-C and `npm stop` at any moment (also while Kafka
// and PostgreSQL are still starting: their launchers signal them when this process exits), and any
// failure of a start step.
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const services = await checkBeforeStart();
mkdirSync(settings.dataDir, { recursive: true });
writeFileSync(settings.stateFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
const operatorToken = localOperatorToken(settings.dataDir);

/** How long `npm start` waits for the services' /readyz before printing where to look. */
const READY_WAIT_MS = 60_000;

let infrastructure: KafkaAndPostgres | undefined;
const children = new Map<string, ChildProcess>();
let stopping = false;

try {
  log('starting Kafka and PostgreSQL');
  infrastructure = await startKafkaAndPostgres({
    kafka: {
      dataDir: join(settings.dataDir, 'kafka'),
      port: settings.kafkaPort,
      controllerPort: settings.kafkaControllerPort,
    },
    postgres: {
      dataDir: join(settings.dataDir, 'postgres'),
      port: settings.postgresPort,
      persistent: true,
    },
  });
  const { kafka, postgres } = infrastructure;
  if (postgres.clusterDir !== join(settings.dataDir, 'postgres', 'cluster')) {
    log(
      `PostgreSQL's data is in ${postgres.clusterDir} (the postgres OS user cannot enter ${settings.dataDir})`,
    );
  }
  const databaseUrl = postgres.urlFor(settings.database);
  await ensureDatabase(postgres.url, settings.database);
  // The api (and, later, ingest) find the local workspace's development keys in PostgreSQL.
  const seeded = await seedLocalWorkspace(databaseUrl, localConsolePassword(settings.dataDir));
  if (seeded.insertedKeys.length > 0)
    log(`seeded workspace "${seeded.workspace}" with keys ${seeded.insertedKeys.join(', ')}`);
  if (seeded.insertedConsoleAdmin) log(`seeded console user ${LOCAL_CONSOLE_ADMIN} (admin)`);
  await createStackTopics(kafka.brokers, TOPIC_DECLARATIONS);
  const sampleModel = await publishSampleModel(settings.root, kafka.brokers);
  const clickhouseVersion = await prepareClickHouse();
  if (!stopping) {
    for (const service of services) startService(service, kafka.brokers, databaseUrl);
    // The addresses are printed once the services answer, so the first request a user sends works.
    const notReady = await waitUntilReady(services.filter((service) => children.has(service.name)));
    for (const name of notReady)
      log(`${name} is not ready after ${READY_WAIT_MS / 1000} s; see its log above`);
    if (!stopping) printWhereToLook({ brokers: kafka.brokers, databaseUrl, clickhouseVersion, sampleModel });
  }
} catch (error) {
  process.stderr.write(`[stack] start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
}

/** Refuses to start next to a running stack or on a taken port; nothing is started before this passes. */
async function checkBeforeStart(): Promise<ServiceEntry[]> {
  const alreadyRunning = runningStackPid();
  if (alreadyRunning) {
    process.stderr.write(
      `the local stack is already running (pid ${alreadyRunning}); \`npm stop\` stops it\n`,
    );
    process.exit(1);
  }
  // `<SERVICE>_PORT` moves one service in the local stack (README, "Troubleshooting").
  const services = discoverServices(settings.root).map((service) => ({
    ...service,
    port: portFromEnv(process.env, `${service.name.toUpperCase()}_PORT`, service.port),
  }));
  try {
    await assertPortFree(settings.kafkaPort, 'Kafka', 'KAFKA_PORT');
    await assertPortFree(settings.kafkaControllerPort, 'the Kafka controller', 'KAFKA_CONTROLLER_PORT');
    await assertPortFree(settings.postgresPort, 'PostgreSQL', 'POSTGRES_PORT');
    for (const service of services) {
      await assertPortFree(service.port, `the ${service.name} service`, `${service.name.toUpperCase()}_PORT`);
    }
  } catch (error) {
    process.stderr.write(`[stack] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  return services;
}

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
  if (infrastructure) {
    await infrastructure.kafka.stop();
    log('Kafka stopped');
    await infrastructure.postgres.stop();
    log('PostgreSQL stopped');
  }
  rmSync(settings.stateFile, { force: true });
  // A Kafka or PostgreSQL still starting is signalled by its launcher's exit guard.
  process.exit(exitCode);
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

/** Polls every service's /readyz until it answers 200; returns the names of those that never did. */
async function waitUntilReady(started: readonly ServiceEntry[]): Promise<string[]> {
  const deadline = Date.now() + READY_WAIT_MS;
  const ready = async (service: ServiceEntry) => {
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`, {
        signal: AbortSignal.timeout(2_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  };
  // A service that exited is not waited for: its exit is logged, and it is reported as not ready.
  const running = (service: ServiceEntry) => children.get(service.name)?.exitCode === null;
  let waiting = [...started];
  while (waiting.length > 0 && Date.now() < deadline && !stopping) {
    const answers = await Promise.all(waiting.map(ready));
    waiting = waiting.filter((service, index) => !answers[index] && running(service));
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return started.filter((service) => waiting.includes(service) || !running(service)).map((s) => s.name);
}

function startService(service: ServiceEntry, brokers: string[], databaseUrl: string): void {
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
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: databaseUrl,
      OPERATOR_TOKEN: operatorToken,
      // Local webhook receivers (http://127.0.0.1:…) are the point of a local stack: allowed here, refused
      // by default everywhere else (libs/webhooks).
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: process.env['WEBHOOK_ALLOW_PRIVATE_NETWORKS'] ?? 'true',
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

function printWhereToLook(stack: {
  brokers: string[];
  databaseUrl: string;
  clickhouseVersion: string;
  sampleModel: string;
}): void {
  const { brokers, databaseUrl, clickhouseVersion, sampleModel } = stack;
  const lines = [
    '',
    'leadscore local stack is up (Ctrl-C or `npm stop` stops it; data stays in .local/)',
    `  Kafka       ${brokers.join(',')}   topics: ${TOPIC_DECLARATIONS.map((t) => t.name).join(', ')}`,
    `  PostgreSQL  ${databaseUrl}`,
    `  Model       ${sampleModel} (examples/models/ontraport.yaml) for workspace "${LOCAL_WORKSPACE}"`,
    `  ClickHouse  ${clickhouseVersion} ${process.env['CLICKHOUSE_URL'] ? `at ${process.env['CLICKHOUSE_URL']}` : `embedded (chDB), data in ${join(settings.dataDir, 'clickhouse')}`}`,
  ];
  const started = services.filter((service) => children.has(service.name));
  if (started.length === 0) lines.push('  Services    none built yet');
  for (const service of started) {
    lines.push(`  ${service.name.padEnd(11)} http://127.0.0.1:${service.port}   (/metrics /healthz /readyz)`);
  }
  const api = started.find((s) => s.name === 'api');
  if (api) {
    lines.push(
      '',
      `API: http://127.0.0.1:${api.port}  docs: http://127.0.0.1:${api.port}/docs (OpenAPI: /openapi.json); try GET /v1/keys with Authorization: Bearer sk_local_dev`,
      `Console: http://127.0.0.1:${api.port}/console  sign in to workspace "${LOCAL_WORKSPACE}" as ${LOCAL_CONSOLE_ADMIN}, password in ${join(settings.dataDir, 'console-password')}`,
    );
  }
  const ingest = started.find((s) => s.name === 'ingest');
  if (ingest) {
    lines.push(
      '',
      `Send an event: POST http://127.0.0.1:${ingest.port}/v1/events (see README.md, "First event")`,
    );
  }
  const decay = started.find((s) => s.name === 'decay');
  const operatorRoutes = [
    ...(api ? [`POST http://127.0.0.1:${api.port}/v1/workspaces`] : []),
    ...(decay ? [`POST http://127.0.0.1:${decay.port}/v1/decay/run`] : []),
  ];
  if (operatorRoutes.length > 0) {
    lines.push(
      `Operator token (${operatorRoutes.join(', ')}): ${process.env['OPERATOR_TOKEN'] ? 'OPERATOR_TOKEN from your environment' : `in ${join(settings.dataDir, 'operator-token')}`}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
