// Ingest HTTP throughput, each as a ratio to a bare Fastify handler measured in the same run:
//   1. POST /v1/events with batches of 100 events (events/s): validation, identity rules, and the
//      batching producer (acks=-1) coalescing concurrent requests (services/ingest/src/app/event.publisher.ts).
//   2. GET /v1/pixel.gif with a signed URL (requests/s): signature check, machine-open classification,
//      validation and the hand-over to the producer (the GIF does not wait for the ack; the events are
//      produced during the run). Target ratio ≥ 0.4. Measured in the same rounds, as a reference: the
//      pixel's floor (ingest-floor.server.ts), the bare handler plus one pre-serialized event of the
//      pixel's real size, key and headers handed to the same batching producer per request; printed
//      as floor/bare (what producing alone costs on this machine) and pixel/floor.
// The servers run as child processes (the ingest service is the built services/ingest/dist/main.js, so
// this measures what ships); autocannon drives them from this process. Under each result a `cpu` line
// gives the CPU each process used meanwhile (share of one core, µs per request or event), the rest of
// the machine (other processes), and how busy the machine was in all (of 100 % per core).
// Build: npm run build -w @leadscore/config -w @leadscore/observability -w @leadscore/kafka -w @leadscore/ingest -w @leadscore/bench
// Run:   node tools/bench/dist/ingest.bench.js   (knobs: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS,
//        BENCH_CASES=events,pixel, BENCH_INGEST_NODE_ARGS / BENCH_BARE_NODE_ARGS / BENCH_FLOOR_NODE_ARGS:
//        node flags for the ingest / bare / floor server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
import { type ChildProcess } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { Headers as KafkaHeaders, TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';
import { workspaceRoot } from '@leadscore/testing';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { load, startServer, stop, type CpuWatch } from './http-bench.fixtures.js';
import { withThrowawayKafka } from './kafka-bench.fixtures.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 64);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const CASES = new Set((process.env['BENCH_CASES'] ?? 'events,pixel').split(',').map((c) => c.trim()));
// Extra node flags for the ingest process only (node refuses --cpu-prof in NODE_OPTIONS).
const nodeArgs = (name: string): string[] => (process.env[name] ?? '').split(' ').filter(Boolean);
const INGEST_NODE_ARGS = nodeArgs('BENCH_INGEST_NODE_ARGS');
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

/**
 * One event of `type` exactly as the ingest service produced it during the warm-up (key, value, headers),
 * read back from the events topic: the floor server produces copies of it.
 */
async function producedEvent(
  brokers: string[],
  type: string,
): Promise<{ key: string; value: string; headers: Record<string, string> }> {
  const kafka = new kafkajs.Kafka({
    brokers,
    clientId: 'bench-ingest-sample',
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `bench-ingest-sample-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: Topics.events, fromBeginning: true });
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${type} event on the events topic within 30 s`)),
        30_000,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const headers: Record<string, string> = {};
            for (const [name, raw] of Object.entries(message.headers ?? {})) {
              const value = Array.isArray(raw) ? raw.at(-1) : raw;
              if (value !== undefined) headers[name] = value.toString();
            }
            if (headers[KafkaHeaders.eventType] === type && message.key && message.value) {
              clearTimeout(timer);
              resolve({ key: message.key.toString(), value: message.value.toString(), headers });
            }
            await Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

await withThrowawayKafka(async (brokers, broker) => {
  const client = createKafkaClient({ brokers, clientId: 'bench-ingest', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(
    client,
    TOPIC_DECLARATIONS.filter((t) => t.name === Topics.events || t.name === Topics.eventsDeadLetter),
  );

  const bare = await startServer(
    [...nodeArgs('BENCH_BARE_NODE_ARGS'), '--input-type=module', '-e', BARE_FASTIFY],
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
  let floor: { port: number; child: ChildProcess } | undefined;
  try {
    const watch = (server: string, child: ChildProcess): CpuWatch => ({
      [server]: child.pid ?? -1,
      kafka: broker.pid,
      'bench(autocannon)': process.pid,
    });
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

    {
      const event = await producedEvent(brokers, 'email.opened');
      const posted = await producedEvent(brokers, 'web.page_viewed');
      floor = await startServer(
        [
          ...nodeArgs('BENCH_FLOOR_NODE_ARGS'),
          join(workspaceRoot(), 'tools/bench/dist/ingest-floor.server.js'),
        ],
        {
          KAFKA_BROKERS: brokers.join(','),
          BENCH_FLOOR_TOPIC: Topics.events,
          BENCH_FLOOR_MESSAGE: JSON.stringify(event),
          BENCH_FLOOR_EVENT: JSON.stringify(posted),
        },
      );
      process.stdout.write(
        `context  floor events: pixel ${Buffer.byteLength(event.value)} bytes of value, posted ${Buffer.byteLength(posted.value)} bytes; ${Object.keys(event.headers).length} headers\n`,
      );
      await load({ ...pixel(floor.port), duration: 2 }, 1);
      await load({ ...post(floor.port), duration: 2 }, EVENTS_PER_REQUEST);
    }
    const floorChecked = async (port: number, child: ChildProcess): Promise<Measurement> => {
      const measurement = await load(pixel(port), 1, watch('floor', child));
      const stats = (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as { failed: number };
      if (stats.failed > 0)
        throw new Error(`the floor server lost ${stats.failed} events (Kafka did not ack them)`);
      return measurement;
    };

    const floorServer = floor;
    if (!floorServer) throw new Error('the floor server did not start');
    if (CASES.has('events'))
      await runBenchmark({
        name: `ingest /v1/events: batches of ${EVENTS_PER_REQUEST}, ${CONNECTIONS} connections, ${SECONDS} s`,
        units: 'events',
        rounds: ROUNDS,
        baseline: {
          name: 'bare-fastify-post',
          run: () => load(post(bare.port), EVENTS_PER_REQUEST, watch('bare', bare.child)),
        },
        references: [
          {
            name: 'floor-parse-produce',
            run: () => load(post(floorServer.port), EVENTS_PER_REQUEST, watch('floor', floorServer.child)),
          },
        ],
        subject: {
          name: 'ingest-events',
          run: () => load(post(ingest.port), EVENTS_PER_REQUEST, watch('ingest', ingest.child)),
        },
      });
    if (CASES.has('pixel'))
      await runBenchmark({
        name: `ingest /v1/pixel.gif: signed opens, ${CONNECTIONS} connections, ${SECONDS} s`,
        units: 'req',
        rounds: ROUNDS,
        baseline: {
          name: 'bare-fastify-gif',
          run: () => load(pixel(bare.port), 1, watch('bare', bare.child)),
        },
        references: [
          { name: 'floor-gif-produce', run: () => floorChecked(floorServer.port, floorServer.child) },
        ],
        subject: {
          name: 'ingest-pixel',
          run: () => load(pixel(ingest.port), 1, watch('ingest', ingest.child)),
        },
      });
  } finally {
    if (floor) await stop(floor.child);
    await stop(ingest.child);
    await stop(bare.child);
  }
});
