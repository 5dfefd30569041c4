import { type CanonicalEvent, type ScoringModel } from '@leadscore/contracts';
import {
  createBatchConsumer,
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  highWatermarks,
  silentLogger,
  stderrLogger,
  type ConsumedMessage,
  type KafkaClient,
} from '@leadscore/kafka';
import { type DataSource } from '@leadscore/persistence';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';

export function testKafka(name: string): KafkaClient {
  // SCORER_TEST_KAFKA_LOG=info shows kafkajs's own logs on stderr when a test needs diagnosing.
  const level = process.env['SCORER_TEST_KAFKA_LOG'];
  return createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: uniqueName(name),
    ...(level === 'info' || level === 'debug'
      ? { logger: stderrLogger, logLevel: level }
      : { logger: silentLogger }),
  });
}

/** Topics of this test file's own, shaped like the platform's. */
export async function createScorerTopics(kafka: KafkaClient, partitions = 4): Promise<ScorerTopics> {
  const prefix = uniqueName('scorer');
  const topics: ScorerTopics = {
    events: `${prefix}.events`,
    models: `${prefix}.models`,
    scoreChanged: `${prefix}.score-changed`,
    deadLetter: `${prefix}.dlq`,
  };
  await ensureTopics(kafka, [
    { name: topics.events, partitions, config: {} },
    { name: topics.models, partitions: 1, config: { 'cleanup.policy': 'compact' } },
    { name: topics.scoreChanged, partitions, config: {} },
    { name: topics.deadLetter, partitions: 1, config: {} },
  ]);
  return topics;
}

export async function publishModel(kafka: KafkaClient, topic: string, model: ScoringModel): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  await producer.send(topic, [{ key: `${model.workspace}:${model.id}`, value: JSON.stringify(model) }]);
  await producer.disconnect();
}

export async function produceEvents(
  kafka: KafkaClient,
  topic: string,
  events: readonly (CanonicalEvent | { raw: string; key: string })[],
): Promise<void> {
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  for (let i = 0; i < events.length; i += 1_000) {
    await producer.send(
      topic,
      events
        .slice(i, i + 1_000)
        .map((e) =>
          'raw' in e
            ? { key: e.key, value: e.raw }
            : { key: `${e.workspace}:${e.subject}`, value: JSON.stringify(e) },
        ),
    );
  }
  await producer.disconnect();
}

/** Resolves once the offsets stored in PostgreSQL reached every partition's high watermark. */
export async function waitUntilConsumed(
  kafka: KafkaClient,
  dataSource: DataSource,
  group: string,
  topic: string,
  timeoutMs = 180_000,
): Promise<void> {
  const targets = await highWatermarks(kafka, topic);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await dataSource.query<{ partition: number; next_offset: string }[]>(
      'SELECT partition, next_offset::text AS next_offset FROM consumer_offsets WHERE consumer_group = $1 AND topic = $2',
      [group, topic],
    );
    const stored = new Map(rows.map((r) => [r.partition, BigInt(r.next_offset)]));
    if ([...targets].every(([p, high]) => (stored.get(p) ?? 0n) >= BigInt(high))) return;
    if (Date.now() > deadline)
      throw new Error(
        `not consumed in ${timeoutMs} ms: stored ${JSON.stringify([...stored].map(([p, o]) => [p, String(o)]))}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every record of a topic, read with a throwaway group until `count` arrived (or the timeout). */
export async function readTopic(
  kafka: KafkaClient,
  topic: string,
  count: number,
  timeoutMs = 60_000,
  /** Only records this accepts are collected and counted (other tests may share the topic). */
  accept: (message: ConsumedMessage) => boolean = () => true,
): Promise<ConsumedMessage[]> {
  const messages: ConsumedMessage[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const consumer = createBatchConsumer(kafka, {
    groupId: uniqueName('reader'),
    topics: [topic],
    fromBeginning: true,
    handler: (batch) => {
      messages.push(...batch.messages.filter(accept));
      if (messages.length >= count) done();
      return Promise.resolve();
    },
  });
  await consumer.start();
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  // Anything beyond `count` (a duplicate) arrives within a short grace period.
  await new Promise((r) => setTimeout(r, 500));
  await consumer.stop();
  return messages;
}
