import { kafkajsOf, type KafkaClient } from './kafka-client.factory.js';
import { toKafkaError } from './kafka-errors.js';
import { retryTransient } from './transient-retry.js';

/** What ensureTopics needs of a topic; `TOPIC_DECLARATIONS` from @leadscore/contracts fits. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Topic-level configuration, e.g. `cleanup.policy: compact`. */
  readonly config: Readonly<Record<string, string>>;
}

export interface EnsureTopicsOptions {
  /** Replicas per partition; -1 (default) lets the broker apply `default.replication.factor`. */
  readonly replicationFactor?: number;
  /** Milliseconds to create them and see a leader for every partition (default 30000). */
  readonly timeoutMs?: number;
}

export interface EnsureTopicsResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * Creates the declared topics that do not exist yet, with their partitions and configuration, and
 * waits until every partition has a leader. Idempotent: existing topics are left untouched (their
 * configuration is not reconciled: changing a live topic is an operator's decision), and concurrent
 * callers creating the same topics are harmless.
 */
export async function ensureTopics(
  client: KafkaClient,
  declarations: readonly TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const admin = kafkajsOf(client).admin();

  const untilDeadline = <T>(attempt: () => Promise<T>): Promise<T> => retryTransient(attempt, deadline);

  try {
    await admin.connect();
    const created: string[] = [];
    const existing: string[] = [];
    // One topic per request: the broker's answer (created, or TOPIC_ALREADY_EXISTS) is then exact for
    // each, even while another process creates some of them. kafkajs's own waitForLeaders gives up on
    // UNKNOWN_TOPIC_OR_PARTITION while the metadata of a new topic propagates, so we wait ourselves.
    for (const topic of declarations) {
      const isNew = await untilDeadline(() =>
        admin.createTopics({
          waitForLeaders: false,
          timeout: timeoutMs,
          topics: [
            {
              topic: topic.name,
              numPartitions: topic.partitions,
              replicationFactor: options.replicationFactor ?? -1,
              configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
            },
          ],
        }),
      );
      (isNew ? created : existing).push(topic.name);
    }
    if (declarations.length > 0) {
      const names = declarations.map((topic) => topic.name);
      await untilDeadline(async () => {
        const { topics } = await admin.fetchTopicMetadata({ topics: names });
        const leaderless = topics.filter(
          (t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0),
        );
        if (leaderless.length > 0 || topics.length < names.length) {
          throw Object.assign(new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`), {
            retriable: true,
          });
        }
      });
    }
    if (created.length > 0) client.logger.info('kafka topics created', { topics: created });
    return { created, existing };
  } catch (error) {
    throw toKafkaError(error, 'admin', 'ensureTopics failed');
  } finally {
    await admin.disconnect();
  }
}
