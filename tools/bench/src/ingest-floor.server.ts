// The floors of the ingest benchmark (ingest.bench.ts): what any ingest must pay on this machine before
// doing anything of its own, with the batching producer ingest uses (libs/kafka, idempotent, acks=-1,
// same linger and retry policy).
// - GET /v1/pixel.gif: the bare Fastify GIF handler that also hands one event per request to the
//   producer, without making the response wait for the ack, as the pixel does. The event is
//   pre-serialized (BENCH_FLOOR_MESSAGE, a copy of one the ingest service produced: same key, value size
//   and headers). The answer is the pixel's own: its GIF and its no-cache headers (which every pixel must
//   send, so that every open reaches it), loaded from the built ingest service.
// - POST /v1/events: Fastify parses the JSON array; each element becomes its event (BENCH_FLOOR_EVENT, one
//   /v1/events event the ingest service produced, with the element's id, type, subject and data) keyed by
//   workspace and subject, serialized and produced with the sample's headers; 202 once Kafka acked them
//   all, as ingest answers. No validation, no identity rules: parse and produce alone.
// Run by the bench as a child process: PORT, KAFKA_BROKERS, BENCH_FLOOR_TOPIC, BENCH_FLOOR_MESSAGE and
// BENCH_FLOOR_EVENT (JSON: key, value, headers), BENCH_FLOOR_LINGER_MS. GET /stats answers what Kafka
// acknowledged of the pixel's events.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { workspaceRoot } from '@leadscore/testing';
import {
  createBatchingProducer,
  createKafkaClient,
  silentLogger,
  type ProducedMessage,
} from '@leadscore/kafka';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const topic = required('BENCH_FLOOR_TOPIC');
const parsed = JSON.parse(required('BENCH_FLOOR_MESSAGE')) as {
  key: string;
  value: string;
  headers: Record<string, string>;
};
const messages: readonly ProducedMessage[] = [
  { key: parsed.key, value: parsed.value, headers: parsed.headers },
];
const sample = JSON.parse(required('BENCH_FLOOR_EVENT')) as {
  value: string;
  headers: Record<string, string>;
};
const sampleEvent = JSON.parse(sample.value) as Record<string, unknown> & { workspace: string };

// The ingest service's client and producer settings (services/ingest/src/main.ts).
const client = createKafkaClient({
  brokers: required('KAFKA_BROKERS').split(','),
  clientId: 'bench-ingest-floor',
  logger: silentLogger,
  retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
  connectionTimeoutMs: 2_000,
});
const producer = createBatchingProducer(client, {
  lingerMs: Number(process.env['BENCH_FLOOR_LINGER_MS'] ?? 2),
});
await producer.connect();

let acknowledged = 0;
let failed = 0;
let pending = 0;
const acked = (): void => {
  acknowledged += 1;
  pending -= 1;
};
const lost = (): void => {
  failed += 1;
  pending -= 1;
};

// Loaded by path: a tool may not import a service's package.
const { PIXEL_HEADERS, TRANSPARENT_GIF } = (await import(
  pathToFileURL(join(workspaceRoot(), 'services/ingest/dist/pixel/transparent-gif.js')).href
)) as { PIXEL_HEADERS: Readonly<Record<string, string>>; TRANSPARENT_GIF: Buffer };
const app = Fastify({ bodyLimit: 524288 });
// The bare handler (ingest.bench.ts) plus the hand-over to the producer.
app.get('/v1/pixel.gif', async (_request, reply) => {
  pending += 1;
  void producer.send(topic, messages).then(acked, lost);
  return reply.headers(PIXEL_HEADERS).status(200).send(TRANSPARENT_GIF);
});
app.post<{ Body: { id: string; type: string; subject: string; data: unknown }[] }>(
  '/v1/events',
  async (request, reply) => {
    const events = request.body.map((element) => ({
      key: `${sampleEvent.workspace}:${element.subject}`,
      value: JSON.stringify({
        ...sampleEvent,
        id: element.id,
        type: element.type,
        subject: element.subject,
        data: element.data,
      }),
      headers: sample.headers,
    }));
    await producer.send(topic, events);
    return reply.status(202).send({ accepted: events.length });
  },
);
app.get('/stats', (_request, reply) => reply.send({ acknowledged, failed, pending }));
await app.listen({ host: '127.0.0.1', port: Number(required('PORT')) });

process.on('SIGTERM', () => {
  void producer
    .disconnect()
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
