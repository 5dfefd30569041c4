import { kafkajsOf, type KafkaClient } from './kafka-client.factory.js';
import { toKafkaError } from './kafka-errors.js';

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
  /** Milliseconds the broker may take to create them (default 30000). */
  readonly timeoutMs?: number;
}

export interface EnsureTopicsResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * Creates the declared topics that do not exist yet, with their partitions and configuration, and
 * waits for their leaders. Idempotent: existing topics are left untouched (their configuration is not
 * reconciled: changing a live topic is an operator's decision), and a concurrent creator is harmless.
 */
export async function ensureTopics(
  client: KafkaClient,
  declarations: readonly TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const admin = kafkajsOf(client).admin();
  try {
    await admin.connect();
    const present = new Set(await admin.listTopics());
    const missing = declarations.filter((topic) => !present.has(topic.name));
    if (missing.length > 0) {
      await admin
        .createTopics({
        waitForLeaders: true,
        timeout: options.timeoutMs ?? 30_000,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: options.replicationFactor ?? -1,
          configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
        })),
        })
        .catch(async (error: unknown) => {
          // Another process may have created some of them meanwhile: fine if all exist now.
          const now = new Set(await admin.listTopics());
          if (!missing.every((topic) => now.has(topic.name))) throw error;
        });
      client.logger.info('kafka topics created', { topics: missing.map((topic) => topic.name) });
    }
    return {
      created: missing.map((topic) => topic.name),
      existing: declarations.filter((topic) => present.has(topic.name)).map((topic) => topic.name),
    };
  } catch (error) {
    throw toKafkaError(error, 'admin', 'ensureTopics failed');
  } finally {
    await admin.disconnect();
  }
}
