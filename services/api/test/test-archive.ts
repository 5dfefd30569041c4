import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  type ProducedMessage,
} from '@leadscore/kafka';
import {
  freePort,
  makeTempDir,
  pollUntil,
  removeDir,
  startBuiltService,
  testKafkaBrokers,
  uniqueName,
  waitForPort,
} from '@leadscore/testing';

/** Records of one workspace for the archive's topics, as the services produce them (CloudEvents JSON). */
export interface ArchiveRecords {
  readonly events?: readonly Record<string, unknown>[];
  readonly scoreChanges?: readonly Record<string, unknown>[];
  readonly deadLetters?: readonly { readonly value: string; readonly reason: string }[];
}

/** The built analytics service on topics and a ClickHouse archive of its own, for the api's archive routes. */
export interface TestArchive {
  readonly url: string;
  /** Produces the records and waits until the analytics service has archived them. */
  archive(workspace: string, records: ArchiveRecords): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestArchive(): Promise<TestArchive> {
  const topics = {
    events: uniqueName('api-archive.events'),
    scoreChanges: uniqueName('api-archive.score-changed'),
    lifecycle: uniqueName('api-archive.lifecycle'),
    deadLetters: uniqueName('api-archive.dlq'),
  };
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'api-archive',
    logger: silentLogger,
  });
  await ensureTopics(
    kafka,
    Object.values(topics).map((name) => ({ name, partitions: 2, config: {} })),
  );
  const dataPath = makeTempDir('api-archive');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = uniqueName('api_archive')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const service = startBuiltService('analytics', {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    CLICKHOUSE_DATA_PATH: dataPath,
    ANALYTICS_DATABASE: database,
    ANALYTICS_CONSUMER_GROUP: uniqueName('api-archive'),
    ANALYTICS_EVENTS_TOPIC: topics.events,
    ANALYTICS_SCORE_CHANGED_TOPIC: topics.scoreChanges,
    ANALYTICS_LIFECYCLE_TOPIC: topics.lifecycle,
    ANALYTICS_DEAD_LETTER_TOPIC: topics.deadLetters,
    ANALYTICS_MAX_WAIT_MS: '50',
  });
  await waitForPort(port);
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  let archivedRows = 0;
  const rowsArchived = async () => {
    const metrics = await (await fetch(`${url}/metrics`)).text();
    return [...metrics.matchAll(/^leadscore_analytics_archived_rows_total\{[^}]*\} (\d+)/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  };
  return {
    url,
    async archive(workspace, records) {
      const keyed = (record: Record<string, unknown>): ProducedMessage => ({
        key: `${workspace}:${String(record['subject'])}`,
        value: JSON.stringify({ specversion: '1.0', workspace, ...record }),
      });
      const events = (records.events ?? []).map(keyed);
      const changes = (records.scoreChanges ?? []).map(keyed);
      const letters = (records.deadLetters ?? []).map((letter) => ({
        key: workspace,
        value: letter.value,
        headers: { 'leadscore-dlq-reason': letter.reason },
      }));
      await Promise.all([
        producer.send(topics.events, events),
        producer.send(topics.scoreChanges, changes),
        producer.send(topics.deadLetters, letters),
      ]);
      archivedRows += events.length + changes.length + letters.length;
      await pollUntil(rowsArchived, (rows) => rows >= archivedRows, {
        withinMs: 60_000,
        everyMs: 50,
        waitingFor: `${archivedRows} rows archived (${service.output.join('').slice(-1500)})`,
      });
    },
    async stop() {
      await producer.disconnect();
      await service.stop();
      removeDir(dataPath);
    },
  };
}
