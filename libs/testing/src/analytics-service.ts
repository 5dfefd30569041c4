import { createKafkaClient, ensureTopics, highWatermarks, silentLogger } from '@leadscore/kafka';
import { startBuiltService, type BuiltService } from './built-service.js';
import { freePort, waitForPort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { testKafkaBrokers, uniqueName } from './test-environment.js';

/** The topics the analytics service archives, by what they hold (its ANALYTICS_*_TOPIC settings). */
export interface ArchivedTopics {
  readonly events: string;
  readonly scoreChanges: string;
  readonly lifecycleChanges: string;
  readonly deadLetters: string;
}

/** Four topics of a test's own, as the analytics service archives them, created on the run's Kafka. */
export async function createArchivedTopics(
  prefix: string,
  partitions: Readonly<Record<keyof ArchivedTopics, number>> = {
    events: 3,
    scoreChanges: 3,
    lifecycleChanges: 2,
    deadLetters: 1,
  },
): Promise<ArchivedTopics> {
  const topics: ArchivedTopics = {
    events: uniqueName(`${prefix}.events`),
    scoreChanges: uniqueName(`${prefix}.score-changed`),
    lifecycleChanges: uniqueName(`${prefix}.lifecycle`),
    deadLetters: uniqueName(`${prefix}.dlq`),
  };
  const kafka = createKafkaClient({ brokers: testKafkaBrokers(), clientId: prefix, logger: silentLogger });
  await ensureTopics(
    kafka,
    (Object.keys(topics) as (keyof ArchivedTopics)[]).map((role) => ({
      name: topics[role],
      partitions: partitions[role],
      config: {},
    })),
  );
  return topics;
}

export interface TestAnalyticsOptions {
  readonly topics: ArchivedTopics;
  /** The embedded engine's data path (ignored by the service when CLICKHOUSE_URL is set). */
  readonly dataPath: string;
  readonly database: string;
  readonly consumerGroup: string;
  /** Further settings, e.g. ANALYTICS_SESSION_TIMEOUT_MS. */
  readonly env?: Readonly<Record<string, string>>;
  /** Its port (default a free one), e.g. the same one across a restart. */
  readonly port?: number;
}

export interface TestAnalytics {
  readonly url: string;
  readonly service: BuiltService;
  /** Its /metrics text. */
  readonly metrics: () => Promise<string>;
  /** Rows this process has inserted into the archive so far (its counter starts at 0 with the process). */
  readonly archivedRows: () => Promise<number>;
  /**
   * Resolves once the archive ends at every partition's high watermark of its topics as they are when
   * the wait begins (the offsets it stores after each batch, GET /internal/v1/offsets).
   */
  readonly waitUntilArchived: (timeoutMs?: number) => Promise<void>;
}

/** Rows inserted into the archive, summed over tables, from an analytics service's /metrics text. */
export function archivedRowsIn(metrics: string): number {
  return [...metrics.matchAll(/^leadscore_analytics_archived_rows_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

/** The built analytics service (services/analytics/dist/main.js) on the run's Kafka, listening once this resolves. */
export async function startTestAnalytics(options: TestAnalyticsOptions): Promise<TestAnalytics> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const service = startBuiltService('analytics', {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    CLICKHOUSE_DATA_PATH: options.dataPath,
    ANALYTICS_DATABASE: options.database,
    ANALYTICS_CONSUMER_GROUP: options.consumerGroup,
    ANALYTICS_EVENTS_TOPIC: options.topics.events,
    ANALYTICS_SCORE_CHANGED_TOPIC: options.topics.scoreChanges,
    ANALYTICS_LIFECYCLE_TOPIC: options.topics.lifecycleChanges,
    ANALYTICS_DEAD_LETTER_TOPIC: options.topics.deadLetters,
    ANALYTICS_MAX_WAIT_MS: '50',
    ...options.env,
  });
  await waitForPort(port);
  const metrics = async () => (await fetch(`${url}/metrics`)).text();
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'archived-wait',
    logger: silentLogger,
  });
  const waitUntilArchived = async (timeoutMs = 120_000) => {
    const { events, scoreChanges, lifecycleChanges, deadLetters } = options.topics;
    const archived = [events, scoreChanges, lifecycleChanges, deadLetters];
    const targets = new Map<string, Map<number, string>>();
    for (const topic of archived) targets.set(topic, await highWatermarks(kafka, topic));
    let lastAnswer = '';
    const reached = async () => {
      const response = await fetch(`${url}/internal/v1/offsets`);
      // A failed read of the offsets (the archive busy with a merge or a migration) is "not yet", not a
      // failure of the test: the poll's timeout reports the last answer if it never comes right.
      if (!response.ok) {
        lastAnswer = `${response.status} ${await response.text()}`;
        return false;
      }
      const { topics } = (await response.json()) as { topics: Record<string, Record<string, string>> };
      return [...targets].every(([topic, highs]) =>
        [...highs].every(
          ([partition, high]) => BigInt(topics[topic]?.[String(partition)] ?? '0') >= BigInt(high),
        ),
      );
    };
    await pollUntil(reached, Boolean, {
      withinMs: timeoutMs,
      everyMs: 100,
      waitingFor: `the archive to reach the end of ${archived.join(', ')} (${service.output.join('').slice(-1500)})`,
      show: () => (lastAnswer === '' ? 'offsets behind' : `offsets unreadable: ${lastAnswer}`),
    });
  };
  return {
    url,
    service,
    metrics,
    archivedRows: async () => archivedRowsIn(await metrics()),
    waitUntilArchived,
  };
}
