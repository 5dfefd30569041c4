// Produce throughput: plain kafkajs sendBatch (1,000 messages per request, acks=-1, idempotent) vs
// the batching producer fed the way the ingest service feeds it: many concurrent callers, each
// awaiting one small send at a time. Run: npm run bench:kafka-produce -w @leadscore/bench
import kafkajs from 'kafkajs';
import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
} from '@leadscore/kafka';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { kafkaPayload, withThrowawayKafka } from './kafka-bench.fixtures.js';

const TOTAL = Number(process.env['BENCH_MESSAGES'] ?? 200_000);
const BASELINE_BATCH = 1_000;
const CALLERS = Number(process.env['BENCH_CALLERS'] ?? 1_000);
const PER_SEND = Number(process.env['BENCH_MESSAGES_PER_SEND'] ?? 1);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const PARTITIONS = 6;

const messages = Array.from({ length: TOTAL }, (_, i) => kafkaPayload(i));
let topicSeq = 0;

await withThrowawayKafka(async (brokers) => {
  const client = createKafkaClient({ brokers, clientId: 'bench-produce', logger: silentLogger });
  await waitForKafkaReady(client);
  const freshTopic = async (role: string): Promise<string> => {
    const name = `bench.produce.${role}.${(topicSeq += 1)}`;
    await ensureTopics(client, [{ name, partitions: PARTITIONS, config: {} }]);
    return name;
  };

  const kafka = new kafkajs.Kafka({
    brokers,
    clientId: 'bench-produce-raw',
    logLevel: kafkajs.logLevel.NOTHING,
  });

  async function plainKafkajs(): Promise<Measurement> {
    const topic = await freshTopic('baseline');
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const started = performance.now();
    for (let i = 0; i < TOTAL; i += BASELINE_BATCH) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [{ topic, messages: messages.slice(i, i + BASELINE_BATCH) }],
      });
    }
    const seconds = (performance.now() - started) / 1000;
    await producer.disconnect();
    return { count: TOTAL, seconds };
  }

  async function batchingProducer(): Promise<Measurement> {
    const topic = await freshTopic('subject');
    const producer = createBatchingProducer(client);
    await producer.connect();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (next < TOTAL) {
          const from = next;
          next += PER_SEND;
          await producer.send(topic, messages.slice(from, from + PER_SEND));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await producer.disconnect();
    return { count: TOTAL, seconds };
  }

  await runBenchmark({
    name: `kafka-produce: ${TOTAL} msg, acks=-1; subject fed by ${CALLERS} concurrent callers x ${PER_SEND} msg/send`,
    units: 'msg',
    rounds: ROUNDS,
    baseline: { name: 'kafkajs-sendBatch-1000', run: plainKafkajs },
    subject: { name: 'batching-producer', run: batchingProducer },
  });
});
