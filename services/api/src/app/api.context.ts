import type { BatchingProducer } from '@leadscore/kafka';
import type { DataSource } from '@leadscore/persistence';

/** The topics the api publishes to (tests give each suite topics of its own). */
export interface ApiTopics {
  /** leads.events.v1: outcomes recorded through the api travel with every other event. */
  readonly events: string;
  /** leads.models.v1: models applied through the api. */
  readonly models: string;
}

/**
 * What every use case works with: the database, Kafka (an idempotent producer whose `send` resolves
 * once the broker acknowledged) and the clock (a parameter, so tests can set it).
 */
export interface ApiContext {
  readonly dataSource: DataSource;
  readonly producer: BatchingProducer;
  readonly topics: ApiTopics;
  readonly now: () => Date;
}
