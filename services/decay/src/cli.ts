import { parseArgs } from 'node:util';
import { decayConfigSchema, loadConfigOrExit } from '@leadscore/config';
import { createKafkaClient, waitForKafkaReady } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry, kafkaLogAdapter } from '@leadscore/observability';
import { openDatabase } from '@leadscore/persistence';
import { DecayRuntime } from './app/decay.runtime.js';

const USAGE = `usage: decay run [--workspace <id>] [--model <id>] [--at <ISO time>]
  Runs a decay pass now (or to --at) of every model, one workspace's models, or one model, and
  publishes the score changes. Needs the leader lock: stop the decay service (or use its
  POST /v1/decay/run) if one is running. Config from the environment as for the service
  (DATABASE_URL, KAFKA_BROKERS, DECAY_RANGE_SIZE).`;

function fail(message: string): never {
  process.stderr.write(`decay: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: 'string' }, model: { type: 'string' }, at: { type: 'string' } },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { positionals, values } = parsed;
if (positionals.length !== 1 || positionals[0] !== 'run')
  fail(`expected the command "run", got "${positionals.join(' ')}"`);
const at = values.at === undefined ? undefined : Date.parse(values.at);
if (at !== undefined && !Number.isFinite(at))
  fail(`--at "${values.at}" is not an ISO 8601 time such as 2026-01-05T00:00:00Z`);

const config = loadConfigOrExit(decayConfigSchema);
const logger = createLogger({ service: 'decay', level: config.LOG_LEVEL });
const kafka = createKafkaClient({
  brokers: [...config.KAFKA_BROKERS],
  clientId: 'leadscore-decay-cli',
  logger: kafkaLogAdapter(logger),
});
await waitForKafkaReady(kafka);
const dataSource = await openDatabase({
  url: config.DATABASE_URL,
  applicationName: 'leadscore-decay-cli',
  // A range transaction, the outbox publisher (its lock and its queries) and the leader lease at once.
  poolSize: 5,
});
const runtime = new DecayRuntime({
  kafka,
  dataSource,
  logger,
  registry: createMetricsRegistry({ service: 'decay' }),
  rangeSize: config.DECAY_RANGE_SIZE,
  checkIntervalMs: config.DECAY_CHECK_INTERVAL_MS,
});
let exitCode = 0;
try {
  await runtime.connectProducer();
  if (!(await runtime.acquireLeadership())) {
    process.stderr.write(
      'decay: another decay process holds the leader lock; use its POST /v1/decay/run, or stop it first\n',
    );
    exitCode = 3;
  } else {
    const passes = await runtime.runNow({
      ...(values.workspace !== undefined ? { workspace: values.workspace } : {}),
      ...(values.model !== undefined ? { model: values.model } : {}),
      ...(at !== undefined ? { at } : {}),
    });
    process.stdout.write(
      `${JSON.stringify({ passes: passes.map((p) => ({ ...p, target: new Date(p.target).toISOString() })) })}\n`,
    );
  }
} catch (error) {
  process.stderr.write(`decay: pass failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await runtime.stop();
  await dataSource.destroy();
}
process.exit(exitCode);
