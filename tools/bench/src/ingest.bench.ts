// Ingest HTTP throughput, each as a ratio to a bare Fastify handler measured in the same run:
//   1. POST /v1/events with batches of 100 events (events/s): validation, identity rules, and the
//      batching producer (acks=-1) coalescing concurrent requests (services/ingest/src/app/event.publisher.ts).
//   2. GET /v1/pixel.gif with a signed URL (requests/s): signature check, machine-open classification,
//      validation and the hand-over to the producer (the GIF does not wait for the ack; the events are
//      produced during the run). Target ratio ≥ 0.4.
// Both servers run as child processes (the ingest service is the built services/ingest/dist/main.js, so
// this measures what ships); autocannon drives them from this process.
// Build: npm run build -w @leadscore/config -w @leadscore/observability -w @leadscore/ingest -w @leadscore/bench
// Run:   node tools/bench/dist/ingest.bench.js   (knobs: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS,
//        BENCH_CASES=events,pixel, BENCH_INGEST_NODE_ARGS / BENCH_BARE_NODE_ARGS: node flags for the
//        ingest / bare server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import { freePort, waitForPort, workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats?: Readonly<Record<string, { count: number }>>;
}
interface AutocannonOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly connections: number;
  readonly duration: number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

// autocannon is CommonJS without type declarations: load it through require, typed by the interface above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 64);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const CASES = new Set((process.env['BENCH_CASES'] ?? 'events,pixel').split(',').map((c) => c.trim()));
// Extra node flags for the ingest process only (node refuses --cpu-prof in NODE_OPTIONS).
const INGEST_NODE_ARGS = (process.env['BENCH_INGEST_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const EVENTS_PER_REQUEST = 100;
const WORKSPACE = 'bench';
const SECRET_KEY = 'sk_bench_secret_key';
const PIXEL_SECRET = 'bench-pixel-secret-of-at-least-32-chars';

const eventsBody = JSON.stringify(
  Array.from({ length: EVENTS_PER_REQUEST }, (_, i) => ({
    id: `bench-${i}`,
    type: i % 2 === 0 ? 'web.page_viewed' : 'email.clicked',
    subject: `email:contact${i}@example.com`,
    data: {
      url: `https://example.com/page/${i}`,
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
    },
  })),
);

/** The signed pixel query, computed as services/ingest/src/pixel/pixel-signature.ts does (a tool may not import a service). */
function pixelQuery(): string {
  const claims = { w: WORKSPACE, c: 'email:reader@example.com', t: 'email.opened', m: 'bench-message' };
  const key = createHmac('sha256', PIXEL_SECRET).update(`leadscore-pixel-v1:${claims.w}`).digest();
  const s = createHmac('sha256', key)
    .update(JSON.stringify(['v1', claims.w, claims.c, claims.t, claims.m, '']))
    .digest('base64url');
  return new URLSearchParams({ ...claims, s }).toString();
}

// The baseline: the least a Fastify server can do for the same requests.
const BARE_FASTIFY = `
import Fastify from 'fastify';
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const app = Fastify({ bodyLimit: 524288 });
app.get('/v1/pixel.gif', async (request, reply) => reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(gif));
app.post('/v1/events', async (request, reply) => reply.status(202).send({ accepted: request.body.length }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => process.exit(0));
`;

async function startServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: workspaceRoot(),
  });
  await waitForPort(port);
  return { port, child };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function load(options: AutocannonOptions, unitsPerRequest: number): Promise<Measurement> {
  const result = await autocannon(options);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${options.url}: ${failed} of ${result.requests.total} requests failed (${JSON.stringify(result.statusCodeStats ?? {})})`,
    );
  return { count: result.requests.total * unitsPerRequest, seconds: result.duration };
}

await withThrowawayKafka(async (brokers) => {
  const client = createKafkaClient({ brokers, clientId: 'bench-ingest', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(
    client,
    TOPIC_DECLARATIONS.filter((t) => t.name === Topics.events || t.name === Topics.eventsDeadLetter),
  );

  const bare = await startServer(
    [
      ...(process.env['BENCH_BARE_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
      '--input-type=module',
      '-e',
      BARE_FASTIFY,
    ],
    {},
  );
  const ingest = await startServer(
    [...INGEST_NODE_ARGS, join(workspaceRoot(), 'services/ingest/dist/main.js')],
    {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      KAFKA_BROKERS: brokers.join(','),
      INGEST_PIXEL_SECRET: PIXEL_SECRET,
      INGEST_RATE_LIMIT_EVENTS_PER_SECOND: '10000000',
      INGEST_RATE_LIMIT_BURST: '10000000',
      INGEST_WORKSPACES: JSON.stringify([
        {
          workspace: WORKSPACE,
          keys: [{ kind: 'secret', sha256: createHash('sha256').update(SECRET_KEY).digest('hex') }],
        },
      ]),
    },
  );
  try {
    const post = (port: number) => ({
      url: `http://127.0.0.1:${port}/v1/events`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET_KEY}` },
      body: eventsBody,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const pixel = (port: number) => ({
      url: `http://127.0.0.1:${port}/v1/pixel.gif?${pixelQuery()}`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });

    // Warm up both servers (JIT, Kafka connections, first metadata) outside the measurement.
    await load({ ...post(ingest.port), duration: 2 }, EVENTS_PER_REQUEST);
    await load({ ...pixel(ingest.port), duration: 2 }, 1);
    await load({ ...pixel(bare.port), duration: 2 }, 1);

    if (CASES.has('events'))
      await runBenchmark({
        name: `ingest /v1/events: batches of ${EVENTS_PER_REQUEST}, ${CONNECTIONS} connections, ${SECONDS} s`,
        units: 'events',
        rounds: ROUNDS,
        baseline: { name: 'bare-fastify-post', run: () => load(post(bare.port), EVENTS_PER_REQUEST) },
        subject: { name: 'ingest-events', run: () => load(post(ingest.port), EVENTS_PER_REQUEST) },
      });
    if (CASES.has('pixel'))
      await runBenchmark({
        name: `ingest /v1/pixel.gif: signed opens, ${CONNECTIONS} connections, ${SECONDS} s`,
        units: 'req',
        rounds: ROUNDS,
        baseline: { name: 'bare-fastify-gif', run: () => load(pixel(bare.port), 1) },
        subject: { name: 'ingest-pixel', run: () => load(pixel(ingest.port), 1) },
      });
  } finally {
    await stop(ingest.child);
    await stop(bare.child);
  }
});
