// `leadscore send` of an NDJSON file, as a ratio to a bare HTTP client posting the same events in
// requests of the same size with as many in flight (bodies built before its clock starts; a tool may
// not import an app, so it batches in file order where the CLI spreads contacts over lanes) to the
// same ingest, measured in the same run. Target: ≥ 0.8. The CLI's time is the whole process: start,
// reading and parsing the file, batching, posting, the report. Both send every event of the file
// each round (the ids repeat across rounds: ingest produces them again; consumers dedupe).
// Build: npx nx run-many -t build
// Run:   node tools/bench/dist/send.bench.js   (knobs: BENCH_EVENTS (100000), BENCH_ROUNDS (3),
//        BENCH_CONCURRENCY (the CLI's default, 4))
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import { workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { startServer, stop } from './http-bench.fixtures.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** The CLI's defaults (apps/cli/src/send.command.ts). */
const BATCH_SIZE = 500;
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const WORKSPACE = 'bench';
const SECRET_KEY = 'sk_bench_secret_key';

const events = Array.from({ length: EVENTS }, (_, i) => ({
  id: `send-bench-${i}`,
  type: i % 3 === 0 ? 'email.clicked' : 'web.page_viewed',
  subject: `email:contact${i % 20_000}@example.com`,
  time: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
  data: {
    url: `https://example.com/page/${i % 500}`,
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
  },
}));

/** The request bodies: the events in file order, BATCH_SIZE to a request. */
function batchBodies(): string[] {
  const bodies: string[] = [];
  for (let from = 0; from < events.length; from += BATCH_SIZE)
    bodies.push(JSON.stringify(events.slice(from, from + BATCH_SIZE)));
  return bodies;
}

/** The bare client: CONCURRENCY workers post the pre-built bodies, each taking the next one free. */
async function postBodies(url: string, bodies: readonly string[]): Promise<Measurement> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body,
      });
      const receipt = (await response.json()) as { rejected?: number };
      if (response.status !== 202 || receipt.rejected !== 0)
        throw new Error(`bare client: ${response.status} ${JSON.stringify(receipt).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { count: EVENTS, seconds: (performance.now() - started) / 1000 };
}

/** `leadscore send FILE --json` as a process, timed from spawn to exit; every event must be accepted. */
async function runCliSend(ingestUrl: string, file: string): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(workspaceRoot(), 'apps/cli/dist/leadscore.js'),
      'send',
      file,
      '--json',
      '--concurrency',
      String(CONCURRENCY),
    ],
    {
      env: {
        ...process.env,
        LEADSCORE_INGEST_URL: ingestUrl,
        LEADSCORE_KEY: SECRET_KEY,
        LEADSCORE_CONFIG: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(stdout || '{}') as { accepted?: number };
  if (status !== 0 || report.accepted !== EVENTS)
    throw new Error(`leadscore send exited ${status}: ${stdout.slice(0, 500)}`);
  return { count: EVENTS, seconds };
}

await withThrowawayKafka(async (brokers) => {
  const client = createKafkaClient({ brokers, clientId: 'bench-send', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(
    client,
    TOPIC_DECLARATIONS.filter((t) => t.name === Topics.events || t.name === Topics.eventsDeadLetter),
  );
  const folder = await mkdtemp(join(tmpdir(), 'leadscore-send-bench-'));
  const file = join(folder, 'events.ndjson');
  await writeFile(file, `${events.map((event) => JSON.stringify(event)).join('\n')}\n`);
  const bodies = batchBodies();
  const ingest = await startServer([join(workspaceRoot(), 'services/ingest/dist/main.js')], {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    KAFKA_BROKERS: brokers.join(','),
    INGEST_RATE_LIMIT_EVENTS_PER_SECOND: '10000000',
    INGEST_RATE_LIMIT_BURST: '10000000',
    INGEST_WORKSPACES: JSON.stringify([
      {
        workspace: WORKSPACE,
        keys: [{ kind: 'secret', sha256: createHash('sha256').update(SECRET_KEY).digest('hex') }],
      },
    ]),
  });
  const url = `http://127.0.0.1:${ingest.port}`;
  try {
    process.stdout.write(
      `context  ${EVENTS} events, ${bodies.length} requests of ${BATCH_SIZE}, ${CONCURRENCY} in flight\n`,
    );
    // Warm-up: JIT, connections, topic metadata.
    await postBodies(`${url}/v1/events`, bodies);
    await runBenchmark({
      name: `leadscore send: ${EVENTS} events of an NDJSON file, ${CONCURRENCY} requests in flight`,
      units: 'events',
      rounds: ROUNDS,
      baseline: { name: 'bare-http-client', run: () => postBodies(`${url}/v1/events`, bodies) },
      subject: { name: 'leadscore-send', run: () => runCliSend(url, file) },
    });
  } finally {
    await stop(ingest.child);
    await rm(folder, { recursive: true, force: true });
  }
});
