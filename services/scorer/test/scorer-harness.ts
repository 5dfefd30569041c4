import { type CanonicalEvent, type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  stderrLogger,
  type ConsumedMessage,
  type KafkaClient,
} from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { type DataSource } from '@leadscore/persistence';
import {
  readTopic as readTopicRecords,
  testKafkaBrokers,
  uniqueName,
  waitUntilConsumed,
} from '@leadscore/testing';
import { ScorerRuntime } from '../src/app/scorer.runtime.js';
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

export { waitUntilConsumed };

/** The records of a topic until `count` were accepted (or the timeout: then what was read), with a grace period for extras. */
export function readTopic(
  kafka: KafkaClient,
  topic: string,
  count: number,
  timeoutMs = 60_000,
  accept?: (message: ConsumedMessage) => boolean,
): Promise<ConsumedMessage[]> {
  return readTopicRecords(kafka, topic, {
    until: (records) => records.length >= count,
    ...(accept ? { accept } : {}),
    timeoutMs,
    onTimeout: 'return',
    graceMs: 500,
  });
}

/** A scorer runtime on this test file's topics, logging warnings only, in a consumer group of its own. */
export function testScorer(
  kafka: KafkaClient,
  dataSource: DataSource,
  topics: ScorerTopics,
  consumerGroup = uniqueName('scorer'),
): ScorerRuntime {
  return new ScorerRuntime({
    kafka,
    dataSource,
    logger: createLogger({ service: 'scorer', level: 'warn' }),
    registry: createMetricsRegistry({ service: 'scorer' }),
    consumerGroup,
    topics,
    sessionTimeoutMs: 10_000,
  });
}

/**
 * Scores `events` (or raw records, as `produceEvents` takes them) through a scorer started for them:
 * produced, consumed to the last one, stopped.
 */
export async function scoreEvents(
  kafka: KafkaClient,
  dataSource: DataSource,
  topics: ScorerTopics,
  events: Parameters<typeof produceEvents>[2],
): Promise<void> {
  const consumerGroup = uniqueName('scorer');
  const runtime = testScorer(kafka, dataSource, topics, consumerGroup);
  await runtime.start();
  try {
    await produceEvents(kafka, topics.events, events);
    await waitUntilConsumed(kafka, dataSource, consumerGroup, topics.events);
  } finally {
    await runtime.stop();
  }
}

/** The score changes on `topic`, as `readTopic` reads them, parsed. */
export async function readScoreChanges(
  kafka: KafkaClient,
  topic: string,
  count: number,
  timeoutMs?: number,
): Promise<ScoreChangedEvent[]> {
  return (await readTopic(kafka, topic, count, timeoutMs)).map(
    (m) => JSON.parse(m.value?.toString('utf8') ?? '{}') as ScoreChangedEvent,
  );
}
