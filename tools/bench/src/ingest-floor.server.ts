// The pixel's floor for the ingest benchmark (ingest.bench.ts): the bare Fastify GIF handler that also
// hands one event per request to the batching producer ingest uses (libs/kafka, idempotent, acks=-1,
// same linger and retry policy), without making the response wait for the ack, as the pixel does.
// The event is pre-serialized (the bench copies one the ingest service produced: same key, value size
// and headers), so this is what any pixel must pay on this machine before doing anything of its own.
// Run by the bench as a child process: PORT, KAFKA_BROKERS, BENCH_FLOOR_TOPIC, BENCH_FLOOR_MESSAGE
// (JSON: key, value, headers), BENCH_FLOOR_LINGER_MS. GET /stats answers what Kafka acknowledged.
import Fastify from 'fastify';
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

// The ingest service's client and producer settings (services/ingest/src/main.ts).
const client = createKafkaClient({
  brokers: required('KAFKA_BROKERS').split(','),
  clientId: 'bench-pixel-floor',
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

const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const app = Fastify({ bodyLimit: 524288 });
// The bare handler (ingest.bench.ts) plus the hand-over to the producer.
app.get('/v1/pixel.gif', async (_request, reply) => {
  pending += 1;
  void producer.send(topic, messages).then(acked, lost);
  return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(gif);
});
app.get('/stats', (_request, reply) => reply.send({ acknowledged, failed, pending }));
await app.listen({ host: '127.0.0.1', port: Number(required('PORT')) });

process.on('SIGTERM', () => {
  void producer
    .disconnect()
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
