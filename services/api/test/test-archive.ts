import {
  createBatchingProducer,
  createKafkaClient,
  silentLogger,
  type ProducedMessage,
} from '@leadscore/kafka';
import {
  makeTempDir,
  pollUntil,
  removeDir,
  createArchivedTopics,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueDatabaseName,
  uniqueName,
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
  /** The topics it archives (an api publishing to `events` has its erasures applied). */
  readonly topics: { readonly events: string };
  /** Produces the records and waits until the analytics service has archived them. */
  archive(workspace: string, records: ArchiveRecords): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestArchive(): Promise<TestArchive> {
  const topics = await createArchivedTopics('api-archive', {
    events: 2,
    scoreChanges: 2,
    lifecycleChanges: 2,
    deadLetters: 2,
  });
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'api-archive',
    logger: silentLogger,
  });
  const dataPath = makeTempDir('api-archive');
  const { url, service, archivedRows } = await startTestAnalytics({
    topics,
    dataPath,
    database: uniqueDatabaseName('api_archive'),
    consumerGroup: uniqueName('api-archive'),
  });
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  let archivedRowsExpected = 0;
  return {
    url,
    topics,
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
      archivedRowsExpected += events.length + changes.length + letters.length;
      await pollUntil(archivedRows, (rows) => rows >= archivedRowsExpected, {
        withinMs: 60_000,
        everyMs: 50,
        waitingFor: `${archivedRowsExpected} rows archived (${service.output.join('').slice(-1500)})`,
      });
    },
    async stop() {
      await producer.disconnect();
      await service.stop();
      removeDir(dataPath);
    },
  };
}
