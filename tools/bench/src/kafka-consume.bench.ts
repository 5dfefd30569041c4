// Consume throughput: plain kafkajs eachBatch (autoCommit off) vs our batch consumer (seek-on-join
// hook, plain-batch mapping, heartbeats, instrumentation) over the same pre-filled topic, each with a
// fresh group reading from the beginning. Timed from the first batch to the last message, so group
// join time does not count. Run: npm run bench:kafka-consume -w @leadscore/bench
import kafkajs from 'kafkajs';
import {
  createBatchConsumer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
} from '@leadscore/kafka';
import { runBenchmark, type Measurement } from './benchmark.harness.js';
import { kafkaPayload, withThrowawayKafka } from './kafka-bench.fixtures.js';

const TOTAL = Number(process.env['BENCH_MESSAGES'] ?? 200_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3); // one read takes well under a second: keep the best of three
const PARTITIONS = 6;
const TOPIC = 'bench.consume';

/** Counts messages until `total` arrived; the clock starts at the first batch. */
function stopwatch(total: number) {
  let firstAt = 0;
  let count = 0;
  let finish: (m: Measurement) => void = () => undefined;
  const done = new Promise<Measurement>((resolve) => (finish = resolve));
  return {
    done,
    onBatch(size: number): void {
      if (count === 0) firstAt = performance.now();
      count += size;
      if (count >= total) finish({ count, seconds: (performance.now() - firstAt) / 1000 });
    },
  };
}

await withThrowawayKafka(async (brokers) => {
  const client = createKafkaClient({ brokers, clientId: 'bench-consume', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(client, [{ name: TOPIC, partitions: PARTITIONS, config: {} }]);
  const kafka = new kafkajs.Kafka({
    brokers,
    clientId: 'bench-consume-raw',
    logLevel: kafkajs.logLevel.NOTHING,
  });

  const filler = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await filler.connect();
  for (let i = 0; i < TOTAL; i += 1_000) {
    const messages = Array.from({ length: Math.min(1_000, TOTAL - i) }, (_, j) => kafkaPayload(i + j));
    await filler.sendBatch({ acks: -1, topicMessages: [{ topic: TOPIC, messages }] });
  }
  await filler.disconnect();
  let groupSeq = 0;

  async function plainKafkajs(): Promise<Measurement> {
    const watch = stopwatch(TOTAL);
    const consumer = kafka.consumer({ groupId: `bench-baseline-${(groupSeq += 1)}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        watch.onBatch(batch.messages.length);
        await Promise.resolve();
      },
    });
    const measurement = await watch.done;
    await consumer.disconnect();
    return measurement;
  }

  async function batchConsumer(): Promise<Measurement> {
    const watch = stopwatch(TOTAL);
    const consumer = createBatchConsumer(client, {
      groupId: `bench-subject-${(groupSeq += 1)}`,
      topics: [TOPIC],
      onPartitionsAssigned: () => Promise.resolve(new Map()), // as the scorer: no stored offsets yet
      handler: async (batch) => {
        watch.onBatch(batch.messages.length);
        await Promise.resolve();
      },
    });
    await consumer.start();
    const measurement = await watch.done;
    await consumer.stop();
    return measurement;
  }

  await runBenchmark({
    name: `kafka-consume: ${TOTAL} msg over ${PARTITIONS} partitions`,
    units: 'msg',
    rounds: ROUNDS,
    baseline: { name: 'kafkajs-eachBatch', run: plainKafkajs },
    subject: { name: 'batch-consumer', run: batchConsumer },
  });
});
